package org.salesbench.cli.internal.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
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
 * {@code backup <dir>}: Derby's online backup (SYSCS_UTIL.SYSCS_BACKUP_DATABASE) of the embedded
 * database into {@code <dir>/<database folder>}; a consistent copy even while it is being written.
 */
public class BackupCommand implements CliCommand {

    @Override
    public String help() {
        return Messages.Backup_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        List<String> p = Arguments.parse(raw, Set.of(), Set.of()).expect(Messages.Arg_dir);
        DerbyDatabase derby = DerbyDatabase.of(context.settings(), Messages.Backup_postgres);
        Path dir = Path.of(p.get(0)).toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw CommandException.usage(NLS.bind(Messages.Backup_notAFolder, dir));
        }
        context.database(); // opens and migrates it, so the backup is of a current schema; it stays open during the backup
        try {
            Files.createDirectories(dir);
            try (Connection c = derby.connect(""); CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, dir.toString());
                call.execute();
            }
        } catch (IOException | SQLException e) {
            throw CommandException.data(NLS.bind(Messages.Backup_failed, dir, e.getMessage()), e);
        }
        context.out().println(NLS.bind(Messages.Backup_done, context.settings().displayName(), dir.resolve(derby.folderName())));
        return OK;
    }
}
