package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
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
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.DuplicateCandidate.Reason;
import org.salesbench.customers.DuplicateGroup;
import org.salesbench.customers.MergeResult;
import org.salesbench.customers.RecordMerges;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.customers.internal.MergeCommand;
import org.salesbench.customers.internal.MergeLogImpl;
import org.salesbench.customers.internal.RecordMergesImpl;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.internal.LeadMergeImpl;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.CommandRunner;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.internal.TasksRecordMerge;

/**
 * The merge of leads on Derby: the survivor's fields, the merged lead's conversion and tasks and the leads flagged as
 * its duplicates moved to it, counts by lead equal before and after, the undo, the version check, {@code cli merge leads}.
 */
class LeadMergeTest {

    private Database db;
    private CustomerServiceImpl customers;
    private LeadMergeImpl merge;

    @BeforeEach
    void open() {
        LocalSecurityService security = new LocalSecurityService("tester");
        db = Database.open(DatabaseSettings.inMemory("lead-merge-" + UUID.randomUUID()), security);
        customers = new CustomerServiceImpl(db, security, (entity, change, id) -> { });
        merge = new LeadMergeImpl(db, security, (entity, change, id) -> { }, customers, new MergeLogImpl(db, security));
        merge.addParticipant(new TasksRecordMerge(db));
    }

    @AfterEach
    void close() {
        customers.search().close();
        db.close();
    }

    private long lead(String company, String contact, String phone, String email, Long convertedTo, Long duplicateOf) {
        return db.write(em -> {
            Lead l = new Lead(company);
            l.setNormalizedCompany(customers.foldName(company));
            l.setContactName(contact);
            l.setPhone(phone);
            l.setPhoneDigits(phone == null ? null : customers.phoneDigits(phone));
            l.setEmail(email);
            if (convertedTo != null) {
                l.setCustomerId(convertedTo);
                l.setConvertedAt(Instant.parse("2026-09-01T08:00:00Z"));
                l.setStatus(LeadStatus.CONVERTED);
            }
            l.setDuplicateLeadId(duplicateOf);
            em.persist(l);
            em.flush();
            return l.getId();
        });
    }

    private void task(String title, long leadId) {
        db.write(em -> {
            em.persist(new Task(title, new RecordRef(Lead.ENTITY, leadId), null));
            return null;
        });
    }

    /** What points at each lead: "task 12" → 2, "duplicate 12" → 1, "converted 12" → 1, counted in SQL. */
    private Map<String, Long> byLead() {
        return db.read(em -> {
            Map<String, Long> counts = new TreeMap<>();
            for (String[] q : new String[][] { { "task", "SELECT RELATED_ID, COUNT(*) FROM SB_TASK WHERE RELATED_ENTITY = 'lead' GROUP BY RELATED_ID" },
                    { "duplicate", "SELECT DUPLICATE_LEAD_ID, COUNT(*) FROM SB_LEAD WHERE DUPLICATE_LEAD_ID IS NOT NULL AND DELETED_AT IS NULL GROUP BY DUPLICATE_LEAD_ID" },
                    { "converted", "SELECT ID, COUNT(*) FROM SB_LEAD WHERE CUSTOMER_ID IS NOT NULL AND DELETED_AT IS NULL GROUP BY ID" },
                    { "live", "SELECT ID, COUNT(*) FROM SB_LEAD WHERE DELETED_AT IS NULL GROUP BY ID" } }) {
                for (Object row : em.createNativeQuery(q[1]).getResultList()) {
                    Object[] r = (Object[]) row;
                    counts.put(q[0] + " " + r[0], ((Number) r[1]).longValue());
                }
            }
            return counts;
        });
    }

    private Lead stored(long id) {
        return db.read(em -> em.find(Lead.class, id));
    }

    private long[] leads() {
        Customer c = new Customer("杭州云栖科技有限公司");
        c.setStatus(CustomerStatus.ACTIVE);
        long customer = customers.create(c).getId();
        long l1 = lead("杭州云栖科技有限公司", "张三", "13800138000", null, null, null);
        long l2 = lead("杭州云栖科技", null, "+86 138 0013 8000", "zhangsan@yunqi.example", customer, null);
        long l3 = lead("云栖科技（杭州）", "张三", "0571-8888 1234", null, null, l2);
        task("回电", l1);
        task("寄资料", l2);
        task("约演示", l2);
        return new long[] { l1, l2, l3, customer };
    }

