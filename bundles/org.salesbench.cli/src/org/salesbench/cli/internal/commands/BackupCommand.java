package org.salesbench.cli.internal.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.internal.Messages;
import org.salesbench.persistence.Backups;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings.Dialect;

/**
 * {@code backup <dir>}: an online backup ({@link Backups}) while people work. When the workbench (or another command)
 * has the embedded database open, that process takes the backup at this command's request, since Derby lets only it
 * open the database; otherwise this command opens it. A PostgreSQL database is dumped with {@code pg_dump}.
 */
public class BackupCommand implements CliCommand {

    @Override
    public String help() {
        return Messages.Backup_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        List<String> p = Arguments.parse(raw, Set.of(), Set.of()).expect(Messages.Arg_dir);
        Path dir = Path.of(p.get(0)).toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw CommandException.usage(NLS.bind(Messages.Backup_notAFolder, dir));
        }
        try {
            Optional<Path> byHolder = Backups.backupByHolder(context.settings(), dir, percent -> {
                // the holder reports progress for its own window; the command line prints the result
            });
            if (byHolder.isPresent()) {
                context.out().println(NLS.bind(Messages.Backup_doneByHolder, context.settings().displayName(), byHolder.get()));
                return OK;
            }
            if (context.settings().dialect() != Dialect.POSTGRESQL) {
                context.database(); // opens and migrates it, so the backup is of a current schema; it stays open meanwhile
            }
            Path made = Backups.backup(context.settings(), dir, percent -> {
                // quick enough from the command line: only the result is printed
            });
            context.out().println(NLS.bind(Messages.Backup_done, context.settings().displayName(), made));
            return OK;
        } catch (DatabaseException e) {
            throw CommandException.data(e.getMessage(), e);
        }
    }
}
