package org.salesbench.cli.internal.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.internal.Messages;
import org.salesbench.cli.internal.commands.TableCopy.Checksum;
import org.salesbench.cli.internal.commands.TableCopy.Layout;
import org.salesbench.cli.internal.commands.TableCopy.Table;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.PostgresServer;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.DatabaseSettings.Dialect;

/**
 * {@code migrate-db --to jdbc:postgresql://server/db [--to-user USER] [--replace]}: moves the embedded Derby database
 * the launcher names to a PostgreSQL server. The server database is created or migrated by the same changelogs
 * ({@link Database#open}); then every table both have is copied in one transaction, parents first, with the server's
 * user triggers off (the derived tables, such as the board totals and the furthest stage, are copied as they are, and
 * no audit trigger records the move), the id generator SB_SEQUENCE among them. Counts and checksums of every table are
 * compared inside that transaction, which commits only if all are equal: a failed move leaves the server database as
 * its migration made it. A server database that a Salesbench had migrated before this run is taken to hold data and is
 * refused, naming its largest table, unless {@code --replace} is given (also the way to run again after a failed move).
 */
public class MigrateDbCommand implements CliCommand {

    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    private static final String SEQUENCE_TABLE = "SB_SEQUENCE";
    private static final String WRONG_PASSWORD = "28P01";
    private static final String NO_AUTHORIZATION = "28000";
    private static final String NO_DATABASE = "3D000";


    @Override
    public String help() {
        return Messages.MigrateDb_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, Set.of("to", "to-user"), Set.of("replace"));
        args.expect();
        DatabaseSettings source = context.settings();
        if (source.dialect() != Dialect.DERBY) {
            throw CommandException.usage(NLS.bind(Messages.MigrateDb_notEmbedded, source.displayName()));
        }
        String url = args.option("to");
        if (url == null || url.isBlank()) {
            throw CommandException.usage(Messages.MigrateDb_toMissing);
        }
        url = url.strip();
        if (url.toLowerCase(Locale.ROOT).contains("password=")) {
            throw CommandException.usage(NLS.bind(Messages.MigrateDb_passwordInUrl, displayName(url)));
        }
        if (!url.toLowerCase(Locale.ROOT).startsWith(POSTGRES_PREFIX)) {
            throw CommandException.usage(NLS.bind(Messages.MigrateDb_notPostgres, url));
        }
        PostgresServer server;
        try {
            server = PostgresServer.of(url);
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(NLS.bind(Messages.MigrateDb_notPostgres, url));
        }
        String user = args.option("to-user", System.getProperty("user.name"));
        // looked up on each run: one command object serves every run of an in-process command line
        ServerPassword passwords = ServerPassword.ofThisProcess();
        String password;
        try {
            password = passwords.find(server, user).orElseThrow(() -> CommandException.usage(NLS.bind(Messages.MigrateDb_noPassword,
                    new Object[] { user, server, passwords.passwordFile() })));
        } catch (IOException e) {
            throw CommandException.data(NLS.bind(Messages.MigrateDb_passwordFile, passwords.passwordFile(), e.getMessage()), e);
        }
        DatabaseSettings target = new DatabaseSettings(url, user, password);
        boolean migratedBefore = checkConnection(target, server);

