package org.salesbench.customers.ui.internal;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerMerge;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.DuplicateGroup;

/**
 * The duplicate finder: groups of customers that are likely the same (credit code, phone, e-mail, folded name), one
 * row a customer. Merge… merges the selected customer's group: the selected customer is offered as the survivor, the
 * next one of its group as the customer merged into it.
 */
public class DuplicatesDialog extends TitleAreaDialog {

    static final int MERGE_ID = IDialogConstants.CLIENT_ID + 1;
    private static final int LIMIT = 500;

    private final CustomerMerge merge;
    private final CustomerService customers;
    private Table table;
    private Button mergeButton;
    private boolean merged;

    public DuplicatesDialog(Shell parent, CustomerMerge merge, CustomerService customers) {
        super(parent);
        this.merge = merge;
        this.customers = customers;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.Duplicates_title);
        getShell().setText(Messages.Duplicates_title);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(1, false));
        table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = 300;
        data.widthHint = 640;
        table.setLayoutData(data);
        for (String header : List.of(Messages.Duplicates_columnGroup, Messages.Duplicates_columnReason, Messages.Duplicates_columnValue,
                Messages.Duplicates_columnId, Messages.Duplicates_columnName)) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(header);
            column.setWidth(header.equals(Messages.Duplicates_columnName) ? 240 : 100);
        }
        table.addListener(SWT.Selection, e -> mergeButton.setEnabled(table.getSelectionCount() == 1));
        table.addListener(SWT.DefaultSelection, e -> mergeSelected());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        mergeButton = createButton(parent, MERGE_ID, Messages.Duplicates_merge, false);
        mergeButton.setEnabled(false);
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
        reload();
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == MERGE_ID) {
            mergeSelected();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    /** Finds the groups again and lists them. */
    void reload() {
        table.removeAll();
        List<DuplicateGroup> groups = merge.duplicates(LIMIT);
        int n = 0;
        for (DuplicateGroup g : groups) {
            n++;
            for (DuplicateGroup.Member m : g.members()) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(new String[] { Integer.toString(n), reason(g), g.value(), Long.toString(m.id()), m.name() });
                item.setData(new Object[] { g, m });
            }
        }
        setMessage(groups.isEmpty() ? Messages.Duplicates_none : NLS.bind(Messages.Duplicates_found, groups.size()));
        mergeButton.setEnabled(false);
    }

    private static String reason(DuplicateGroup g) {
        return switch (g.reason()) {
        case CREDIT_CODE -> Messages.Duplicates_reasonCreditCode;
        case PHONE -> Messages.Duplicates_reasonPhone;
        case EMAIL -> Messages.Duplicates_reasonEmail;
        case NAME -> Messages.Duplicates_reasonName;
        };
    }

    /** Opens the merge of the selected customer (kept) and the next one of its group. */
    void mergeSelected() {
        if (table.getSelectionCount() != 1) {
            return;
        }
        Object[] data = (Object[]) table.getSelection()[0].getData();
        DuplicateGroup group = (DuplicateGroup) data[0];
        DuplicateGroup.Member chosen = (DuplicateGroup.Member) data[1];
        DuplicateGroup.Member next = group.members().stream().filter(m -> m.id() != chosen.id()).findFirst().orElse(null);
        if (next == null) {
            return;
        }
        Customer keep = customers.find(chosen.id()).orElse(null);
        Customer other = customers.find(next.id()).orElse(null);
        if (keep == null || other == null) {
            reload();
            return;
        }
        MergeCustomersDialog dialog = openMerge(keep, other);
        if (dialog.getReturnCode() == Window.OK) {
            merged = true;
            reload();
        }
    }

    /** Opens the merge dialog; tests override nothing, they drive the dialog it opens. */
    MergeCustomersDialog openMerge(Customer keep, Customer other) {
        MergeCustomersDialog dialog = new MergeCustomersDialog(getShell(), merge, keep, other);
        dialog.open();
        return dialog;
    }

    /** Whether a merge was made while the dialog was open (the list behind it is then read again). */
    public boolean merged() {
        return merged;
    }

    /** The list (tests). */
    Table table() {
        return table;
    }
}
