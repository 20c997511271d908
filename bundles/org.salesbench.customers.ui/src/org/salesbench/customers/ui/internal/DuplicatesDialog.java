package org.salesbench.customers.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
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
import org.salesbench.customers.RecordMerge;
import org.salesbench.customers.RecordMerges;

/**
 * The duplicate finder: groups of customers that are likely the same (credit code, phone, e-mail, folded name), one
 * row a customer. Merge… merges the selected customer's group: the selected customer is offered as the survivor, the
 * next one of its group as the customer merged into it. The kind selector lists contacts or leads instead (any kind a
 * module merges); there Merge… opens the choice of which record's value survives in each field
 * ({@link MergeRecordsDialog}), which merges every other record of the selected one's group into it at once, at the
 * versions listed (one changed since refuses them all), and Edit › Undo takes the merges back.
 */
public class DuplicatesDialog extends TitleAreaDialog {

    static final int MERGE_ID = IDialogConstants.CLIENT_ID + 1;
    private static final int LIMIT = 500;

    private final CustomerMerge merge;
    private final CustomerService customers;
    private final RecordMerges merges;
    private RecordMerge current;
    private Combo kind;
    private Table table;
    private Button mergeButton;
    private boolean merged;
    private MergeRecordsDialog opened;

    public DuplicatesDialog(Shell parent, CustomerMerge merge, CustomerService customers) {
        this(parent, merge, customers, null);
    }

    /** With {@code merges} (may be null: customers only), the kinds of record the selector offers. */
    public DuplicatesDialog(Shell parent, CustomerMerge merge, CustomerService customers, RecordMerges merges) {
        super(parent);
        this.merge = merge;
        this.customers = customers;
        this.merges = merges;
        this.current = merge;
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
        c.setLayout(new GridLayout(2, false));
        new Label(c, SWT.NONE).setText(Messages.Duplicates_kind);
        kind = new Combo(c, SWT.READ_ONLY);
        List<RecordMerge> kinds = new ArrayList<>(List.of(merge));
        if (merges != null) {
            for (String entity : List.of("contact", "lead")) {
                merges.of(entity).ifPresent(kinds::add);
            }
        }
        for (RecordMerge k : kinds) {
            kind.add(kindLabel(k.entity()));
            kind.setData(k.entity(), k);
        }
        kind.setData(kinds);
        kind.select(0);
        kind.addListener(SWT.Selection, e -> {
            @SuppressWarnings("unchecked")
            List<RecordMerge> all = (List<RecordMerge>) kind.getData();
            current = all.get(kind.getSelectionIndex());
            reload();
        });
        table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
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
        List<DuplicateGroup> groups = current.duplicates(LIMIT);
        int n = 0;
        for (DuplicateGroup g : groups) {
            n++;
            for (DuplicateGroup.Member m : g.members()) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(new String[] { Integer.toString(n), reason(g), g.value(), Long.toString(m.id()), m.name() });
                item.setData(new Object[] { g, m });
            }
        }
        if (current == merge) {
            setMessage(groups.isEmpty() ? Messages.Duplicates_none : NLS.bind(Messages.Duplicates_found, groups.size()));
        } else {
            setMessage(groups.isEmpty() ? Messages.Duplicates_none : NLS.bind(Messages.Duplicates_foundRecords, groups.size(), kindLabel(current.entity())));
        }
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
        if (current != merge) {
            mergeGroup(group, chosen);
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

    /**
     * Opens the choice of the surviving values ({@link MergeRecordsDialog}) for every other record of the group merged
     * into {@code keep}, at the versions listed; when it has merged them, the list is read again.
     */
    private void mergeGroup(DuplicateGroup group, DuplicateGroup.Member keep) {
        List<DuplicateGroup.Member> records = new ArrayList<>(List.of(keep));
        group.members().stream().filter(m -> m.id() != keep.id()).forEach(records::add);
        RecordMerge kindMerge = current;
        MergeRecordsDialog dialog = new MergeRecordsDialog(getShell(), kindMerge, kindLabel(kindMerge.entity()), records);
        dialog.setBlockOnOpen(false); // modal all the same; the list follows when it closes
        dialog.open();
        dialog.getShell().addDisposeListener(e -> {
            if (dialog.getReturnCode() == Window.OK && !table.isDisposed()) {
                merged = true;
                reload();
                setMessage(NLS.bind(Messages.Duplicates_mergedRecords, new Object[] { records.size() - 1, kindLabel(kindMerge.entity()),
                        keep.name() }));
            }
        });
        opened = dialog;
    }

    /** The value-choice dialog Merge… opened last (tests drive it). */
    public MergeRecordsDialog opened() {
        return opened;
    }

    private static String kindLabel(String entity) {
        return switch (entity) {
        case "customer" -> Messages.Duplicates_kindCustomers;
        case "contact" -> Messages.Duplicates_kindContacts;
        case "lead" -> Messages.Duplicates_kindLeads;
        default -> entity;
        };
    }

    /** Shows the duplicates of {@code entity} ({@code customer}, {@code contact}, {@code lead}) as the selector would (tests). */
    void showKind(String entity) {
        @SuppressWarnings("unchecked")
        List<RecordMerge> all = (List<RecordMerge>) kind.getData();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).entity().equals(entity)) {
                kind.select(i);
                current = all.get(i);
                reload();
                return;
            }
        }
        throw new IllegalArgumentException(entity);
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
