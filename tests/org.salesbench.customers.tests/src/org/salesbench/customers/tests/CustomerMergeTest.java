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
        assertEquals(List.of("Group,Reason,Shared value,Id,Name", "1,name,northwindtraders," + keep + ",Northwind Traders Ltd",
                "1,name,northwindtraders," + other + ",NORTHWIND TRADERS"), cli.out().strip().lines().toList());
        assertTrue(cli.err().contains("1 groups"), cli.err());

        assertEquals(CliCommand.OK, cli.run("merge", Long.toString(keep), Long.toString(other), "--take", "name"));
        assertEquals("Merged customer " + other + " into " + keep + "; moved: 1 contact, 0 activity", cli.out().strip());
        assertEquals("NORTHWIND TRADERS", fx.service.find(keep).orElseThrow().getName());
        assertEquals(CliCommand.OK, cli.run("duplicates"));
        assertTrue(cli.err().contains("No likely duplicates"), cli.err());

        CommandException bad = assertThrows(CommandException.class, () -> cli.run("merge", "12", "abc"));
        assertTrue(bad.isUsage() && bad.getMessage().contains("\"abc\""), bad.getMessage());
        assertThrows(CommandException.class, () -> cli.run("merge", "1", "2", "--take", "colour"));
        assertThrows(CommandException.class, () -> cli.run("purge"));
        assertEquals(CliCommand.OK, cli.run("duplicates", "--limit", "1"));
    }
}
