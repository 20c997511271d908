package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerMerge;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.ui.internal.DuplicatesView;
import org.salesbench.customers.ui.internal.MergeCustomersDialog;
import org.salesbench.customers.ui.internal.Messages;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.testing.UiTesting;

/**
 * The duplicate finder and the merge dialog in the real workbench under Xvfb: the two customers are listed as a group,
 * the merge dialog shows the fields they hold differently (an empty one of the survivor checked), and Merge moves the
 * checked values and the contacts to the survivor and puts the other in the recycle bin; a customer changed after the
 * dialog opened is refused with the dialog left open.
 */
class MergeCustomersUiTest {

    private final CustomerService service = Services.get(CustomerService.class);
    private final CustomerMerge merge = Services.get(CustomerMerge.class);
    private final String unique = UUID.randomUUID().toString().substring(0, 6);

    private Customer create(String name, String region, String industry, String contact) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.PROSPECT);
        c.setRegion(region);
        c.setIndustry(industry);
        c.addContact(new Contact(contact));
        return service.create(c);
    }

    private static Shell window() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    @Test
    void theDuplicatesAreListedAndTheDialogMergesTheCheckedFields() throws Exception {
        Customer keep = create("合并界面" + unique + "有限公司", "杭州", null, "周杰");
        Customer other = create("合并界面" + unique, "宁波", "制造", "吴敏");

        // the duplicate finder is a view (Edit > Find Duplicates, the Customers view's Duplicates..., Quick Access)
        org.eclipse.ui.IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        DuplicatesView list = (DuplicatesView) page.showView(DuplicatesView.ID);
        try {
            UiTesting.waitUntil("both customers listed", () -> list.rows().stream()
                    .filter(r -> r.member().id() == keep.getId() || r.member().id() == other.getId()).count() == 2);
            List<DuplicatesView.Row> ours = list.rows().stream()
                    .filter(r -> r.member().id() == keep.getId() || r.member().id() == other.getId()).toList();
            assertEquals(ours.get(0).number(), ours.get(1).number(), "in one group");
            assertEquals(org.salesbench.customers.DuplicateCandidate.Reason.NAME, ours.get(0).group().reason());
            assertFalse(Messages.Duplicates_none.equals(list.message()), "the view says how many groups it found");
            UiTesting.screenshot("customer-duplicates");
        } finally {
            page.hideView(list);
            UiTesting.processEvents();
        }

        MergeCustomersDialog dialog = new MergeCustomersDialog(window(), merge, service.find(keep.getId()).orElseThrow(),
                service.find(other.getId()).orElseThrow());
        dialog.setBlockOnOpen(false);
        dialog.open();
        UiTesting.processEvents();
        Shell shell = dialog.getShell();
        try {
            Table fields = UiTesting.find(shell, Table.class, t -> (t.getStyle() & SWT.CHECK) != 0).get(0);
            TableItem region = row(fields, "杭州");
            TableItem industry = row(fields, "制造");
            assertNotNull(region, "the regions differ");
            assertNotNull(industry, "the survivor has no industry");
            assertFalse(region.getChecked(), "the survivor's own value stays unless checked");
            assertTrue(industry.getChecked(), "an empty field takes the other's value");
            region.setChecked(true);
            UiTesting.screenshot("customer-merge-dialog");
            UiTesting.click(UiTesting.button(shell, Messages.Merge_ok));
        } finally {
            if (!shell.isDisposed()) {
                shell.close();
            }
            UiTesting.processEvents();
        }
        Customer merged = service.find(keep.getId()).orElseThrow();
        assertEquals("宁波", merged.getRegion());
        assertEquals("制造", merged.getIndustry());
        assertEquals("合并界面" + unique + "有限公司", merged.getName());
        assertEquals(2, merged.getContacts().size());
        assertTrue(service.find(other.getId()).isEmpty(), "the other is in the recycle bin");

        // Edit › Undo right after takes the merge back: both customers as they were, each with its contact
        assertEquals(NLS.bind(Messages.Undo_merge, "合并界面" + unique, "合并界面" + unique + "有限公司"),
                Undo.history().getUndoOperation(Undo.context()).getLabel());
        assertTrue(Undo.history().undo(Undo.context(), null, null).isOK());
        Customer kept = service.find(keep.getId()).orElseThrow();
        Customer back = service.find(other.getId()).orElseThrow();
        assertEquals("杭州", kept.getRegion());
        assertEquals(null, kept.getIndustry());
        assertEquals(List.of("周杰"), kept.getContacts().stream().map(Contact::getName).toList());
        assertEquals("宁波", back.getRegion());
        assertEquals("制造", back.getIndustry());
        assertEquals(List.of("吴敏"), back.getContacts().stream().map(Contact::getName).toList());
    }

    @Test
    void aCustomerChangedAfterTheDialogOpenedIsRefusedAndTheDialogStaysOpen() {
        Customer keep = create("竞态合并" + unique, "上海", null, "孙丽");
        Customer other = create("竞态合并" + unique + "公司", "苏州", null, "钱军");
        MergeCustomersDialog dialog = new MergeCustomersDialog(window(), merge, keep, other);
        dialog.setBlockOnOpen(false);
        dialog.open();
        UiTesting.processEvents();
        Shell shell = dialog.getShell();
        try {
            Customer edited = service.find(other.getId()).orElseThrow();
            edited.setNotes("changed by someone else");
            service.update(edited);
            UiTesting.click(UiTesting.button(shell, Messages.Merge_ok));
            assertFalse(shell.isDisposed(), "the dialog stays open");
            assertNotNull(dialog.getErrorMessage());
        } finally {
            if (!shell.isDisposed()) {
                shell.close();
            }
            UiTesting.processEvents();
        }
        assertTrue(service.find(other.getId()).isPresent(), "nothing was merged");
        assertEquals(1, service.find(keep.getId()).orElseThrow().getContacts().size());
    }

    private static TableItem row(Table table, String value) {
        return Arrays.stream(table.getItems()).filter(i -> i.getText(1).equals(value) || i.getText(2).equals(value)).findFirst().orElse(null);
    }
}
