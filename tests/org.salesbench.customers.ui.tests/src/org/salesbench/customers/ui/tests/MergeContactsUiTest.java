package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Combo;
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
import org.salesbench.customers.RecordMerges;
import org.salesbench.customers.ui.internal.DuplicatesDialog;
import org.salesbench.customers.ui.internal.Messages;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.testing.UiTesting;

/**
 * Merging contacts in the Duplicates dialog in the real workbench under Xvfb: "contacts" in the kind selector lists
 * the contacts sharing a phone as a group; Merge… with one selected merges the group's others into it at once, and
 * Edit › Undo right after brings them back.
 */
class MergeContactsUiTest {

    private final CustomerService service = Services.get(CustomerService.class);
    private final String unique = UUID.randomUUID().toString().substring(0, 6);

    private static Shell window() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

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
        a.addContact(contact("周 杰" + unique, phone.replace("-", " ")));
        a = service.create(a);
        Customer b = new Customer("联系人合并" + unique + "分公司");
        b.setStatus(CustomerStatus.PROSPECT);
        b.addContact(contact("Zhou Jie " + unique, "(0571) " + phone.substring(5)));
        b = service.create(b);
        long keep = a.getContacts().stream().filter(k -> k.getName().equals("周杰" + unique)).findFirst().orElseThrow().getId();
        List<Long> ours = List.of(keep, a.getContacts().stream().filter(k -> !k.getName().equals("周杰" + unique)).findFirst().orElseThrow().getId(),
                b.getContacts().get(0).getId());

        DuplicatesDialog list = new DuplicatesDialog(window(), Services.get(CustomerMerge.class), service, Services.get(RecordMerges.class));
        list.setBlockOnOpen(false);
        list.open();
        UiTesting.processEvents();
        Shell shell = list.getShell();
        try {
            UiTesting.choose(UiTesting.find(shell, Combo.class, c -> true).get(0), Messages.Duplicates_kindContacts);
            Table table = UiTesting.find(shell, Table.class, t -> true).get(0);
            List<TableItem> rows = Arrays.stream(table.getItems()).filter(i -> ours.contains(Long.parseLong(i.getText(3)))
                    && i.getText(1).equals(Messages.Duplicates_reasonPhone)).toList();
            assertEquals(3, rows.size(), "the three contacts with one number are a group");
            assertEquals(1, rows.stream().map(i -> i.getText(0)).distinct().count());
            UiTesting.screenshot("contact-duplicates");
            TableItem kept = rows.stream().filter(i -> i.getText(3).equals(Long.toString(keep))).findFirst().orElseThrow();
            UiTesting.selectRow(table, Arrays.asList(table.getItems()).indexOf(kept));
            UiTesting.click(UiTesting.button(shell, UiTesting.plain(Messages.Duplicates_merge)));
            UiTesting.processEvents();
            assertTrue(list.getErrorMessage() == null, list.getErrorMessage());
        } finally {
            if (!shell.isDisposed()) {
                shell.close();
            }
            UiTesting.processEvents();
        }
        assertEquals(List.of("周杰" + unique), service.find(a.getId()).orElseThrow().getContacts().stream().map(Contact::getName).toList());
        assertEquals(List.of(), service.find(b.getId()).orElseThrow().getContacts(), "the other customer's contact was merged too");

        assertEquals(NLS.bind(Messages.Undo_mergeRecords, new Object[] { 2, Messages.Duplicates_kindContacts, "周杰" + unique + " (联系人合并" + unique
                + "有限公司)" }), Undo.history().getUndoOperation(Undo.context()).getLabel());
        assertTrue(Undo.history().undo(Undo.context(), null, null).isOK());
        assertEquals(2, service.find(a.getId()).orElseThrow().getContacts().size());
        assertEquals(List.of("Zhou Jie " + unique), service.find(b.getId()).orElseThrow().getContacts().stream().map(Contact::getName).toList());
    }
}
