package org.salesbench.cli.internal.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.internal.Messages;
import org.salesbench.persistence.Backups;
import org.salesbench.persistence.Backups.Restored;
import org.salesbench.persistence.DatabaseException;

/**
 * {@code restore <dir> [--force]}: puts a backup back ({@link Backups#restore}): refuses a backup of a newer schema,
 * keeps the database as it was as a safety copy and says where. The database must be closed (no workbench on it); an
 * existing one is only replaced with {@code --force}.
 */
public class RestoreCommand implements CliCommand {

    @Override
    public String help() {
        return Messages.Restore_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, Set.of(), Set.of("force"));
        List<String> p = args.expect(Messages.Arg_dir);
        Path dir = Path.of(p.get(0)).toAbsolutePath();
        if (!Files.exists(dir)) {
            throw CommandException.usage(NLS.bind(Messages.Restore_noFolder, dir));
        }
        Restored restored;
        try {
            if (Backups.databaseExists(context.settings()) && !args.flag("force")) {
                throw CommandException.usage(NLS.bind(Messages.Restore_exists, context.settings().displayName()));
            }
            restored = Backups.restore(context.settings(), dir);
        } catch (DatabaseException e) {
            throw CommandException.data(e.getMessage(), e);
        }
        if (restored.safetyCopy() != null) {
            context.out().println(NLS.bind(Messages.Restore_safetyCopy, restored.safetyCopy()));
        }
        try {
            // the indexes describe the database as it was before the restore (a later customer would still be found):
            // they go, and the next start rebuilds them from the restored data
            context.settings().deleteSearchIndexes();
        } catch (IOException e) {
            throw CommandException.data(NLS.bind(Messages.Restore_searchIndex, context.settings().searchIndexFolder(), e.getMessage()), e);
        }
        context.out().println(NLS.bind(Messages.Restore_done, context.settings().displayName(), restored.from()));
        return OK;
    }
}
