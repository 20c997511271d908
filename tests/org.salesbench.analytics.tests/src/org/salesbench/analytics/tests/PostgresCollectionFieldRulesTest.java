package org.salesbench.analytics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.users.Role;
import org.salesbench.users.User;
import org.salesbench.users.internal.FieldMasks;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * Field rules for the fields kept in tables of their own on a team server: a customer's tags (SB_CUSTOMER_TAG), a
 * contact's phones and e-mails (SB_CONTACT_PHONE, SB_CONTACT_EMAIL). A rep whose only role hides them finds none of
 * their rows in a direct SQL session, reads the record with them empty through the services, does not find the
 * customer by them in the server's search, gets no tags to filter by and no phone or e-mail in the contacts export
 * from the command line; saving the
 * record keeps the stored values. Finance (no such rule) and the rep with a second role that shows them read them
 * all, and once no role hides them the rep reads them on the tables at once.
 */
@Tag("postgres")
class PostgresCollectionFieldRulesTest {

    private static final String PASSWORD = "Collection-Pass-2026";

    @TempDir
    Path dir;

    @Test
    void tagsPhonesAndEmailsFollowTheFieldRulesInTheDatabase() throws Exception {
        PostgresSchema schema = PostgresSchema.create("collfields");
        {
            try (Database db = Database.open(schema.settings(), new LocalSecurityService("tester"))) {
                RoleSecurityService owner = new RoleSecurityService(db); // the owner signs in: grants, views, row policies
                assertEquals(List.of(new FieldMasks.RowMask("contact", "emails", "SB_CONTACT_EMAIL"),
                        new FieldMasks.RowMask("contact", "phones", "SB_CONTACT_PHONE"), new FieldMasks.RowMask("customer", "tags", "SB_CUSTOMER_TAG"),
                        new FieldMasks.RowMask("opportunity", "competitors", "SB_OPPORTUNITY_COMPETITOR"),
                        new FieldMasks.RowMask("opportunity", "teamMembers", "SB_OPPORTUNITY_MEMBER")),
                        db.read(FieldMasks::rowsOf),
                        "the fields kept in tables of their own");
                try (Connection c = Database.connect(schema.settings()); Statement st = c.createStatement()) {
                    assertEquals(5, single(st, "SELECT COUNT(*) FROM PG_POLICIES WHERE SCHEMANAME = CURRENT_SCHEMA() AND POLICYNAME = 'sb_field_rows'"
                            + " AND PERMISSIVE = 'RESTRICTIVE' AND CMD = 'SELECT'"), "each of those tables has its row policy");
                }
                UserServiceImpl users = new UserServiceImpl(db, owner);
                users.createUser(new User("tag.rep", "李伟"));
                users.createUser(new User("tag.finance", "孙丽"));
                Role rep = users.roles().stream().filter(r -> r.name().equals(Role.SALES_REP)).findFirst().orElseThrow();
                users.createRole(new Role("rep_private", "a rep who may not see tags, phones nor e-mails", false, rep.grants(), List.of(
                        new Role.FieldRule("customer", "tags", FieldAccess.HIDDEN),
                        new Role.FieldRule("contact", "phones", FieldAccess.HIDDEN),
                        new Role.FieldRule("contact", "emails", FieldAccess.HIDDEN))));
                users.setRoles("tag.rep", List.of("rep_private"));
                users.enableSignIn("tag.rep", PASSWORD.toCharArray());
                users.setRoles("tag.finance", List.of(Role.FINANCE));
                users.enableSignIn("tag.finance", PASSWORD.toCharArray());

                CustomerServiceImpl customers = new CustomerServiceImpl(db, owner, (entity, change, id) -> {
                });
                Customer c = new Customer("东方重工");
                c.setOwner("tag.rep");
                c.getTags().add("保密名单");
                Contact k = new Contact("王经理");
                k.getPhones().add("13912345678");
                k.getEmails().add("wang@dongfang.example");
                c.addContact(k);
                long id = customers.create(c).getId();

                // the rep whose role hides them
                try (Connection s = Database.connect(as(schema, "tag.rep")); Statement st = s.createStatement()) {
                    assertEquals(1, single(st, "SELECT COUNT(*) FROM SB_CUSTOMER"), "tag.rep reads his customer");
                    assertEquals(1, single(st, "SELECT COUNT(*) FROM SB_CONTACT"), "and its contact");
                    for (String table : List.of("SB_CUSTOMER_TAG", "SB_CONTACT_PHONE", "SB_CONTACT_EMAIL")) {
                        assertEquals(0, single(st, "SELECT COUNT(*) FROM " + table), "tag.rep: direct SQL on " + table);
                    }
                    assertEquals(0, single(st, "SELECT COUNT(*) FROM SB_CONTACT_PHONE P JOIN SB_CONTACT_V K ON K.ID = P.CONTACT_ID"
                            + " WHERE P.PHONE LIKE '1391%'"), "a join finds no hidden phone either");
                }
                try (Database repDb = Database.open(as(schema, "tag.rep"), new LocalSecurityService("tag.rep"))) {
                    RoleSecurityService security = new RoleSecurityService(repDb);
                    CustomerServiceImpl repCustomers = new CustomerServiceImpl(repDb, security, (entity, change, x) -> {
                    });
                    try {
                        Customer seen = repCustomers.find(id).orElseThrow();
                        assertEquals(List.of(), List.copyOf(seen.getTags()), "tag.rep: the tags");
                        assertEquals(List.of(), seen.getContacts().get(0).getPhones(), "tag.rep: the phones");
                        assertEquals(List.of(), seen.getContacts().get(0).getEmails(), "tag.rep: the e-mails");
                        for (String text : List.of("保密", "13912345678", "wang@dongfang")) {
                            assertEquals(List.of(), found(repCustomers, text), "tag.rep searches for '" + text + "'");
                        }
                        assertEquals(List.of(id), found(repCustomers, "王经理"), "a visible contact name still finds it");
                        assertEquals(List.of(), repCustomers.tags(), "no tags to filter by");
                        seen.setName("东方重工集团");
                        repCustomers.update(seen);
                    } finally {
                        repCustomers.search().close();
                    }
                }
                Customer stored = customers.find(id).orElseThrow();
                assertEquals("东方重工集团", stored.getName(), "the rep's save");
                assertEquals(List.of("保密名单"), List.copyOf(stored.getTags()), "kept the tags the rep never saw");
                assertEquals(List.of("13912345678"), stored.getContacts().get(0).getPhones(), "and the phones");
                assertEquals(List.of("wang@dongfang.example"), stored.getContacts().get(0).getEmails(), "and the e-mails");

                Path contactsCsv = dir.resolve("contacts.csv");
                var export = PostgresPermissionMatrixTest.CliRun.run(as(schema, "tag.rep"), "export", "contacts", contactsCsv.toString());
                assertEquals(0, export.code(), export.out() + export.err());
                String file = Files.readString(contactsCsv, StandardCharsets.UTF_8);
                assertTrue(file.contains("王经理") && !file.contains("13912345678") && !file.contains("wang@dongfang"), file);

                // finance has no such rule; a second role that shows them wins over the one that hides them
                assertEquals(List.of(1L, 1L, 1L), valueRows(as(schema, "tag.finance")), "tag.finance reads every tag, phone and e-mail");
                users.setRoles("tag.rep", List.of("rep_private", Role.SALES_REP));
                assertEquals(List.of(1L, 1L, 1L), valueRows(as(schema, "tag.rep")), "tag.rep with a role that shows them");
                users.setRoles("tag.rep", List.of("rep_private"));
                assertEquals(List.of(0L, 0L, 0L), valueRows(as(schema, "tag.rep")), "tag.rep with the hiding role alone again");
                // once no role hides them, at once
                users.setRoles("tag.rep", List.of(Role.SALES_REP));
                users.deleteRole("rep_private");
                assertEquals(List.of(1L, 1L, 1L), valueRows(as(schema, "tag.rep")), "tag.rep once no role hides them");
            } finally {
                schema.closeWithTeamRoles();
            }
        }
    }

    private static DatabaseSettings as(PostgresSchema schema, String login) {
        return new DatabaseSettings(schema.settings().url(), login, PASSWORD);
    }

    private static List<Long> valueRows(DatabaseSettings settings) throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection s = Database.connect(settings); Statement st = s.createStatement()) {
            for (String table : List.of("SB_CUSTOMER_TAG", "SB_CONTACT_PHONE", "SB_CONTACT_EMAIL")) {
                counts.add(single(st, "SELECT COUNT(*) FROM " + table));
            }
        }
        return counts;
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> found(CustomerServiceImpl service, String text) {
        return service.page(CustomerFilter.text(text), CustomerSort.DEFAULT, 0, 10).stream().map(CustomerRow::id).toList();
    }
}
