package org.salesbench.cli.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.salesbench.cli.internal.Cli;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/** Runs the command line in-process on an embedded Derby database in a temporary folder, as the launcher would. */
final class CliFixture {

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    final Path dbDir;
    final DatabaseSettings settings;

    CliFixture(Path dir) {
        dbDir = dir.resolve("db");
        settings = DatabaseSettings.embedded(dbDir);
    }

    Result run(String... args) {
        return run(settings, args);
    }

    static Result run(DatabaseSettings settings, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(settings).run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A number from the database, read over plain JDBC. */
    long query(String sql) throws SQLException {
        try (Connection c = Database.connect(settings); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    long customers() throws SQLException {
        return query("SELECT COUNT(*) FROM SB_CUSTOMER");
    }

    /** The first column of the first row of {@code sql}, a count. */
    static long query(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Shuts the embedded database {@code db} down, so that a child process can open it. */
    static void shutDown(Path db) {
        try {
            Database.connect(new DatabaseSettings("jdbc:derby:" + db.toAbsolutePath() + ";shutdown=true", null, null))
                    .close();
        } catch (SQLException expected) {
            // Derby answers a clean shutdown with SQLState 08006
        }
    }
}
