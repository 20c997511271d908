package org.salesbench.persistence;

/**
 * Which Salesbench program this process is, told to the database server as the JDBC {@code ApplicationName} (on
 * PostgreSQL {@code application_name}) so that the audit trail tells the workbench, the command line and a direct
 * SQL client apart. A process declares itself once, at start, before it opens the database.
 */
public final class ClientName {

    /** The system property that holds the name; a launcher may set it too. */
    public static final String PROPERTY = "salesbench.client";
    public static final String WORKBENCH = "salesbench-workbench";
    public static final String CLI = "salesbench-cli";
    /** A process that declared nothing: a test, a tool. */
    public static final String UNDECLARED = "salesbench";

    private ClientName() {
    }

    /** Declares this process's name unless the launcher already set one. */
    public static void declare(String name) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, name);
        }
    }

    public static String current() {
        return System.getProperty(PROPERTY, UNDECLARED);
    }
}