        context.database(); // the source, migrated to this version's schema, so both sides have the same tables
        SecurityService security = context.service(SecurityService.class);
        try {
            Database.open(target, security).close(); // creates or migrates the server's schema by the same changelogs
        } catch (DatabaseException e) {
            throw CommandException.data(e.getMessage(), e);
        }
        List<Row> report = move(source, target, migratedBefore && !args.flag("replace"), context.err());
        print(context.out(), report);
        try {
            target.deleteSearchIndexes();
            context.err().println(NLS.bind(Messages.MigrateDb_searchIndex, target.searchIndexFolder()));
        } catch (IOException e) {
            context.err().println(NLS.bind(Messages.MigrateDb_searchIndexFailed, target.searchIndexFolder(), e.getMessage()));
        }
        long rows = report.stream().mapToLong(r -> r.source().rows()).sum();
        context.err().println(NLS.bind(Messages.MigrateDb_done,
                new Object[] { source.displayName(), target.displayName(), report.size(), rows, user }));
        return OK;
    }

    /** One line of the printed comparison. */
    record Row(String table, Checksum source, Checksum target) {
        boolean equal() {
            return source.equals(target);
        }
    }

    /**
     * Signs in once, so that an unreachable server, a wrong password or a missing database is said before anything is
     * opened; returns whether the database had been migrated by a Salesbench before.
     */
    private static boolean checkConnection(DatabaseSettings target, PostgresServer server) throws CommandException {
        try (Connection c = Database.connect(target)) {
            return TableCopy.isMigrated(c);
        } catch (SQLException e) {
            throw connectFailure(e, target, server);
        } catch (DatabaseException e) {
            throw CommandException.data(e.getMessage(), e);
        }
    }

    private static CommandException connectFailure(SQLException e, DatabaseSettings target, PostgresServer server) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals(WRONG_PASSWORD) || state.equals(NO_AUTHORIZATION)) {
            return CommandException.data(NLS.bind(Messages.MigrateDb_wrongPassword, new Object[] { server, target.user(), e.getMessage() }), e);
        }
        if (state.equals(NO_DATABASE)) {
            return CommandException.data(NLS.bind(Messages.MigrateDb_noDatabase,
                    new Object[] { server.host() + ":" + server.port(), server.database(), target.user() }), e);
        }
        if (state.startsWith("08")) {
            return CommandException.data(NLS.bind(Messages.MigrateDb_unreachable, server.host() + ":" + server.port(), e.getMessage()), e);
        }
        return CommandException.data(NLS.bind(Messages.MigrateDb_connectFailed, new Object[] { target.displayName(), target.user(), e.getMessage() }), e);
    }

    /** The copy and its check, in one transaction on the server; returns the comparison of every table. */
    private static List<Row> move(DatabaseSettings sourceSettings, DatabaseSettings targetSettings, boolean refuseData, PrintStream progress)
            throws CommandException {
        String where = "";
        try (Connection source = Database.connect(sourceSettings); Connection target = Database.connect(targetSettings)) {
            source.setAutoCommit(false);
            source.setReadOnly(true);
            target.setAutoCommit(false);
            try {
                Layout layout = TableCopy.layout(source, target);
                if (!layout.onlyInSource().isEmpty()) {
                    throw CommandException.data(NLS.bind(Messages.MigrateDb_onlyInSource, targetSettings.displayName(),
                            String.join(", ", layout.onlyInSource())), null);
                }
                if (!layout.columnProblems().isEmpty()) {
                    throw CommandException.data(NLS.bind(Messages.MigrateDb_columnsDiffer, targetSettings.displayName(),
                            String.join(", ", layout.columnProblems())), null);
                }
                refuseData(target, targetSettings, layout.tables(), refuseData);
                if (!layout.onlyInTarget().isEmpty()) {
                    progress.println(NLS.bind(Messages.MigrateDb_onlyInTarget, String.join(", ", layout.onlyInTarget())));
                }
                setUserTriggers(target, layout.tables(), false);
                // the server's rows of a fresh migration (the id generator's row, seeded settings) give way to this database's
                TableCopy.deleteAll(target, layout.tables());
                for (Table table : layout.tables()) {
                    where = table.label();
                    long rows = TableCopy.copy(source, target, table);
                    progress.println(NLS.bind(Messages.MigrateDb_copied, table.label(), rows));
                }
                setUserTriggers(target, layout.tables(), true);
                advanceIdentities(target, layout.tables());
                where = "";
                List<Row> report = new ArrayList<>();
                for (Table table : layout.tables()) {
                    report.add(new Row(table.label(), TableCopy.checksum(source, table, true, false), TableCopy.checksum(target, table, false, true)));
                }
                List<String> different = report.stream().filter(r -> !r.equal()).map(Row::table).toList();
                if (!different.isEmpty()) {
                    print(progress, report);
                    throw CommandException.data(NLS.bind(Messages.MigrateDb_different, targetSettings.displayName(), String.join(", ", different)), null);
                }
                target.commit();
                return report;
            } catch (CommandException | SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            } finally {
                source.rollback();
            }
        } catch (SQLException e) {
            String reason = DatabaseException.messageOf(e);
            throw CommandException.data(where.isEmpty() ? NLS.bind(Messages.MigrateDb_failed, targetSettings.displayName(), reason)
                    : NLS.bind(Messages.MigrateDb_failedAt, new Object[] { targetSettings.displayName(), where, reason }), e);
        }
    }

    /**
     * Refuses a server database holding Salesbench data, naming the table with most rows: any database that had been
     * migrated before this run. One this run migrated first holds only what its migration seeds (the default pipelines,
     * the id generator's row), which the copy replaces.
     */
    private static void refuseData(Connection target, DatabaseSettings targetSettings, List<Table> tables, boolean migratedBefore)
            throws SQLException, CommandException {
        if (!migratedBefore) {
            return;
        }
        Table sequence = tables.stream().filter(t -> t.label().equals(SEQUENCE_TABLE)).findFirst().orElse(null);
        Map.Entry<String, Long> largest = TableCopy.largest(target, tables.stream().filter(t -> t != sequence).toList());
        if (largest != null) {
            throw CommandException.usage(NLS.bind(Messages.MigrateDb_hasData,
                    new Object[] { targetSettings.displayName(), largest.getKey(), largest.getValue() }));
        }
        if (sequence != null) {
            long handedOut;
            try (PreparedStatement s = target.prepareStatement("SELECT MAX(SEQ_COUNT) FROM " + TableCopy.quote(sequence.name()));
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                handedOut = rs.getLong(1);
            }
            if (handedOut > 0) {
                throw CommandException.usage(NLS.bind(Messages.MigrateDb_hasIds, targetSettings.displayName(), handedOut));
            }
        }
    }

    /**
     * Turns the server's user triggers of every table off or on again (inside the transaction). Off during the copy, the
     * derived tables they keep are copied as the source has them instead of being summed twice, and audit triggers do
     * not record the move as new changes. The checksums compare the derived tables too.
     */
    /**
     * Tables whose ids the server numbers itself (identity columns, such as the audit trail's) go on after the highest
     * copied id: their sequences do not see rows inserted with explicit ids.
     */
    private static void advanceIdentities(Connection target, List<Table> tables) throws SQLException {
        for (Table t : tables) {
            try (PreparedStatement find = target.prepareStatement("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_schema = CURRENT_SCHEMA() AND LOWER(table_name) = LOWER(?) AND (is_identity = 'YES' OR column_default LIKE 'nextval%')")) {
                find.setString(1, t.name());
                try (ResultSet rs = find.executeQuery()) {
                    while (rs.next()) {
                        String column = rs.getString(1);
                        try (Statement s = target.createStatement()) {
                            s.execute("SELECT SETVAL(PG_GET_SERIAL_SEQUENCE('" + t.name().toLowerCase(java.util.Locale.ROOT) + "', '" + column
                                    + "'), COALESCE((SELECT MAX(" + column + ") FROM " + TableCopy.quote(t.name()) + "), 0) + 1, FALSE)");
                        }
                    }
                }
            }
        }
    }

    private static void setUserTriggers(Connection target, List<Table> tables, boolean enabled) throws SQLException {
        try (Statement s = target.createStatement()) {
            for (Table t : tables) {
                s.execute("ALTER TABLE " + TableCopy.quote(t.name()) + (enabled ? " ENABLE" : " DISABLE") + " TRIGGER USER");
            }
        }
    }

    private static void print(PrintStream out, List<Row> report) {
        String format = "%-28s %12s %12s  %-16s  %s%n";
        out.printf(format, Messages.MigrateDb_columnTable, Messages.MigrateDb_columnSource, Messages.MigrateDb_columnTarget,
                Messages.MigrateDb_columnChecksum, "");
        for (Row r : report) {
            out.printf(format, r.table(), r.source().rows(), r.target().rows(), r.target().hash().substring(0, 16),
                    r.equal() ? Messages.MigrateDb_equal : Messages.MigrateDb_notEqual);
        }
    }

    private static String displayName(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
