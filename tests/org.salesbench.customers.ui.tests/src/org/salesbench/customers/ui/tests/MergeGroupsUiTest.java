package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.ui.internal.DuplicatesView;
import org.salesbench.customers.ui.internal.Messages;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.testing.UiTesting;

/**
 * Merging several duplicate groups at once in the Duplicates view, in the real workbench under Xvfb: a record selected in
 * each of several groups, Merge Selected Groups merges each group into the record selected in it, each group in its own
 * transaction (a group with a record changed since it was listed is refused, changing nothing, and the others merge), a
 * summary names every group's outcome, and one Edit › Undo takes every group back. The merges run in a job: held in the
 * middle (before its second group), a round trip through the UI thread completes and the summary waits for the job.
 */
class MergeGroupsUiTest {

    private final CustomerService service = Services.get(CustomerService.class);
    private final String unique = UUID.randomUUID().toString().substring(0, 6);

    private Customer customer(String name, String region, String contact) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.PROSPECT);
        c.setRegion(region);
        c.addContact(new Contact(contact));
        return service.create(c);
    }

    private static Set<String> contactNames(Customer c) {
        return c.getContacts().stream().map(Contact::getName).collect(Collectors.toSet());
    }

    private static DuplicatesView open() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        DuplicatesView list = (DuplicatesView) page.showView(DuplicatesView.ID);
        list.refresh();
        return list;
    }

    private static void close(DuplicatesView list) {
        Shell summary = list.summary() == null ? null : list.summary().getShell();
        if (summary != null && !summary.isDisposed()) {
            summary.close();
        }
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().hideView(list);
        UiTesting.processEvents();
    }

    @Test
    void severalCustomerGroupsMergeIntoTheirChosenSurvivorsAndOneUndoTakesThemAllBack() throws Exception {
        Customer a1 = customer("批量合并甲" + unique + "有限公司", "杭州", "周杰");
        Customer a2 = customer("批量合并甲" + unique, "宁波", "吴敏");
        Customer b1 = customer("批量合并乙" + unique + "有限公司", "上海", "孙丽");
        Customer b2 = customer("批量合并乙" + unique, "苏州", "钱军");
        Customer b3 = customer("批量合并乙" + unique + "股份有限公司", null, "赵云");
        Customer c1 = customer("批量合并丙" + unique + "有限公司", "南京", "李娜");
        Customer c2 = customer("批量合并丙" + unique, "无锡", "王芳");
        Set<Long> ours = Set.of(a1.getId(), a2.getId(), b1.getId(), b2.getId(), b3.getId(), c1.getId(), c2.getId());

        DuplicatesView list = open();
        List<DuplicatesView.GroupOutcome> outcomes;
        try {
            UiTesting.waitUntil("the seven customers listed", () -> list.rows().stream().filter(r -> ours.contains(r.member().id())).count() == 7);
            assertEquals(3, list.rows().stream().filter(r -> ours.contains(r.member().id())).map(DuplicatesView.Row::number).distinct().count(),
                    "three groups");
            // the survivor chosen in each group: the first of A, the second of B (the last listed is not first), the first of C
            assertEquals(3, list.selectAlso(r -> Set.of(a1.getId(), b2.getId(), c1.getId()).contains(r.member().id())));
            UiTesting.screenshot("duplicate-groups-selected");
            // someone edits C's other record after the list was read: that group is refused, the others merge
            Customer edited = service.find(c2.getId()).orElseThrow();
            edited.setNotes("changed after the list was read");
            service.update(edited);
            // the merges run in a job: held before its second group, the UI thread answers meanwhile
            java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger groupsStarted = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicReference<Thread> merging = new java.util.concurrent.atomic.AtomicReference<>();
            list.beforeEachGroup(number -> {
                merging.set(Thread.currentThread());
                if (groupsStarted.incrementAndGet() == 2) {
                    holding.countDown();
                    // from the job's thread: a round trip through the UI thread completes while the merge is under way
                    Display.getDefault().syncExec(() -> answered.set(true));
                    try {
                        release.await(UiTesting.TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            Job job = list.mergeSelectedGroups();
            assertNotNull(job, "a job merges the groups");
            UiTesting.waitUntil("the job holding before its second group", () -> holding.getCount() == 0);
            assertNotEquals(Display.getDefault().getThread(), merging.get(), "the groups are merged off the UI thread");
            UiTesting.waitUntil("the UI thread's answer to the merging job", answered::get);
            java.util.concurrent.atomic.AtomicBoolean asyncRan = new java.util.concurrent.atomic.AtomicBoolean();
            Display.getDefault().asyncExec(() -> asyncRan.set(true));
            UiTesting.waitUntil("an asyncExec run while the merge is held", asyncRan::get);
            assertEquals(Job.RUNNING, job.getState(), "the merge is still running while the UI thread works");
            assertNull(list.outcomes(), "no summary before the merges are done");
            release.countDown();
            UiTesting.waitUntil("the summary of the merges", () -> list.outcomes() != null);
            list.beforeEachGroup(null);
            outcomes = list.outcomes();
            assertEquals(3, outcomes.size(), outcomes.toString());
            java.util.Map<Long, DuplicatesView.GroupOutcome> byKept = outcomes.stream()
                    .collect(Collectors.toMap(o -> o.kept().id(), o -> o));
            assertEquals(Set.of(a1.getId(), b2.getId(), c1.getId()), byKept.keySet(), "each group into the record selected in it");
            DuplicatesView.GroupOutcome a = byKept.get(a1.getId());
            DuplicatesView.GroupOutcome b = byKept.get(b2.getId());
            DuplicatesView.GroupOutcome c = byKept.get(c1.getId());
            assertNull(a.refused());
            assertNull(b.refused());
            assertEquals(1, a.merged().size());
            assertEquals(2, b.merged().size());
            assertNotNull(c.refused(), "the group with a record changed since it was listed");
            assertEquals(List.of(), c.merged());

            // the summary: a line per group, the refused one with the model's reason
            assertNotNull(list.summary());
            String summary = list.summaryText();
            assertTrue(summary.contains(NLS.bind(Messages.Duplicates_mergedGroups, new Object[] { 2, 3, 3 })), summary);
            assertTrue(summary.contains(NLS.bind(Messages.Duplicates_summaryMerged, new Object[] { b.number(), Messages.Duplicates_reasonName,
                    b.group().value(), 2, b2.getName(), b.merged().stream().map(r -> Long.toString(r.mergeId())).collect(Collectors.joining(", ")) })),
                    summary);
            assertTrue(summary.contains(NLS.bind(Messages.Duplicates_summaryRefused, new Object[] { c.number(), Messages.Duplicates_reasonName,
                    c.group().value(), c.refused() })), summary);
            UiTesting.screenshot("duplicate-groups-summary");
            UiTesting.waitUntil("the merged groups gone from the list", () -> list.rows().stream()
                    .noneMatch(r -> Set.of(a2.getId(), b1.getId(), b3.getId()).contains(r.member().id())));
        } finally {
            close(list);
        }
        // each group in its survivor: its own values kept, an empty one filled, every contact moved, the others in the bin
        Customer a = service.find(a1.getId()).orElseThrow();
        assertEquals("杭州", a.getRegion());
        assertEquals(Set.of("周杰", "吴敏"), contactNames(a));
        Customer b = service.find(b2.getId()).orElseThrow();
        assertEquals("苏州", b.getRegion());
        assertEquals(Set.of("孙丽", "钱军", "赵云"), contactNames(b));
        for (Customer gone : List.of(a2, b1, b3)) {
            assertTrue(service.find(gone.getId()).isEmpty(), gone.getName() + " is in the recycle bin");
        }
        // the refused group is as it was
        assertEquals(Set.of("李娜"), contactNames(service.find(c1.getId()).orElseThrow()));
        assertEquals(Set.of("王芳"), contactNames(service.find(c2.getId()).orElseThrow()));

        // one Edit › Undo for every group merged
        assertEquals(NLS.bind(Messages.Undo_mergeGroups, 2, Messages.Duplicates_kindCustomers),
                Undo.history().getUndoOperation(Undo.context()).getLabel());
        assertTrue(Undo.history().undo(Undo.context(), null, null).isOK());
        for (Customer before : List.of(a1, a2, b1, b2, b3)) {
            Customer back = service.find(before.getId()).orElseThrow(() -> new AssertionError(before.getName() + " is back"));
            assertEquals(before.getRegion(), back.getRegion(), before.getName());
            assertEquals(contactNames(before), contactNames(back), before.getName());
        }
    }

    @Test
    void severalContactGroupsMergeAtOnce() throws Exception {
        String phone1 = "0571-" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String phone2 = "021-" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        Customer owner = new Customer("批量合并联系人" + unique + "有限公司");
        owner.setStatus(CustomerStatus.PROSPECT);
        for (String[] k : new String[][] { { "刘一" + unique, phone1 }, { "刘 一" + unique, phone1.replace("-", " ") },
                { "陈二" + unique, phone2 }, { "Chen Er " + unique, "(021) " + phone2.substring(4) } }) {
            Contact contact = new Contact(k[0]);
            contact.getPhones().add(k[1]);
            owner.addContact(contact);
        }
        owner = service.create(owner);
        java.util.Map<String, Long> ids = owner.getContacts().stream().collect(Collectors.toMap(Contact::getName, Contact::getId));
        Set<Long> ours = Set.copyOf(ids.values());
        long keep1 = ids.get("刘一" + unique);
        long keep2 = ids.get("Chen Er " + unique);

        DuplicatesView list = open();
        try {
            list.showKind("contact");
            UiTesting.waitUntil("the four contacts listed by phone", () -> list.rows().stream().filter(r -> ours.contains(r.member().id())
                    && r.group().reason() == org.salesbench.customers.DuplicateCandidate.Reason.PHONE).count() == 4);
            assertEquals(2, list.selectAlso(r -> (r.member().id() == keep1 || r.member().id() == keep2)
                    && r.group().reason() == org.salesbench.customers.DuplicateCandidate.Reason.PHONE));
            assertNotNull(list.mergeSelectedGroups());
            UiTesting.waitUntil("the summary of the merges", () -> list.outcomes() != null);
            List<DuplicatesView.GroupOutcome> outcomes = list.outcomes();
            assertEquals(2, outcomes.size(), outcomes.toString());
            outcomes.forEach(o -> assertNull(o.refused(), o.refused()));
            assertTrue(list.summaryText().contains(NLS.bind(Messages.Duplicates_mergedGroups, new Object[] { 2, 2, 2 })));
        } finally {
            close(list);
        }
        assertEquals(Set.of("刘一" + unique, "Chen Er " + unique), contactNames(service.find(owner.getId()).orElseThrow()));
        assertEquals(NLS.bind(Messages.Undo_mergeGroups, 2, Messages.Duplicates_kindContacts), Undo.history().getUndoOperation(Undo.context()).getLabel());
        assertTrue(Undo.history().undo(Undo.context(), null, null).isOK());
        assertEquals(Set.copyOf(ids.keySet()), contactNames(service.find(owner.getId()).orElseThrow()));
    }
}
