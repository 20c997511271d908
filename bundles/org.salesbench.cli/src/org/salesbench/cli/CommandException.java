package org.salesbench.cli;

/** A command that cannot go on; the message is for the user, the exit code says why. */
public class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CommandException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad arguments: exit code {@link CliCommand#USAGE}. */
    public static CommandException usage(String message) {
        return new CommandException(CliCommand.USAGE, message, null);
    }

    /** A file or the database could not be used: exit code {@link CliCommand#DATA}. */
    public static CommandException data(String message, Throwable cause) {
        return new CommandException(CliCommand.DATA, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }

    /** Whether the user should be pointed to the command's --help. */
    public boolean isUsage() {
        return exitCode == CliCommand.USAGE;
    }
}
