package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RowError;
import org.salesbench.importexport.WriteOptions;
import org.salesbench.importexport.internal.ImportEngine;

/**
 * Field rules on a customer's contacts and activities (the customer editor, exports) and on imports that create or
 * update records, on Derby with the real services and engine. The same data with no rules shows and takes everything.
 */
class FieldRulesOnNestedRecordsAndImportsTest {

    @TempDir
    Path dir;

    @Test
    void contactsAndActivitiesFollowTheirFieldRules() throws Exception {
        FieldRulesInListsAndExportsTest.FieldRules security = new FieldRulesInListsAndExportsTest.FieldRules();
        try (SalesFixture f = new SalesFixture(security)) {
            Customer c = new Customer("东方重工");
            c.setStatus(CustomerStatus.ACTIVE);
            Contact k = c.addContact(new Contact());
            k.setName("王经理");
            k.setTitle("采购总监");
            k.getPhones().add("13912345678");
            k.getEmails().add("wang@dongfang.example");
            c.getTags().add("保密名单");
            Activity a = new Activity();
            a.setType(ActivityType.CALL);
            a.setOccurredAt(LocalDateTime.of(2026, 3, 2, 10, 0));
            a.setSummary("报价沟通");
            a.setOutcome("底价 88 万-机密");
            c.addActivity(a);
            long id = f.customers.create(c).getId();

            Customer all = f.customers.find(id).orElseThrow();
            assertEquals(List.of("13912345678"), all.getContacts().get(0).getPhones(), "no rules: the phone shows");
            assertEquals("底价 88 万-机密", all.getActivities().get(0).getOutcome());

            security.rules.put("contact", Map.of("phones", FieldAccess.HIDDEN, "emails", FieldAccess.HIDDEN, "title", FieldAccess.READ));
            security.rules.put("activity", Map.of("outcome", FieldAccess.HIDDEN));
            security.rules.put("customer", Map.of("tags", FieldAccess.HIDDEN));

            Customer seen = f.customers.find(id).orElseThrow();
            Contact contact = seen.getContacts().get(0);
            assertEquals("王经理", contact.getName());
            assertTrue(contact.getPhones().isEmpty(), "the editor's contact hides its phones: " + contact.getPhones());
            assertTrue(contact.getEmails().isEmpty(), "and its e-mails: " + contact.getEmails());
            assertTrue(seen.getTags().isEmpty(), "the editor's customer hides its tags: " + seen.getTags());
            assertEquals("采购总监", contact.getTitle(), "a read-only field still shows");
            assertNull(seen.getActivities().get(0).getOutcome(), "the editor's activity hides its outcome");
            assertEquals("报价沟通", seen.getActivities().get(0).getSummary());

            // saving what the user saw keeps what they could not see
            seen.setNeeds("二期扩产");
            f.customers.update(seen);
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_CONTACT_PHONE WHERE PHONE = '13912345678'"), "the hidden phone is kept");
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_CONTACT_EMAIL WHERE EMAIL = 'wang@dongfang.example'"), "the hidden e-mail is kept");
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_CUSTOMER_TAG WHERE TAG = '保密名单'"), "the hidden tag is kept");
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_ACTIVITY WHERE OUTCOME = '底价 88 万-机密'"), "the hidden outcome is kept");

            Customer again = f.customers.find(id).orElseThrow();
            again.getContacts().get(0).setTitle("总经理");
            AccessDeniedException readOnly = assertThrows(AccessDeniedException.class, () -> f.customers.update(again));
            assertTrue(readOnly.getMessage().contains("title"), readOnly.getMessage());
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_CONTACT WHERE TITLE = '采购总监'"), "nothing written");

            Customer adding = f.customers.find(id).orElseThrow();
            Contact added = adding.addContact(new Contact());
            added.setName("李工");
            added.getPhones().add("13800000000");
            AccessDeniedException hidden = assertThrows(AccessDeniedException.class, () -> f.customers.update(adding));
            assertTrue(hidden.getMessage().contains("phones"), "a new contact may not set a hidden field: " + hidden.getMessage());
            added.getPhones().clear();
            assertEquals(2, f.customers.update(adding).getContacts().size(), "without it the contact is added");

            Activity logged = new Activity();
            logged.setType(ActivityType.VISIT);
            logged.setOccurredAt(LocalDateTime.of(2026, 3, 5, 9, 0));
            logged.setSummary("拜访");
            logged.setOutcome("新底价");
            assertThrows(AccessDeniedException.class, () -> f.customers.logActivity(id, logged), "logging an activity with a hidden outcome");
            assertEquals(0, f.count("SELECT COUNT(*) FROM SB_ACTIVITY WHERE SUMMARY = '拜访'"));

            Path contacts = dir.resolve("contacts.csv");
            f.engine.export("contacts", CustomerFilter.ALL, contacts, WriteOptions.DEFAULT, new NullProgressMonitor());
            String csv = Files.readString(contacts, StandardCharsets.UTF_8);
            assertTrue(csv.contains("王经理"), csv);
            assertFalse(csv.contains("13912345678"), "the hidden phone leaves the contacts export: " + csv);
            assertFalse(csv.contains("wang@dongfang"), "so does the hidden e-mail: " + csv);
            Path customers = dir.resolve("customers.csv");
            f.engine.export("customers", CustomerFilter.ALL, customers, WriteOptions.DEFAULT, new NullProgressMonitor());
            String customersCsv = Files.readString(customers, StandardCharsets.UTF_8);
            assertTrue(customersCsv.contains("东方重工") && !customersCsv.contains("保密名单"), "the hidden tag leaves the customers export: " + customersCsv);
            Path activities = dir.resolve("activities.csv");
            f.engine.export("activities", CustomerFilter.ALL, activities, WriteOptions.DEFAULT, new NullProgressMonitor());
            assertFalse(Files.readString(activities, StandardCharsets.UTF_8).contains("机密"), "the hidden outcome leaves the activities export");
        }
    }

