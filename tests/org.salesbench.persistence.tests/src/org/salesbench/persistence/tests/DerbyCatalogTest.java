package org.salesbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;

import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.persistence.internal.JdbcTables;

/**
 * What a start asks embedded Derby before it trusts the schema, and what Derby brings up for it, on real databases:
 * the schema check's table and column questions read Derby's catalog and see only the current schema, and Derby boots
 * without its JMX management service (our module list ranks Derby's own "no management" service first).
 */
class DerbyCatalogTest {

    private final String name = "memory:catalog-" + UUID.randomUUID();
    private Connection connection;

    @AfterEach
    void drop() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        MemoryDerby.drop(name);
    }

    private Connection connect() throws SQLException {
        connection = MemoryDerby.connect(name);
        return connection;
    }

    @Test
    void tablesAndColumnsAreFoundInTheCurrentSchemaOnlyWhateverTheCaseAsked() throws SQLException {
        Connection c = connect();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE SB_CATALOG_HERE (ID INT, LABEL VARCHAR(10))");
            s.executeUpdate("CREATE SCHEMA OTHER_TEAM");
            s.executeUpdate("CREATE TABLE OTHER_TEAM.SB_CATALOG_THERE (ID INT, HIDDEN INT)");
            s.executeUpdate("CREATE TABLE \"sb_catalog_quoted\" (\"id\" INT)");
        }
        assertTrue(JdbcTables.exists(c, "SB_CATALOG_HERE"));
        assertTrue(JdbcTables.exists(c, "sb_catalog_here"), "an unquoted name is asked in any case");
        assertTrue(JdbcTables.exists(c, "SB_CATALOG_QUOTED"), "a table made with a lower-case quoted name, as PostgreSQL folds");
        assertFalse(JdbcTables.exists(c, "SB_CATALOG_THERE"), "another schema's table is not the current schema's");
        assertFalse(JdbcTables.exists(c, "SB_CATALOG_NOWHERE"));
        assertFalse(JdbcTables.exists(c, "SB_CATALOG_HER_"), "a name is no pattern");

        assertTrue(JdbcTables.hasColumn(c, "SB_CATALOG_HERE", "label"));
        assertTrue(JdbcTables.hasColumn(c, "sb_catalog_quoted", "ID"));
        assertFalse(JdbcTables.hasColumn(c, "SB_CATALOG_HERE", "HIDDEN"), "the column is another table's");
        assertFalse(JdbcTables.hasColumn(c, "SB_CATALOG_THERE", "HIDDEN"), "nor is another schema's table the current schema's");

        try (Statement s = c.createStatement()) {
            s.execute("SET SCHEMA OTHER_TEAM");
        }
        assertTrue(JdbcTables.exists(c, "SB_CATALOG_THERE"), "the current schema is the one the connection is in now");
        assertFalse(JdbcTables.exists(c, "SB_CATALOG_HERE"));
    }

    @Test
    void derbyBootsWithoutItsJmxManagementService() throws Exception {
        Connection c = connect();
        assertTrue(c.isValid(5), "the database is up");
        Set<ObjectName> beans = ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("org.apache.derby:*"), null);
        assertEquals(Set.of(), beans, "Derby registered no management beans (its JMX service made the platform MBean server at"
                + " every start for nothing of ours)");
    }
}
