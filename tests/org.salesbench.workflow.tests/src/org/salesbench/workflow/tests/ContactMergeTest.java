package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandException;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.DuplicateCandidate.Reason;
import org.salesbench.customers.DuplicateGroup;
import org.salesbench.customers.MergeResult;
import org.salesbench.customers.RecordMerges;
import org.salesbench.customers.internal.ContactMergeImpl;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.customers.internal.MergeCommand;
import org.salesbench.customers.internal.RecordMergesImpl;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.internal.LeadsContactMerge;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.CommandRunner;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.internal.TasksRecordMerge;

/**
 * The merge of contacts on Derby with the real modules that point at contacts: activities (customers), tasks
 * (workflow), leads converted into a contact (opportunities); its undo, its version check and {@code cli merge contacts}.
 */
class ContactMergeTest {

    private Database db;
    private CustomerServiceImpl customers;
    private ContactMergeImpl merge;

    @BeforeEach
    void open() {
        LocalSecurityService security = new LocalSecurityService("tester");
        db = Database.open(DatabaseSettings.inMemory("contact-merge-" + UUID.randomUUID()), security);
        customers = new CustomerServiceImpl(db, security, (entity, change, id) -> { });
        merge = new ContactMergeImpl(db, security, (entity, change, id) -> { }, customers);
        merge.addParticipant(new TasksRecordMerge(db));
        merge.addParticipant(new LeadsContactMerge(db));
    }

    @AfterEach
    void close() {
        customers.search().close();
        db.close();
    }

    /** Customer 云栖科技 with 张三 (primary) and 张 三 (the same man typed twice), and 北辰贸易 with Li Si. */
    private long[] people() {
        Customer a = new Customer("杭州云栖科技有限公司");
        a.setStatus(CustomerStatus.PROSPECT);
        Contact k1 = a.addContact(contact("张三", "13800138000", null));
        k1.setPrimary(true);
        Contact k2 = a.addContact(contact("张 三", "+86 138 0013 8000", "zhangsan@yunqi.example"));
        k2.setTitle("销售总监");
        a = customers.create(a);
        Customer b = new Customer("北辰贸易");
        b.setStatus(CustomerStatus.PROSPECT);
        b.addContact(contact("Li Si", "021-5555 6666", "lisi@beichen.example"));
        b = customers.create(b);
        long id1 = idOf(a, "张三");
        long id2 = idOf(a, "张 三");
        long id3 = b.getContacts().get(0).getId();
        Customer stored = customers.find(a.getId()).orElseThrow();
        Contact c1 = stored.getContacts().stream().filter(k -> k.getId() == id1).findFirst().orElseThrow();
        Contact c2 = stored.getContacts().stream().filter(k -> k.getId() == id2).findFirst().orElseThrow();
        stored.addActivity(activity("第一次电话", c1));
        stored.addActivity(activity("报价跟进", c2));
        stored.addActivity(activity("拜访", c2));
        customers.update(stored);
        db.write(em -> {
            em.persist(new Task("回电张三", new RecordRef(Contact.ENTITY, id1), null));
            em.persist(new Task("寄样品", new RecordRef(Contact.ENTITY, id2), null));
            em.persist(new Task("约见面", new RecordRef(Contact.ENTITY, id2), null));
            em.persist(new Task("客户回访", new RecordRef(Customer.ENTITY, id1), null));
            Lead lead = new Lead("云栖科技");
            lead.setNormalizedCompany("云栖科技");
            lead.setContactId(id2);
            em.persist(lead);
            return null;
        });
        return new long[] { id1, id2, id3 };
    }

    private static Contact contact(String name, String phone, String email) {
        Contact k = new Contact(name);
        k.getPhones().add(phone);
        if (email != null) {
            k.getEmails().add(email);
        }
        return k;
    }

    private static Activity activity(String summary, Contact with) {
        Activity a = new Activity(ActivityType.CALL, LocalDateTime.of(2026, 10, 1, 9, 0), summary);
        a.setContact(with);
        a.setPerformedBy("tester");
        return a;
    }

    private static long idOf(Customer c, String name) {
        return c.getContacts().stream().filter(k -> k.getName().equals(name)).findFirst().orElseThrow().getId();
    }

