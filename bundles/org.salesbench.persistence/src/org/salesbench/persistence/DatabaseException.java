package org.salesbench.persistence;

/** The database could not be opened, migrated or written; the message is fit to show a user. */
public class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Another Salesbench (another process) has the embedded database open. */
        IN_USE,
        /** The server could not be reached or refused the sign-in. */
        CONNECT,
        /** A schema migration failed; the database is as it was before the failing change set. */
        MIGRATION,
        /** A statement failed, e.g. a constraint was violated. */
        STATEMENT
    }

    private final Reason reason;

    public DatabaseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
