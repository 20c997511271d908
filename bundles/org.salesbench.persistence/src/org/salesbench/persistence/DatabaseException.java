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
        STATEMENT,
        /** A newer Salesbench changed the schema (of the database or of a backup): this one must not write it. */
        NEWER_SCHEMA,
        /** A backup or a restore failed; the database is as it was. */
        BACKUP
    }

    private final Reason reason;

    public DatabaseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The message of a JDBC failure with those of the failures chained to it (Derby puts the cause last). */
    public static String messageOf(java.sql.SQLException e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (java.sql.SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
            text.append(' ').append(next.getMessage());
        }
        return text.toString();
    }

    public Reason getReason() {
        return reason;
    }
}