    @Test
    void theConversionTasksAndFlaggedDuplicatesMoveAndTheUndoPutsThemBack() {
        long[] l = leads();
        Map<String, Long> before = byLead();

        List<DuplicateGroup> groups = merge.duplicates(100);
        assertTrue(groups.stream().anyMatch(g -> g.reason() == Reason.PHONE
                && g.members().stream().map(DuplicateGroup.Member::id).toList().equals(List.of(l[0], l[1]))), groups.toString());
        assertTrue(groups.stream().anyMatch(g -> g.reason() == Reason.NAME), "杭州云栖科技有限公司 and 杭州云栖科技 fold alike: " + groups);

        MergeResult result = merge.merge(l[0], l[1], Set.of(), stored(l[0]).getVersion(), stored(l[1]).getVersion());
        assertEquals(Map.of("opportunity", 0, "task", 2), result.moved(), "the conversion moved (it made no deal here), and two tasks");
        Map<String, Long> after = byLead();
        assertEquals(Map.of("task " + l[0], 3L, "duplicate " + l[0], 1L, "converted " + l[0], 1L, "live " + l[0], 1L, "live " + l[2], 1L), after);
        Lead kept = stored(l[0]);
        assertEquals("杭州云栖科技有限公司", kept.getCompany(), "the survivor's own company");
        assertEquals("zhangsan@yunqi.example", kept.getEmail(), "empty on the survivor: filled from the other");
        assertEquals(Long.valueOf(l[3]), kept.getCustomerId(), "the merged lead's conversion");
        assertEquals(LeadStatus.CONVERTED, kept.getStatus());
        assertTrue(stored(l[1]).isDeleted(), "the other is in the recycle bin");

        MergeResult undone = merge.unmerge(result.mergeId());
        assertEquals(2, undone.moved().get("task"));
        assertEquals(before, byLead(), "every record back on the lead it named");
        Lead back = stored(l[0]);
        assertEquals(null, back.getEmail());
        assertEquals(null, back.getCustomerId());
        assertEquals(LeadStatus.NEW, back.getStatus());
        assertTrue(!stored(l[1]).isDeleted());
        ValidationException again = assertThrows(ValidationException.class, () -> merge.unmerge(result.mergeId()));
        assertTrue(again.getMessage().contains("undone already"), again.getMessage());
    }

    @Test
    void aMergeThatLostARaceIsRefusedAndAnUndoAfterAnEditToo() {
        long[] l = leads();
        Map<String, Long> before = byLead();
        long seen = stored(l[1]).getVersion();
        db.write(em -> {
            em.find(Lead.class, l[1]).setNeed("someone else's edit");
            return null;
        });
        assertThrows(ConcurrentChangeException.class, () -> merge.merge(l[0], l[1], Set.of(), null, seen));
        assertEquals(before, byLead(), "nothing moved");

        MergeResult result = merge.merge(l[0], l[1], Set.of("company"), null, null);
        assertEquals("杭州云栖科技", stored(l[0]).getCompany());
        db.write(em -> {
            em.find(Lead.class, l[0]).setNeed("edited after the merge");
            return null;
        });
        ValidationException changed = assertThrows(ValidationException.class, () -> merge.unmerge(result.mergeId()));
        assertTrue(changed.getMessage().contains("was changed since the merge"), changed.getMessage());
        assertTrue(stored(l[1]).isDeleted(), "nothing was undone");
    }