    @Test
    void importsMayNotWriteFieldsTheUserMayNotEdit() throws Exception {
        FieldRulesInListsAndExportsTest.FieldRules security = new FieldRulesInListsAndExportsTest.FieldRules();
        try (SalesFixture f = new SalesFixture(security)) {
            Customer existing = new Customer("乙方科技");
            existing.setStatus(CustomerStatus.ACTIVE);
            existing.setNotes("原备注");
            f.customers.create(existing);
            security.rules.put("customer", Map.of("notes", FieldAccess.READ, "grade", FieldAccess.HIDDEN));

            // creates: a value in a read-only or hidden column refuses its row, naming row, column and field
            Path creates = ImportFixture.utf8(dir.resolve("new.csv"), "Name,Notes,Grade\n甲方制造,机密备注,\n丙方物流,,\n丁方能源,,A\n");
            ImportResult result = run(f, creates, "customers", OnMatch.CREATE);
            assertEquals(1, result.created(), result.errors().toString());
            assertEquals(2, result.failed());
            RowError notes = result.errors().get(0);
            assertEquals(2, notes.row());
            assertEquals("Notes", notes.column());
            assertTrue(notes.message().contains("notes"), notes.message());
            RowError grade = result.errors().get(1);
            assertEquals(4, grade.row());
            assertEquals("Grade", grade.column());
            assertTrue(grade.message().contains("grade"), grade.message());
            assertEquals(0, f.count("SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME IN ('甲方制造', '丁方能源')"), "nothing of a refused row");

            // updates, the same way: an unchanged read-only value passes, a changed one is refused
            Path updates = ImportFixture.utf8(dir.resolve("upd.csv"), "Name,Notes,Region\n乙方科技,原备注,华东\n");
            assertEquals(1, run(f, updates, "customers", OnMatch.UPDATE).updated());
            Path changing = ImportFixture.utf8(dir.resolve("chg.csv"), "Name,Notes,Region\n乙方科技,改过的备注,华南\n");
            ImportResult refused = run(f, changing, "customers", OnMatch.UPDATE);
            assertEquals(1, refused.failed(), refused.errors().toString());
            assertEquals("Notes", refused.errors().get(0).column());
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_CUSTOMER WHERE NOTES = '原备注' AND REGION = '华东'"), "the row wrote nothing");

            // the bulk load of a large file refuses the same rows
            System.setProperty(ImportEngine.BULK_BYTES_PROPERTY, "1");
            try {
                Path bulk = ImportFixture.utf8(dir.resolve("bulk.csv"), "Name,Notes\n戊方材料,机密\n己方电子,\n");
                ImportResult loaded = run(f, bulk, "customers", OnMatch.CREATE);
                assertEquals(1, loaded.created(), loaded.errors().toString());
                assertEquals(1, loaded.failed());
                assertEquals("Notes", loaded.errors().get(0).column());
            } finally {
                System.clearProperty(ImportEngine.BULK_BYTES_PROPERTY);
            }

            // contacts: a hidden phone column refuses a new contact's row
            security.rules.put("contact", Map.of("phones", FieldAccess.HIDDEN));
            Path contacts = ImportFixture.utf8(dir.resolve("k.csv"), "Customer,Name,Phone\n乙方科技,赵六,13700000000\n乙方科技,钱七,\n");
            ImportResult people = run(f, contacts, "contacts", OnMatch.CREATE);
            assertEquals(1, people.created(), people.errors().toString());
            assertEquals("Phone", people.errors().get(0).column());
            assertEquals(0, f.count("SELECT COUNT(*) FROM SB_CONTACT_PHONE WHERE PHONE = '13700000000'"));

            // leads (the opportunities module's target): the same
            security.rules.put("lead", Map.of("phone", FieldAccess.HIDDEN));
            Path leads = ImportFixture.utf8(dir.resolve("leads.csv"), "Company,Contact Name,Phone\n庚方贸易,周八,13600000000\n辛方物流,吴九,\n");
            ImportResult leadResult = run(f, leads, "leads", OnMatch.CREATE);
            assertEquals(1, leadResult.created(), leadResult.errors().toString());
            assertEquals(3 - 1, leadResult.errors().get(0).row());
            assertEquals("Phone", leadResult.errors().get(0).column());
            assertEquals(0, f.count("SELECT COUNT(*) FROM SB_LEAD WHERE PHONE = '13600000000'"));
        }
    }

