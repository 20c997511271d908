package org.salesbench.cli;

/**
 * A command of the headless command line, contributed through the extension point
 * {@code org.salesbench.cli.commands} and started as {@code ./salesbench cli <name> [arguments]}.
 */
public interface CliCommand {

    /** Success. */
    int OK = 0;
    /** Some rows failed, the others were written. */
    int PARTIAL = 1;
    /** Bad arguments. */
    int USAGE = 2;
    /** A file or the database could not be used; nothing (more) was written. */
    int DATA = 3;
    /**
     * Cancelled by Ctrl+C or SIGTERM ({@link Interrupts}): the command stopped where its summary says, and what it
     * counts as written is whole (128 + SIGINT's number, as a shell reports an interrupted command).
     */
    int CANCELLED = 130;

    /**
     * Runs the command.
     *
     * @param args    the arguments after the command's name ({@code --help} and {@code --debug} are handled before)
     * @param context output streams, the database and the services
     * @return the exit code, {@link #OK} or {@link #PARTIAL}
     * @throws CommandException for bad arguments ({@link #USAGE}) and data or database failures ({@link #DATA})
     */
    int run(java.util.List<String> args, CommandContext context) throws CommandException;

    /** The usage text in the current language: synopsis, arguments, options. */
    String help();
}