    @Test
    void theCommandMergesTwoLeadsAtOnce() throws CommandException {
        long[] l = leads();
        CommandRunner cli = new CommandRunner(new MergeCommand(), db).with(RecordMerges.class, RecordMergesImpl.of(merge));
        assertEquals(CliCommand.OK, cli.run("leads", "--keep", Long.toString(l[0]), "--merge", l[1] + "," + l[2]));
        List<String> lines = cli.out().strip().lines().toList();
        assertEquals(2, lines.size(), cli.out());
        assertTrue(lines.get(0).matches("Merged lead " + l[1] + " into " + l[0] + "; moved: 0 opportunity, 2 task \\(merge \\d+\\)"), lines.get(0));
        assertEquals(Map.of("task " + l[0], 3L, "converted " + l[0], 1L, "live " + l[0], 1L), byLead(),
                "the third was flagged as the second's duplicate: it pointed at the survivor, then was merged into it");
        CommandException field = assertThrows(CommandException.class, () -> cli.run("leads", "--keep", "1", "--merge", "2", "--take", "colour"));
        assertTrue(field.getMessage().contains("company"), field.getMessage());
    }

    /**
     * The merge dialog's choice per field: each field ends with the value of the record chosen for it (the survivor's
     * own, or one of several merged leads'), in one transaction; the dialog shows the leads' values side by side.
     */
    @Test
    void eachFieldKeepsTheValueChosenForIt() {
        long[] l = leads();
        Map<String, String> shown = merge.shown(l[1]);
        assertEquals("+86 138 0013 8000", shown.get("phone"));
        assertEquals("", shown.get("contactName"));
        assertEquals(org.salesbench.opportunities.internal.LeadMergeImpl.FIELDS, List.copyOf(shown.keySet()));
        Map<String, Long> chosen = Map.of("company", l[2], "phone", l[1], "contactName", l[0]);
        // in the list's order: merging the second re-points the third (flagged as its duplicate) at the survivor, a
        // change of the third that is the group merge's own, not a lost race
        List<Set<String>> takes = org.salesbench.customers.RecordMerge.takes(l[0], List.of(l[1], l[2]), chosen);
        assertEquals(List.of(Set.of("phone"), Set.of("company")), takes);
        List<MergeResult> results = merge.mergeEach(l[0], List.of(l[1], l[2]), takes,
                List.of(stored(l[0]).getVersion(), stored(l[1]).getVersion(), stored(l[2]).getVersion()));
        assertEquals(2, results.size());
        Lead kept = stored(l[0]);
        assertEquals("云栖科技（杭州）", kept.getCompany(), "from the third lead");
        assertEquals("+86 138 0013 8000", kept.getPhone(), "from the second");
        assertEquals("张三", kept.getContactName(), "its own");
        assertEquals("zhangsan@yunqi.example", kept.getEmail(), "empty on the survivor: filled from the other");
        assertThrows(IllegalArgumentException.class, () -> org.salesbench.customers.RecordMerge.takes(l[0], List.of(l[1]), Map.of("phone", 999L)));
    }

    /**
     * A group of a lead and the one flagged as its duplicate merged at the versions the list showed: allowed (the merge
     * of the first re-points the second, which the group merges next); the same group with the flagged lead edited by
     * someone else since the list was read is refused whole.
     */
    @Test
    void aGroupMergeTakesALeadAndTheOneFlaggedAsItsDuplicate() {
        long[] l = leads();
        Map<String, Long> before = byLead();
        List<Long> seen = List.of(stored(l[0]).getVersion(), stored(l[1]).getVersion(), stored(l[2]).getVersion());
        db.write(em -> {
            em.find(Lead.class, l[2]).setNeed("someone else's edit");
            return null;
        });
        assertThrows(ConcurrentChangeException.class, () -> merge.mergeAll(l[0], List.of(l[1], l[2]), Set.of(), seen));
        assertEquals(before, byLead(), "nothing moved");
        assertTrue(!stored(l[1]).isDeleted());

        List<MergeResult> results = merge.mergeAll(l[0], List.of(l[1], l[2]), Set.of(),
                List.of(stored(l[0]).getVersion(), stored(l[1]).getVersion(), stored(l[2]).getVersion()));
        assertEquals(2, results.size());
        assertEquals(Map.of("task " + l[0], 3L, "converted " + l[0], 1L, "live " + l[0], 1L), byLead());
        assertTrue(stored(l[1]).isDeleted() && stored(l[2]).isDeleted());

        merge.unmergeAll(results.stream().map(MergeResult::mergeId).toList());
        Map<String, Long> back = byLead();
        assertEquals(before, back, "the undo puts the third back as the second's duplicate");
    }
}