    /** What points at each contact: "activity 12" → 2, "task 12" → 1, "lead 12" → 1, counted in SQL. */
    private Map<String, Long> byContact() {
        return db.read(em -> {
            Map<String, Long> counts = new TreeMap<>();
            for (String[] q : new String[][] { { "activity", "SELECT CONTACT_ID, COUNT(*) FROM SB_ACTIVITY WHERE DELETED_AT IS NULL AND CONTACT_ID IS NOT NULL GROUP BY CONTACT_ID" },
                    { "task", "SELECT RELATED_ID, COUNT(*) FROM SB_TASK WHERE RELATED_ENTITY = 'contact' GROUP BY RELATED_ID" },
                    { "lead", "SELECT CONTACT_ID, COUNT(*) FROM SB_LEAD WHERE CONTACT_ID IS NOT NULL GROUP BY CONTACT_ID" } }) {
                for (Object row : em.createNativeQuery(q[1]).getResultList()) {
                    Object[] r = (Object[]) row;
                    counts.put(q[0] + " " + r[0], ((Number) r[1]).longValue());
                }
            }
            return counts;
        });
    }

    private Contact stored(long id) {
        return db.read(em -> {
            Contact k = em.find(Contact.class, id);
            if (k != null) {
                k.getPhones().size();
                k.getEmails().size();
            }
            return k;
        });
    }

    private boolean gone(long id) {
        Contact k = stored(id);
        return k == null || k.isDeleted();
    }

