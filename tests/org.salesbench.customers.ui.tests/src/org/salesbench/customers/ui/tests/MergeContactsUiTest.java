package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.RecordMerges;
import org.salesbench.customers.ui.internal.DuplicatesView;
import org.salesbench.customers.ui.internal.MergeRecordsDialog;
import org.salesbench.customers.RecordMerge;
import org.salesbench.audit.AuditTrail;
import java.util.Map;
import org.salesbench.customers.ui.internal.Messages;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.testing.UiTesting;

/**
 * Merging contacts in the Duplicates dialog in the real workbench under Xvfb: "contacts" in the kind selector lists
 * the contacts sharing a phone as a group; Merge… with one selected opens the choice of the values that survive (a
 * click on a value chooses it), which merges the group's others into it at once, recorded in the audit trail with the
 * values taken, and Edit › Undo right after brings them back.
 */
class MergeContactsUiTest {

    private final CustomerService service = Services.get(CustomerService.class);
    private final String unique = UUID.randomUUID().toString().substring(0, 6);

    private static Contact contact(String name, String phone) {
        Contact k = new Contact(name);
        k.getPhones().add(phone);
        return k;
    }

    @Test
    void aGroupOfContactsIsMergedIntoTheSelectedOneAndUndoneFromTheEditMenu() throws Exception {
        String phone = "0571-" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        Customer a = new Customer("联系人合并" + unique + "有限公司");
        a.setStatus(CustomerStatus.PROSPECT);
        a.addContact(contact("周杰" + unique, phone));
        Contact second = a.addContact(contact("周 杰" + unique, phone.replace("-", " ")));
        second.setTitle("经理");
        a = service.create(a);
        Customer b = new Customer("联系人合并" + unique + "分公司");
        b.setStatus(CustomerStatus.PROSPECT);
        b.addContact(contact("Zhou Jie " + unique, "(0571) " + phone.substring(5))).setTitle("总监");
        b = service.create(b);
        long keep = a.getContacts().stream().filter(k -> k.getName().equals("周杰" + unique)).findFirst().orElseThrow().getId();
        List<Long> ours = List.of(keep, a.getContacts().stream().filter(k -> !k.getName().equals("周杰" + unique)).findFirst().orElseThrow().getId(),
                b.getContacts().get(0).getId());

        org.eclipse.ui.IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        DuplicatesView list = (DuplicatesView) page.showView(DuplicatesView.ID);
        try {
            list.showKind("contact");
            UiTesting.waitUntil("the three contacts listed", () -> list.rows().stream().filter(r -> ours.contains(r.member().id())
                    && r.group().reason() == org.salesbench.customers.DuplicateCandidate.Reason.PHONE).count() == 3);
            List<DuplicatesView.Row> rows = list.rows().stream().filter(r -> ours.contains(r.member().id())
                    && r.group().reason() == org.salesbench.customers.DuplicateCandidate.Reason.PHONE).toList();
            assertEquals(1, rows.stream().map(DuplicatesView.Row::number).distinct().count(), "the three contacts with one number are a group");
            UiTesting.screenshot("contact-duplicates");
            assertTrue(list.select(keep));
            list.mergeSelected();
            UiTesting.processEvents();
            // the choice of the values that survive: one row per field the three hold differently
            MergeRecordsDialog choice = list.opened();
            Shell choiceShell = choice.getShell();
            Table fields = UiTesting.find(choiceShell, Table.class, t -> true).get(0);
            List<String> rowsShown = Arrays.stream(fields.getItems()).map(i -> i.getText(0)).toList();
            RecordMerge contacts = Services.get(RecordMerges.class).of("contact").orElseThrow();
            assertEquals(List.of(contacts.fieldLabel("name"), contacts.fieldLabel("title")), rowsShown);
            TableItem title = fields.getItem(1);
            assertEquals("", title.getText(1), "the kept contact has no title");
            assertEquals(MergeRecordsDialog.CHOSEN + "经理", title.getText(2), "an empty field takes the first other's value");
            assertEquals(MergeRecordsDialog.OTHER + "总监", title.getText(3));
            assertEquals(MergeRecordsDialog.CHOSEN + "周杰" + unique, fields.getItem(0).getText(1), "the kept one's own name at first");
            // a click on a value chooses it
            org.eclipse.swt.graphics.Rectangle cell = fields.getItem(0).getBounds(3);
            org.eclipse.swt.widgets.Event down = new org.eclipse.swt.widgets.Event();
            down.x = cell.x + cell.width / 2;
            down.y = cell.y + cell.height / 2;
            down.button = 1;
            fields.notifyListeners(org.eclipse.swt.SWT.MouseDown, down);
            choice.choose("title", ours.get(2));
            assertEquals(MergeRecordsDialog.CHOSEN + "Zhou Jie " + unique, fields.getItem(0).getText(3));
            assertEquals(MergeRecordsDialog.OTHER + "周杰" + unique, fields.getItem(0).getText(1));
            assertEquals(Map.of("name", ours.get(2), "title", ours.get(2)), choice.chosen());
            UiTesting.screenshot("contact-merge-choice");
            UiTesting.click(UiTesting.button(choiceShell, Messages.Merge_ok));
            UiTesting.processEvents();
            assertTrue(choiceShell.isDisposed(), choice.getErrorMessage());
            UiTesting.waitUntil("the list read again", () -> list.rows().stream().noneMatch(r -> ours.contains(r.member().id())
                    && r.group().reason() == org.salesbench.customers.DuplicateCandidate.Reason.PHONE));
        } finally {
            page.hideView(list);
            UiTesting.processEvents();
        }
        Contact survivor = service.find(a.getId()).orElseThrow().getContacts().get(0);
        assertEquals(List.of("Zhou Jie " + unique), List.of(survivor.getName()), "the name chosen from the third contact");
        assertEquals("总监", survivor.getTitle(), "and its title");
        assertEquals(1, service.find(a.getId()).orElseThrow().getContacts().size());
        assertEquals(List.of(), service.find(b.getId()).orElseThrow().getContacts(), "the other customer's contact was merged too");
        // the audit trail names the values taken
        String label = Services.get(RecordMerges.class).of("contact").orElseThrow().fieldLabel("name");
        assertTrue(Services.get(AuditTrail.class).history("contact", keep).stream().map(e -> String.valueOf(e.details()) + e.newValue())
                .anyMatch(t -> t.contains("Zhou Jie " + unique) && t.contains(label)), Services.get(AuditTrail.class).history("contact", keep).toString());

        assertEquals(NLS.bind(Messages.Undo_mergeRecords, new Object[] { 2, Messages.Duplicates_kindContacts, "周杰" + unique + " (联系人合并" + unique
                + "有限公司)" }), Undo.history().getUndoOperation(Undo.context()).getLabel());
        assertTrue(Undo.history().undo(Undo.context(), null, null).isOK());
        assertEquals(2, service.find(a.getId()).orElseThrow().getContacts().size());
        assertEquals(java.util.Set.of("周杰" + unique, "周 杰" + unique), service.find(a.getId()).orElseThrow().getContacts().stream()
                .map(Contact::getName).collect(java.util.stream.Collectors.toSet()), "the kept contact's own name back");
        assertEquals(List.of("Zhou Jie " + unique), service.find(b.getId()).orElseThrow().getContacts().stream().map(Contact::getName).toList());
    }
}
