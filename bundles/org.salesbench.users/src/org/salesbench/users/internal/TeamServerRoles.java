package org.salesbench.users.internal;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.persistence.EntityManager;

import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.SequenceIds;

/**
 * The PostgreSQL side of users: each person who signs in is a database role of their own, a member of the
 * database's team role ({@code SB_TEAM_ROLE()}); administrators also belong to its admin role and may create roles.
 */
final class TeamServerRoles {

    private TeamServerRoles() {
    }

    static long nextId(EntityManager em) {
        try {
            return SequenceIds.allocate(em.unwrap(Connection.class), 1)[0];
        } catch (SQLException e) {
            throw new DatabaseException(DatabaseException.Reason.STATEMENT, e.getMessage(), e);
        }
    }

    /** Creates or updates the login's database role; the password goes to the server as a SCRAM verifier. */
    static void enableSignIn(EntityManager em, String login, char[] password) {
        Connection c = em.unwrap(Connection.class);
        try (Statement s = c.createStatement()) {
            // the login is validated to letters, digits, dot, dash and underscore: safe inside double quotes
            String role = quote(login);
            boolean exists;
            try (var rs = s.executeQuery("SELECT 1 FROM PG_ROLES WHERE ROLNAME = '" + login + "'")) {
                exists = rs.next();
            }
            s.execute(exists ? "ALTER ROLE " + role + " LOGIN" : "CREATE ROLE " + role + " LOGIN");
            String team;
            try (var rs = s.executeQuery("SELECT SB_TEAM_ROLE()")) {
                rs.next();
                team = rs.getString(1);
            }
            s.execute("GRANT " + quote(team) + " TO " + role);
            setPassword(c, login, password);
        } catch (SQLException e) {
            throw new DatabaseException(DatabaseException.Reason.STATEMENT, e.getMessage(), e);
        }
    }

    /** Administrators write users, roles and shares, and create the roles of new users. */
    static void grantAdministration(EntityManager em, String login, boolean administrator) {
        Connection c = em.unwrap(Connection.class);
        try (Statement s = c.createStatement()) {
            boolean exists;
            try (var rs = s.executeQuery("SELECT 1 FROM PG_ROLES WHERE ROLNAME = '" + login + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                return; // not signing in (yet): enableSignIn grants it later
            }
            String admins;
            try (var rs = s.executeQuery("SELECT LEFT(SB_TEAM_ROLE(), 57) || '_admin'")) {
                rs.next();
                admins = rs.getString(1);
            }
            s.execute((administrator ? "GRANT " : "REVOKE ") + quote(admins) + (administrator ? " TO " : " FROM ") + quote(login));
            s.execute("ALTER ROLE " + quote(login) + (administrator ? " CREATEROLE" : " NOCREATEROLE"));
        } catch (SQLException e) {
            throw new DatabaseException(DatabaseException.Reason.STATEMENT, e.getMessage(), e);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * The driver's {@code PGConnection.alterUserPassword} hashes the password on the client, so the statement the
     * server runs (and may log) holds only the verifier.
     */
    private static void setPassword(Connection c, String login, char[] password) throws SQLException {
        try {
            Class<?> pg = Class.forName("org.postgresql.PGConnection", true, c.getClass().getClassLoader());
            Object connection = c.unwrap(pg);
            pg.getMethod("alterUserPassword", String.class, char[].class, String.class).invoke(connection, login, password,
                    "scram-sha-256");
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new SQLException("the PostgreSQL driver cannot set passwords: " + e, e);
        }
    }
}