    @Test
    void matchKeysMayNotReadFieldsTheUserMayNotSee() throws Exception {
        FieldRulesInListsAndExportsTest.FieldRules security = new FieldRulesInListsAndExportsTest.FieldRules();
        try (SalesFixture f = new SalesFixture(security)) {
            Customer c = new Customer("壬方机械");
            c.setStatus(CustomerStatus.ACTIVE);
            Contact k = c.addContact(new Contact());
            k.setName("郑经理");
            k.getPhones().add("13511112222");
            k.getEmails().add("zheng@renfang.example");
            f.customers.create(c);
            security.rules.put("contact", Map.of("phones", FieldAccess.HIDDEN));

            // a file matched on the hidden phone would update (or skip) the very contact whose phone it names
            Path byPhone = ImportFixture.utf8(dir.resolve("by-phone.csv"), "Customer,Name,Phone,Title\n壬方机械,郑经理,13511112222,总监\n");
            ImportSettings settings = new ImportSettings("contacts", f.engine.preview(byPhone, ReadOptions.DETECT, "contacts").mapping())
                    .withMatch(new MatchPolicy(List.of("phones"), OnMatch.UPDATE)).withMode(Mode.VALID_ROWS);
            ImportException refused = assertThrows(ImportException.class,
                    () -> f.engine.run(byPhone, ReadOptions.DETECT, settings, new NullProgressMonitor()));
            assertTrue(refused.getMessage().contains("phones") && refused.getMessage().contains("contact"), refused.getMessage());
            assertEquals(0, f.count("SELECT COUNT(*) FROM SB_CONTACT WHERE TITLE = '总监'"), "nothing written");
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_CONTACT"), "no contact created either");
            ImportSettings skipping = settings.withMatch(new MatchPolicy(List.of("emails", "phones"), OnMatch.SKIP));
            assertThrows(ImportException.class, () -> f.engine.run(byPhone, ReadOptions.DETECT, skipping, new NullProgressMonitor()),
                    "a hidden key among visible ones is refused too");

            // a visible key still matches, and creating without matching reads no key
            Path byEmail = ImportFixture.utf8(dir.resolve("by-email.csv"), "Customer,Name,E-mail,Title\n壬方机械,郑经理,zheng@renfang.example,总监\n");
            ImportResult updated = f.engine.run(byEmail, ReadOptions.DETECT, new ImportSettings("contacts",
                    f.engine.preview(byEmail, ReadOptions.DETECT, "contacts").mapping()).withMatch(new MatchPolicy(List.of("emails"), OnMatch.UPDATE))
                    .withMode(Mode.VALID_ROWS), new NullProgressMonitor());
            assertEquals(1, updated.updated(), updated.errors().toString());
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_CONTACT WHERE TITLE = '总监'"));
            Path newOne = ImportFixture.utf8(dir.resolve("new-one.csv"), "Customer,Name\n壬方机械,冯工\n");
            ImportSettings creating = new ImportSettings("contacts", f.engine.preview(newOne, ReadOptions.DETECT, "contacts").mapping())
                    .withMatch(new MatchPolicy(List.of("phones"), OnMatch.CREATE));
            assertEquals(1, f.engine.run(newOne, ReadOptions.DETECT, creating, new NullProgressMonitor()).created(),
                    "creating without matching reads no key");

            security.rules.put("customer", Map.of("creditCode", FieldAccess.HIDDEN));
            Path customers = ImportFixture.utf8(dir.resolve("by-code.csv"), "Name,Region\n壬方机械,华北\n");
            ImportSettings byCode = new ImportSettings("customers", f.engine.preview(customers, ReadOptions.DETECT, "customers").mapping())
                    .withMatch(new MatchPolicy(List.of("creditCode", "name"), OnMatch.UPDATE));
            ImportException code = assertThrows(ImportException.class,
                    () -> f.engine.run(customers, ReadOptions.DETECT, byCode, new NullProgressMonitor()));
            assertTrue(code.getMessage().contains("creditCode"), code.getMessage());
            security.rules.clear();
            assertEquals(1, f.engine.run(customers, ReadOptions.DETECT, byCode, new NullProgressMonitor()).updated(), "no rules: the same key matches");
        }
    }

    private static ImportResult run(SalesFixture f, Path file, String target, OnMatch onMatch) throws IOException {
        ImportSettings settings = new ImportSettings(target, f.engine.preview(file, ReadOptions.DETECT, target).mapping())
                .withMatch(new MatchPolicy(List.of(switch (target) {
                case "contacts" -> "emails";
                case "leads" -> "email";
                default -> "name";
                }), onMatch)).withMode(Mode.VALID_ROWS);
        return f.engine.run(file, ReadOptions.DETECT, settings, new NullProgressMonitor());
    }
}
