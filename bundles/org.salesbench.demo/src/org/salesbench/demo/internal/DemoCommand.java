package org.salesbench.demo.internal;

import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.demo.DemoData;

/** {@code demo --size N [--reset]}: the workbench's demo customers, through {@link DemoData}. */
public class DemoCommand implements CliCommand {

    @Override
    public String help() {
        return Messages.Demo_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, Set.of("size"), Set.of("reset"));
        args.expect();
        int size;
        try {
            size = Integer.parseInt(args.option("size", "500").strip());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 0) {
            throw CommandException.usage(NLS.bind(Messages.Demo_badSize, args.option("size")));
        }
        DemoData demo = context.service(DemoData.class);
        if (args.flag("reset")) {
            context.out().println(NLS.bind(Messages.Demo_made, demo.reset(size, new NullProgressMonitor())));
            return OK;
        }
        int made = demo.fillIfEmpty(size, new NullProgressMonitor());
        if (made == 0 && size > 0) {
            context.err().println(Messages.Demo_notEmpty);
        }
        context.out().println(NLS.bind(Messages.Demo_made, made));
        return OK;
    }
}