    private static long total(Map<String, Long> counts, String kind) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(kind + " ")).mapToLong(Map.Entry::getValue).sum();
    }

    @Test
    void everyChildMovesToTheSurvivorAndTheUndoPutsBothBack() {
        long[] k = people();
        Map<String, Long> before = byContact();
        assertEquals(Map.of("activity " + k[0], 1L, "activity " + k[1], 2L, "task " + k[0], 1L, "task " + k[1], 2L, "lead " + k[1], 1L), before);

        List<DuplicateGroup> groups = merge.duplicates(100);
        assertEquals(List.of(Reason.PHONE, Reason.NAME), groups.stream().map(DuplicateGroup::reason).toList(), groups.toString());
        assertEquals(List.of(k[0], k[1]), groups.get(0).members().stream().map(DuplicateGroup.Member::id).toList());
        assertEquals("张三", groups.get(1).value(), "the space folded away");

        long v1 = stored(k[0]).getVersion();
        long v2 = stored(k[1]).getVersion();
        MergeResult result = merge.merge(k[0], k[1], Set.of(), v1, v2);
        assertEquals(Map.of("activity", 2, "task", 2, "lead", 1), result.moved());

        Map<String, Long> after = byContact();
        assertEquals(Map.of("activity " + k[0], 3L, "task " + k[0], 3L, "lead " + k[0], 1L), after);
        for (String kind : List.of("activity", "task", "lead")) {
            assertEquals(total(before, kind), total(after, kind), kind + ": none lost, none made");
        }
        Contact kept = stored(k[0]);
        assertEquals("张三", kept.getName(), "the survivor's own name");
        assertEquals("销售总监", kept.getTitle(), "empty on the survivor: filled from the other");
        assertEquals(List.of("13800138000"), kept.getPhones(), "+86 138 0013 8000 is the same number");
        assertEquals(List.of("zhangsan@yunqi.example"), kept.getEmails());
        assertTrue(kept.isPrimary());
        assertTrue(gone(k[1]), "the other is in the recycle bin");
        assertEquals(1, customers.find(kept.getCustomer().getId()).orElseThrow().getContacts().size());
        assertTrue(merge.duplicates(100).isEmpty(), merge.duplicates(100).toString());

        MergeResult undone = merge.unmerge(result.mergeId());
        assertEquals(Map.of("activity", 2, "task", 2, "lead", 1), undone.moved());
        assertEquals(before, byContact(), "every record back on the contact it named");
        Contact back = stored(k[1]);
        assertEquals("张 三", back.getName());
        assertEquals(List.of("+86 138 0013 8000"), back.getPhones());
        Contact restored = stored(k[0]);
        assertEquals(null, restored.getTitle(), "the survivor's values of before");
        assertEquals(List.of(), restored.getEmails());
        assertEquals(2, customers.find(restored.getCustomer().getId()).orElseThrow().getContacts().size());

        ValidationException again = assertThrows(ValidationException.class, () -> merge.unmerge(result.mergeId()));
        assertTrue(again.getMessage().contains("undone already"), again.getMessage());
    }

    @Test
    void aMergeThatLostARaceWithAnEditIsRefusedAndNothingMoves() {
        long[] k = people();
        Map<String, Long> before = byContact();
        long v1 = stored(k[0]).getVersion();
        long seen = stored(k[1]).getVersion();
        // someone edits the other contact after the list was read
        long customerId = stored(k[1]).getCustomer().getId();
        Customer c = customers.find(customerId).orElseThrow();
        c.getContacts().stream().filter(x -> x.getId() == k[1]).findFirst().orElseThrow().setDepartment("华东区");
        customers.update(c);

        assertThrows(ConcurrentChangeException.class, () -> merge.merge(k[0], k[1], Set.of(), v1, seen));
        assertEquals(before, byContact(), "nothing moved");
        assertEquals("张 三", stored(k[1]).getName(), "not in the bin");

        ValidationException same = assertThrows(ValidationException.class, () -> merge.merge(k[0], k[0], Set.of(), null, null));
        assertTrue(same.getMessage().contains("cannot be merged with itself"), same.getMessage());
        ValidationException field = assertThrows(ValidationException.class, () -> merge.merge(k[0], k[1], Set.of("colour"), null, null));
        assertTrue(field.getMessage().contains("\"colour\""), field.getMessage());
    }

    @Test
    void theCommandMergesSeveralAtOnceAllOrNoneAndUndoesTheLastFirst() throws CommandException {
        long[] k = people();
        Map<String, Long> before = byContact();
        RecordMerges all = RecordMergesImpl.of(merge);
        CommandRunner cli = new CommandRunner(new MergeCommand(), db).with(RecordMerges.class, all);

        assertEquals(CliCommand.OK, cli.run("contacts", "duplicates", "--format", "csv"));
        assertTrue(cli.out().contains(",phone,13800138000," + k[0] + ",张三 (杭州云栖科技有限公司),"), cli.out());

        // one of the others is missing: refused, none merged
        assertThrows(ValidationException.class, () -> cli.run("contacts", "--keep", Long.toString(k[0]), "--merge", k[1] + ",999999"));
        assertEquals(before, byContact());
        assertEquals("Li Si", stored(k[2]).getName());

        String seen = stored(k[0]).getVersion() + "," + stored(k[1]).getVersion() + "," + stored(k[2]).getVersion();
        assertEquals(CliCommand.OK, cli.run("contacts", "--keep", Long.toString(k[0]), "--merge", k[1] + "," + k[2], "--take", "name",
                "--seen-version", seen));
        List<String> lines = cli.out().strip().lines().toList();
        assertEquals(2, lines.size(), cli.out());
        assertTrue(lines.get(0).matches("Merged contact " + k[1] + " into " + k[0] + "; moved: 2 activity, 2 task, 1 lead \\(merge \\d+\\)"), lines.get(0));
        assertTrue(lines.get(1).matches("Merged contact " + k[2] + " into " + k[0] + "; moved: 0 activity, 0 task \\(merge \\d+\\)"), lines.get(1));
        Contact kept = stored(k[0]);
        assertEquals("Li Si", kept.getName(), "--take name: the last merged one's");
        assertEquals(List.of("13800138000", "021-5555 6666"), kept.getPhones());
        assertTrue(gone(k[2]));
        String first = lines.get(0).replaceAll(".*\\(merge (\\d+)\\)", "$1");
        String second = lines.get(1).replaceAll(".*\\(merge (\\d+)\\)", "$1");

        // the first merge cannot be undone while the second one's change of the survivor stands
        ValidationException changed = assertThrows(ValidationException.class, () -> cli.run("contacts", "undo", first));
        assertTrue(changed.getMessage().contains("was changed since the merge"), changed.getMessage());
        // both at once, the last first, in one transaction
        assertEquals(CliCommand.OK, cli.run("contacts", "undo", first + "," + second));
        List<String> undone = cli.out().strip().lines().toList();
        assertEquals(2, undone.size(), cli.out());
        assertTrue(undone.get(0).startsWith("Undid merge " + second + ": contact " + k[2] + " is back"), cli.out());
        assertTrue(undone.get(1).startsWith("Undid merge " + first + ": contact " + k[1] + " is back"), cli.out());
        assertEquals(before, byContact());
        assertEquals("张三", stored(k[0]).getName());

        CommandException kind = assertThrows(CommandException.class, () -> cli.run("opportunities", "--keep", "1", "--merge", "2"));
        assertTrue(kind.isUsage() && kind.getMessage().contains("contacts"), kind.getMessage());
        CommandException versions = assertThrows(CommandException.class,
                () -> cli.run("contacts", "--keep", "1", "--merge", "2,3", "--seen-version", "4,5"));
        assertTrue(versions.isUsage() && versions.getMessage().contains("3 versions"), versions.getMessage());
        assertThrows(CommandException.class, () -> cli.run("contacts", "--keep", "1"));
    }
}
