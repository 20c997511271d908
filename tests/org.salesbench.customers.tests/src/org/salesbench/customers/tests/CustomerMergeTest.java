package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.customers.tests.CustomerFixture.contact;
import static org.salesbench.customers.tests.CustomerFixture.customer;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandException;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerMerge;
import org.salesbench.customers.DuplicateCandidate.Reason;
import org.salesbench.customers.DuplicateGroup;
import org.salesbench.customers.MergeResult;
import org.salesbench.customers.internal.CustomerMergeImpl;
import org.salesbench.customers.internal.CustomersCommand;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.testing.CommandRunner;

/** The duplicate finder and the merge of two customers on Derby, through the service and {@code cli customers}. */
class CustomerMergeTest {

    private CustomerFixture fx;
    private CustomerMergeImpl merge;

    @BeforeEach
    void open() {
        fx = new CustomerFixture();
        merge = new CustomerMergeImpl(fx.db, new LocalSecurityService("tester"), (entity, change, id) -> { }, fx.service);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private long create(String name, String phone, String email, String activity) {
        Customer c = customer(name);
        Contact k = c.addContact(contact(name + " 联系人", phone, email));
        k.setPrimary(true);
        if (activity != null) {
            c.addActivity(new Activity(ActivityType.CALL, LocalDateTime.of(2026, 10, 1, 9, 0), activity));
        }
        return fx.service.create(c).getId();
    }

    @Test
    void duplicatesAreGroupedByCreditCodePhoneEmailAndFoldedName() {
        long a = create("杭州云栖科技有限公司", "+86 138 0013 8000", "sales@yunqi.example", null);
        long b = create("杭州云栖科技", "0571-8888 1234", "other@elsewhere.example", null);
        long c = create("Acme Trading Co., Ltd.", "13800138000", "x@acme.example", null);
        long d = create("ACME TRADING", "021-5555 6666", "X@Acme.Example ", null);
        long e = create("无关公司", "010-1234 5678", "none@none.example", null);
        String code = CreditCode.withCheckCharacter("91330100MA2ABCDE1");
        for (long id : new long[] { b, e }) {
            Customer cu = fx.service.find(id).orElseThrow();
            cu.setCreditCode(code);
            fx.service.update(cu);
        }

        List<DuplicateGroup> groups = merge.duplicates(100);
        assertEquals(List.of(Reason.CREDIT_CODE, Reason.PHONE, Reason.EMAIL, Reason.NAME, Reason.NAME),
                groups.stream().map(DuplicateGroup::reason).toList(), groups.toString());
        assertEquals(List.of(b, e), ids(groups.get(0)));
        assertEquals(code, groups.get(0).value());
        assertEquals(List.of(a, c), ids(groups.get(1)), "+86 138 0013 8000 and 13800138000 are the same number");
        assertEquals("13800138000", groups.get(1).value());
        assertEquals(List.of(c, d), ids(groups.get(2)), "case and spaces ignored");
        assertEquals(Set.of(List.of(a, b), List.of(c, d)), Set.of(ids(groups.get(3)), ids(groups.get(4))));
        assertEquals(2, merge.duplicates(2).size());

        // a customer in the recycle bin is no duplicate any more
        fx.service.delete(e);
        assertEquals(Reason.PHONE, merge.duplicates(100).get(0).reason());
    }

    private static List<Long> ids(DuplicateGroup g) {
        return g.members().stream().map(DuplicateGroup.Member::id).toList();
    }

    @Test
    void mergeMovesContactsAndActivitiesKeepsChosenFieldsAndBinsTheOther() {
        long keep = create("杭州云栖科技有限公司", "13800138000", null, "第一次电话");
        long other = create("杭州云栖科技", "13900139000", "li@yunqi.example", "报价跟进");
        Customer o = fx.service.find(other).orElseThrow();
        o.setIndustry("软件");
        o.setRegion("浙江");
        o.getTags().add("重点");
        o = fx.service.update(o);
        Customer k = fx.service.find(keep).orElseThrow();
        k.setRegion("杭州");
        k.getTags().add("老客户");
        k = fx.service.update(k);

        MergeResult result = merge.merge(keep, other, Set.of("region"), k.getVersion(), o.getVersion());
        assertEquals(Map.of("contact", 1, "activity", 1), result.moved());

        Customer merged = fx.service.find(keep).orElseThrow();
        assertEquals("杭州云栖科技有限公司", merged.getName(), "the survivor's own name");
        assertEquals("浙江", merged.getRegion(), "taken from the other, as asked");
        assertEquals("软件", merged.getIndustry(), "empty on the survivor: filled from the other");
        assertEquals(Set.of("老客户", "重点"), merged.getTags());
        assertEquals(2, merged.getContacts().size());
        assertEquals(1, merged.getContacts().stream().filter(Contact::isPrimary).count(), "one primary contact: the survivor's");
        assertTrue(merged.getContacts().stream().anyMatch(c -> c.getEmails().contains("li@yunqi.example")));
        assertEquals(Set.of("第一次电话", "报价跟进"), Set.copyOf(merged.getActivities().stream().map(Activity::getSummary).toList()));
        assertTrue(fx.service.find(other).isEmpty(), "the other is gone from the list");
        assertTrue(fx.service.findDeleted(other).isPresent(), "into the recycle bin");
        // the search index follows: the moved contact's e-mail now finds the survivor
        assertEquals(List.of(keep), fx.service.byEmail("li@yunqi.example").stream().map(d -> d.id()).toList());
        assertTrue(merge.duplicates(100).isEmpty(), merge.duplicates(100).toString());
    }

    @Test
    void aMergeThatLostARaceOrNamesTheSameCustomerChangesNothing() {
        long keep = create("宁波港通物流有限公司", "13700137000", null, null);
        long other = create("宁波港通物流", "13600136000", null, "拜访");
        long seen = fx.service.find(other).orElseThrow().getVersion();
        Customer edited = fx.service.find(other).orElseThrow();
        edited.setNotes("someone else's edit");
        fx.service.update(edited);

        assertThrows(ConcurrentChangeException.class, () -> merge.merge(keep, other, Set.of(), null, seen));
        assertEquals(1, fx.service.find(other).orElseThrow().getContacts().size(), "nothing moved");
        assertEquals(1, fx.service.find(other).orElseThrow().getActivities().size());
        assertEquals(1, fx.service.find(keep).orElseThrow().getContacts().size());

        ValidationException same = assertThrows(ValidationException.class, () -> merge.merge(keep, keep, Set.of(), null, null));
        assertTrue(same.getMessage().contains("cannot be merged with itself"), same.getMessage());
        ValidationException field = assertThrows(ValidationException.class, () -> merge.merge(keep, other, Set.of("colour"), null, null));
        assertTrue(field.getMessage().contains("\"colour\""), field.getMessage());
        ValidationException missing = assertThrows(ValidationException.class, () -> merge.merge(keep, 999_999, Set.of(), null, null));
        assertTrue(missing.getMessage().contains("999999"), missing.getMessage());
        assertTrue(fx.service.find(other).isPresent());
    }

    @Test
    void theCommandListsDuplicatesAndMerges() throws CommandException {
        long keep = create("Northwind Traders Ltd", "+1 415 555 0100", null, "call");
        long other = create("NORTHWIND TRADERS", "415-555-0199", null, null);
        CommandRunner cli = new CommandRunner(new CustomersCommand(), fx.db).with(CustomerMerge.class, merge);

        assertEquals(CliCommand.OK, cli.run("duplicates", "--format", "csv"));
        long keepVersion = fx.service.find(keep).orElseThrow().getVersion();
        long otherVersion = fx.service.find(other).orElseThrow().getVersion();
        assertEquals(List.of("Group,Reason,Shared value,Id,Name,Version", "1,name,northwindtraders," + keep + ",Northwind Traders Ltd," + keepVersion,
                "1,name,northwindtraders," + other + ",NORTHWIND TRADERS," + otherVersion), cli.out().strip().lines().toList());
        assertTrue(cli.err().contains("1 groups"), cli.err());

        assertEquals(CliCommand.OK, cli.run("merge", Long.toString(keep), Long.toString(other), "--take", "name", "--seen-version",
                keepVersion + "," + otherVersion));
        assertTrue(cli.out().strip().matches("Merged customer " + other + " into " + keep + "; moved: 1 contact, 0 activity \\(merge \\d+\\)"),
                cli.out());
        assertEquals("NORTHWIND TRADERS", fx.service.find(keep).orElseThrow().getName());
        assertEquals(CliCommand.OK, cli.run("duplicates"));
        assertTrue(cli.err().contains("No likely duplicates"), cli.err());

        CommandException bad = assertThrows(CommandException.class, () -> cli.run("merge", "12", "abc"));
        assertTrue(bad.isUsage() && bad.getMessage().contains("\"abc\""), bad.getMessage());
        assertThrows(CommandException.class, () -> cli.run("merge", "1", "2", "--take", "colour"));
        assertThrows(CommandException.class, () -> cli.run("purge"));
        CommandException versions = assertThrows(CommandException.class, () -> cli.run("merge", "1", "2", "--seen-version", "3"));
        assertTrue(versions.isUsage() && versions.getMessage().contains("\"3\""), versions.getMessage());
        assertEquals(CliCommand.OK, cli.run("duplicates", "--limit", "1"));
    }

    @Test
    void theCommandRefusesAMergeThatLostARaceWithAnEdit() throws CommandException {
        long keep = create("Contoso Pharma GmbH", "+49 30 1234 5670", null, null);
        long other = create("CONTOSO PHARMA", "030 1234 5679", null, "visit");
        CommandRunner cli = new CommandRunner(new CustomersCommand(), fx.db).with(CustomerMerge.class, merge);
        assertEquals(CliCommand.OK, cli.run("duplicates", "--format", "csv"));
        List<String> rows = cli.out().strip().lines().skip(1).toList();
        String keepSeen = rows.get(0).substring(rows.get(0).lastIndexOf(',') + 1);
        String otherSeen = rows.get(1).substring(rows.get(1).lastIndexOf(',') + 1);
        // someone edits the other customer after the list was read
        Customer edited = fx.service.find(other).orElseThrow();
        edited.setNotes("called back meanwhile");
        fx.service.update(edited);

        assertThrows(ConcurrentChangeException.class,
                () -> cli.run("merge", Long.toString(keep), Long.toString(other), "--seen-version", keepSeen + "," + otherSeen));
        assertTrue(fx.service.find(other).isPresent(), "not merged");
        assertEquals(1, fx.service.find(other).orElseThrow().getActivities().size(), "nothing moved");
        assertEquals(1, fx.service.find(keep).orElseThrow().getContacts().size());
    }

    @Test
    void undoingAMergeBringsBothCustomersBackAsTheyWere() throws CommandException {
        long keep = create("杭州云栖科技有限公司", "13800138000", null, "第一次电话");
        long other = create("杭州云栖科技", "13900139000", "li@yunqi.example", "报价跟进");
        Customer o = fx.service.find(other).orElseThrow();
        o.setIndustry("软件");
        o.setRegion("浙江");
        o.getTags().add("重点");
        fx.service.update(o);
        Customer k = fx.service.find(keep).orElseThrow();
        k.setRegion("杭州");
        k.getTags().add("老客户");
        fx.service.update(k);
        Customer keepBefore = fx.service.find(keep).orElseThrow();
        Customer otherBefore = fx.service.find(other).orElseThrow();

        MergeResult merged = merge.merge(keep, other, Set.of("region", "name"), null, null);
        assertTrue(merged.mergeId() > 0);
        CommandRunner cli = new CommandRunner(new CustomersCommand(), fx.db).with(CustomerMerge.class, merge);
        assertEquals(CliCommand.OK, cli.run("unmerge", Long.toString(merged.mergeId())));
        assertEquals("Undid merge " + merged.mergeId() + ": customer " + other + " is back, separate from " + keep + "; moved back: 1 contact, 1 activity",
                cli.out().strip());

        Customer keepAfter = fx.service.find(keep).orElseThrow();
        Customer otherAfter = fx.service.find(other).orElseThrow();
        for (String field : CustomerMerge.FIELDS) {
            assertEquals(value(keepBefore, field), value(keepAfter, field), "survivor's " + field);
            assertEquals(value(otherBefore, field), value(otherAfter, field), "merged customer's " + field);
        }
        assertEquals(Set.of("老客户"), keepAfter.getTags());
        assertEquals(Set.of("重点"), otherAfter.getTags());
        assertEquals(List.of("13800138000"), keepAfter.getContacts().stream().flatMap(c -> c.getPhones().stream()).toList());
        assertEquals(List.of("13900139000"), otherAfter.getContacts().stream().flatMap(c -> c.getPhones().stream()).toList());
        assertTrue(otherAfter.getContacts().get(0).isPrimary(), "its own primary contact again");
        assertTrue(keepAfter.getContacts().get(0).isPrimary());
        assertEquals(List.of("第一次电话"), keepAfter.getActivities().stream().map(Activity::getSummary).toList());
        assertEquals(List.of("报价跟进"), otherAfter.getActivities().stream().map(Activity::getSummary).toList());
        assertTrue(fx.service.findDeleted(other).isEmpty(), "out of the recycle bin");
        assertEquals(List.of(other), fx.service.byEmail("li@yunqi.example").stream().map(d -> d.id()).toList(), "the search index follows");

        ValidationException twice = assertThrows(ValidationException.class, () -> merge.unmerge(merged.mergeId()));
        assertTrue(twice.getMessage().contains("undone already"), twice.getMessage());
        ValidationException unknown = assertThrows(ValidationException.class, () -> merge.unmerge(987_654));
        assertTrue(unknown.getMessage().contains("987654"), unknown.getMessage());
    }

    @Test
    void aMergedCustomerIsNotRestoredAloneFromTheRecycleBin() {
        long keep = create("苏州精密机械有限公司", "13500135000", null, null);
        long other = create("苏州精密机械", "13400134000", null, "拜访");
        MergeResult merged = merge.merge(keep, other, Set.of(), null, null);

        ValidationException refused = assertThrows(ValidationException.class, () -> fx.service.restore(other, null));
        assertTrue(refused.getMessage().contains("unmerge " + merged.mergeId()), refused.getMessage());
        assertTrue(fx.service.find(other).isEmpty(), "still in the bin");

        merge.unmerge(merged.mergeId());
        assertEquals(1, fx.service.find(other).orElseThrow().getActivities().size(), "back through the undo, with its activity");
    }

    @Test
    void anUndoIsRefusedWhenSomethingChangedSinceTheMerge() {
        long keep = create("宁波港通物流有限公司", "13700137000", null, null);
        long other = create("宁波港通物流", "13600136000", null, "拜访");
        MergeResult merged = merge.merge(keep, other, Set.of(), null, null);
        Customer survivor = fx.service.find(keep).orElseThrow();
        survivor.setNotes("edited after the merge");
        fx.service.update(survivor);

        ValidationException refused = assertThrows(ValidationException.class, () -> merge.unmerge(merged.mergeId()));
        assertTrue(refused.getMessage().contains("was changed since the merge") && refused.getMessage().contains("宁波港通物流有限公司"),
                refused.getMessage());
        assertTrue(fx.service.find(other).isEmpty(), "still merged: nothing was changed");
        assertEquals(2, fx.service.find(keep).orElseThrow().getContacts().size());
        assertEquals("edited after the merge", fx.service.find(keep).orElseThrow().getNotes());
    }

    private static Object value(Customer c, String field) {
        return switch (field) {
        case "name" -> c.getName();
        case "shortName" -> c.getShortName();
        case "creditCode" -> c.getCreditCode();
        case "industry" -> c.getIndustry();
        case "region" -> c.getRegion();
        case "address" -> c.getAddress();
        case "size" -> c.getSize();
        case "grade" -> c.getGrade();
        case "source" -> c.getSource();
        case "status" -> c.getStatus();
        case "nextFollowUp" -> c.getNextFollowUp();
        case "needs" -> c.getNeeds();
        case "notes" -> c.getNotes();
        case "owner" -> c.getOwner();
        default -> throw new IllegalArgumentException(field);
        };
    }
}
