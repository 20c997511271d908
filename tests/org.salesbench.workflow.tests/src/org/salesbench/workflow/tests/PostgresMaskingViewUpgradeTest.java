package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.Scope;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.persistence.Database;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.testing.PostgresTeam;
import org.salesbench.users.Role;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * The upgrade path of the masking views on a team server: {@code customers-15-size-role-codes} and
 * {@code opportunities-20-lead-size-codes} widen columns the views {@code sb_customer_v}, {@code sb_contact_v} and
 * {@code sb_lead_v} select, so they drop those views, and the schema's owner makes them anew when signing in. The schema
 * is put as the version before those change sets left it (the columns 16 characters wide, neither change set recorded,
 * the views made over the narrow columns by the owner's sign-in), with rows and a rep whose role hides fields reading
 * through the views; then the owner opens it, which runs the two change sets: the views are gone until the owner's
 * sign-in makes them again, after which the rep reads the same rows through them, still masked, and a code longer than
 * the old width is stored and read.
 */
@Tag("postgres")
class PostgresMaskingViewUpgradeTest {

    private static final List<String> CHANGE_SETS = List.of("customers-15-size-role-codes", "opportunities-20-lead-size-codes");
    private static final List<String> VIEWS = List.of("sb_customer_v", "sb_contact_v", "sb_lead_v");
    private static final String LONG_CODE = "FIVE_HUNDRED_TO_A_THOUSAND";

    @Test
    void theViewsDroppedByTheWideningAreMadeAgainAndTheRepReadsTheSameMaskedRows() throws Exception {
        try (PostgresTeam team = PostgresTeam.create("maskup", db -> new UserServiceImpl(db, new RoleSecurityService(db)))) {
            // as the version before left it: the narrow columns, the two change sets not run, the views over the narrow columns
            try (Connection c = Database.connect(team.schema().settings()); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                for (String view : VIEWS) {
                    s.execute("DROP VIEW " + view);
                }
                s.execute("ALTER TABLE SB_CUSTOMER ALTER COLUMN COMPANY_SIZE TYPE VARCHAR(16)");
                s.execute("ALTER TABLE SB_CONTACT ALTER COLUMN DECISION_ROLE TYPE VARCHAR(16)");
                s.execute("ALTER TABLE SB_LEAD ALTER COLUMN COMPANY_SIZE TYPE VARCHAR(16)");
                assertEquals(2, s.executeUpdate("DELETE FROM DATABASECHANGELOG WHERE ID IN ('" + String.join("','", CHANGE_SETS) + "')"));
                c.commit();
            }
            new RoleSecurityService(team.owner()); // the owner's sign-in makes the views
            assertEquals(VIEWS, views(team.schema().settings()), "the views of the version before");
            assertEquals(16, width(team, "sb_customer", "company_size"));

            team.users().createRole(new Role("blind_notes", "every customer and lead, not their notes, titles or needs", false,
                    List.of(new Role.Grant("customer", Action.READ, Scope.ALL), new Role.Grant("lead", Action.READ, Scope.ALL)),
                    List.of(new Role.FieldRule("customer", "notes", FieldAccess.HIDDEN), new Role.FieldRule("contact", "title", FieldAccess.HIDDEN),
                            new Role.FieldRule("lead", "need", FieldAccess.HIDDEN))));
            team.person("mask.r", "卫青", null, "blind_notes");
            CustomerServiceImpl customers = new CustomerServiceImpl(team.owner(), new RoleSecurityService(team.owner()), (e, ch, id) -> { });
            Customer customer = new Customer("升级掩码测试有限公司");
            customer.setStatus(CustomerStatus.ACTIVE);
            customer.setSize("LARGE");
            customer.setNotes("只给经理看的备注");
            Contact contact = new Contact("霍去病");
            contact.setTitle("采购总监");
            contact.setDecisionRole("DECISION_MAKER");
            customer.addContact(contact);
            long customerId = customers.create(customer).getId();
            long leadId = team.owner().write(em -> {
                Lead lead = new Lead("升级掩码线索公司");
                lead.setNormalizedCompany("升级掩码线索");
                lead.setStatus(LeadStatus.NEW);
                lead.setSize("MEDIUM");
                lead.setNeed("保密的需求");
                em.persist(lead);
                em.flush();
                return lead.getId();
            });
            List<String> before = read(team, customerId, leadId);
            assertEquals(List.of("升级掩码测试有限公司|LARGE|null", "霍去病|DECISION_MAKER|null", "升级掩码线索公司|MEDIUM|null"), before,
                    "the rep reads through the views, the hidden fields masked");

            // the upgrade: the owner opens the schema, which runs the two change sets
            try (Database upgraded = Database.open(team.schema().settings(), new LocalSecurityService(PostgresSchema.USER))) {
                assertEquals(List.of(), views(team.schema().settings()), "the widening dropped the views");
                assertEquals(CHANGE_SETS, ran(team), "both change sets ran");
                assertEquals(64, width(team, "sb_customer", "company_size"));
                assertEquals(64, width(team, "sb_contact", "decision_role"));
                assertEquals(64, width(team, "sb_lead", "company_size"));
                new RoleSecurityService(upgraded); // the owner's next sign-in
                assertEquals(VIEWS, views(team.schema().settings()), "made anew");
                try (Connection c = Database.connect(team.schema().settings()); Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE SB_CUSTOMER SET COMPANY_SIZE = '" + LONG_CODE + "' WHERE ID = " + customerId);
                    s.executeUpdate("UPDATE SB_LEAD SET COMPANY_SIZE = '" + LONG_CODE + "' WHERE ID = " + leadId);
                    if (!c.getAutoCommit()) {
                        c.commit();
                    }
                }
            }
            assertEquals(List.of("升级掩码测试有限公司|" + LONG_CODE + "|null", "霍去病|DECISION_MAKER|null", "升级掩码线索公司|" + LONG_CODE + "|null"),
                    read(team, customerId, leadId), "the same rows through the views made anew, still masked, a wider code read");
            try (Connection c = Database.connect(team.settings("mask.r")); Statement s = c.createStatement()) {
                SQLException locked = assertThrows(SQLException.class, () -> s.executeQuery("SELECT NOTES FROM SB_CUSTOMER").close());
                assertEquals("42501", locked.getSQLState(), "the hidden column stays locked on the table: " + locked.getMessage());
            }
            try (Connection c = Database.connect(team.schema().settings()); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT NOTES FROM SB_CUSTOMER WHERE ID = " + customerId)) {
                rs.next();
                assertEquals("只给经理看的备注", rs.getString(1), "the value itself kept");
            }
        }
    }

    /** What the rep reads through the views: the customer, its contact and the lead, each name|size or role|masked field. */
    private static List<String> read(PostgresTeam team, long customerId, long leadId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = Database.connect(team.settings("mask.r")); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT NAME, COMPANY_SIZE, NOTES FROM SB_CUSTOMER_V WHERE ID = " + customerId)) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT NAME, DECISION_ROLE, TITLE FROM SB_CONTACT_V WHERE CUSTOMER_ID = " + customerId)) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COMPANY, COMPANY_SIZE, NEED FROM SB_LEAD_V WHERE ID = " + leadId)) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }
            }
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        }
        return rows;
    }

    private static List<String> views(org.salesbench.persistence.DatabaseSettings settings) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = Database.connect(settings); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name FROM information_schema.views WHERE table_schema = current_schema() AND table_name IN ('"
                        + String.join("','", VIEWS) + "')")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        }
        found.sort(java.util.Comparator.comparing(VIEWS::indexOf));
        return found;
    }

    private static int width(PostgresTeam team, String table, String column) throws SQLException {
        try (Connection c = Database.connect(team.schema().settings()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT character_maximum_length FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '" + table
                        + "' AND column_name = '" + column + "'")) {
            rs.next();
            int width = rs.getInt(1);
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            return width;
        }
    }

    private static List<String> ran(PostgresTeam team) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = Database.connect(team.schema().settings()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT ID FROM DATABASECHANGELOG WHERE ID IN ('" + String.join("','", CHANGE_SETS) + "') ORDER BY ORDEREXECUTED")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        }
        return ids;
    }
}
