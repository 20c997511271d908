package org.salesbench.cli.internal.commands;

import java.util.List;

import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.internal.Messages;

/** Stands in for {@code report} until the analytics module contributes it. */
public class ReportPlaceholderCommand implements CliCommand {

    @Override
    public String help() {
        return Messages.Report_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> args, CommandContext context) throws CommandException {
        context.err().println(Messages.Report_notInstalled);
        return USAGE;
    }
}
