package org.salesbench.cli;

import java.io.PrintStream;

import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/** What a command works with. The database is opened on first use and closed when the command returns. */
public interface CommandContext {

    /** Data and results (import summaries, user lists); nothing else goes here, so scripts can read it. */
    PrintStream out();

    /** Messages for the person at the terminal. */
    PrintStream err();

    /** The database the launcher named (--db / --data), not yet opened. */
    DatabaseSettings settings();

    /** The open database, migrated; opens it on the first call. */
    Database database() throws CommandException;

    /** An OSGi service of the running installation (the customer service, the import service …); opens the database first. */
    <S> S service(Class<S> type) throws CommandException;

    /** Whether {@code --debug} was given: stack traces and details on standard error. */
    boolean debug();
}
