package org.salesbench.cli.internal.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.internal.Messages;

/**
 * {@code restore <dir> [--force]}: replaces the embedded database by a backup with Derby's
 * {@code restoreFrom=}. The database must be closed (no workbench on it); an existing one is only
 * replaced with {@code --force}.
 */
public class RestoreCommand implements CliCommand {

    private static final String SERVICE_FILE = "service.properties";

    @Override
    public String help() {
        return Messages.Restore_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, Set.of(), Set.of("force"));
        List<String> p = args.expect(Messages.Arg_dir);
        DerbyDatabase derby = DerbyDatabase.of(context.settings(), Messages.Restore_postgres);
        Path dir = Path.of(p.get(0)).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw CommandException.usage(NLS.bind(Messages.Restore_noFolder, dir));
        }
        Path source = Files.isRegularFile(dir.resolve(SERVICE_FILE)) ? dir : dir.resolve(derby.folderName());
        if (!Files.isRegularFile(source.resolve(SERVICE_FILE))) {
            throw CommandException.data(NLS.bind(Messages.Restore_notABackup, dir, derby.folderName()), null);
        }
        try {
            if (derby.exists() && !args.flag("force")) {
                throw CommandException.usage(NLS.bind(Messages.Restore_exists, context.settings().displayName()));
            }
            try (Connection c = derby.connect(";restoreFrom=" + source)) {
                // restored; shut down below so the next start opens the restored files
            }
            derby.shutdown();
        } catch (SQLException e) {
            throw CommandException.data(NLS.bind(Messages.Restore_failed, source, rootMessage(e)), e);
        }
        try {
            // the indexes describe the database as it was before the restore (a later customer would still be found):
            // they go, and the next start rebuilds them from the restored data
            SearchIndexes.delete(context.settings().searchIndexFolder());
        } catch (IOException e) {
            throw CommandException.data(NLS.bind(Messages.Restore_searchIndex, context.settings().searchIndexFolder(), e.getMessage()), e);
        }
        context.out().println(NLS.bind(Messages.Restore_done, context.settings().displayName(), source));
        return OK;
    }

    static String rootMessage(SQLException e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
            text.append(' ').append(next.getMessage());
        }
        return text.toString();
    }
}
