package org.salesbench.customers.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerMerge;
import org.salesbench.customers.MergeResult;

/**
 * Merges two customers: which one survives (Swap), and for each field the two hold differently, whether the survivor
 * takes the other's value (checked). The merge runs through {@link CustomerMerge} at the versions shown, so a customer
 * someone changed meanwhile is refused and nothing is merged.
 */
public class MergeCustomersDialog extends TitleAreaDialog {

    private final CustomerMerge merge;
    private Customer keep;
    private Customer other;
    private Label keepLabel;
    private Label otherLabel;
    private Table fields;
    private MergeResult result;

    public MergeCustomersDialog(Shell parent, CustomerMerge merge, Customer keep, Customer other) {
        super(parent);
        this.merge = merge;
        this.keep = keep;
        this.other = other;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.Merge_title);
        setMessage(Messages.Merge_message);
        getShell().setText(Messages.Merge_title);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, false));
        keepLabel = new Label(c, SWT.NONE);
        keepLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button swap = new Button(c, SWT.PUSH);
        swap.setText(Messages.Merge_swap);
        swap.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false, 1, 2));
        swap.addListener(SWT.Selection, e -> {
            Customer was = keep;
            keep = other;
            other = was;
            fill();
        });
        otherLabel = new Label(c, SWT.NONE);
        otherLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        fields = new Table(c, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION);
        fields.setHeaderVisible(true);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        data.heightHint = 220;
        data.widthHint = 560;
        fields.setLayoutData(data);
        for (String header : List.of(Messages.Merge_columnField, Messages.Merge_columnKept, Messages.Merge_columnOther)) {
            TableColumn column = new TableColumn(fields, SWT.NONE);
            column.setText(header);
            column.setWidth(180);
        }
        Label note = new Label(c, SWT.WRAP);
        note.setText(Messages.Merge_note);
        GridData noteData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        noteData.widthHint = 560;
        note.setLayoutData(noteData);
        fill();
        return area;
    }

    /** The two customers' names and the fields in which they differ. */
    private void fill() {
        keepLabel.setText(NLS.bind(Messages.Merge_keep, keep.getName(), keep.getId()));
        otherLabel.setText(NLS.bind(Messages.Merge_other, other.getName(), other.getId()));
        fields.removeAll();
        for (String field : CustomerMerge.FIELDS) {
            String mine = text(keep, field);
            String theirs = text(other, field);
            if (!Objects.equals(mine, theirs) && !theirs.isEmpty()) {
                TableItem item = new TableItem(fields, SWT.NONE);
                item.setText(new String[] { label(field), mine, theirs });
                item.setData(field);
                // an empty field of the survivor takes the other's value anyway
                item.setChecked(mine.isEmpty());
            }
        }
        keepLabel.getParent().layout();
    }

    /** The fields checked: those the survivor takes from the other customer. */
    Set<String> taken() {
        Set<String> taken = new LinkedHashSet<>();
        for (TableItem item : fields.getItems()) {
            if (item.getChecked()) {
                taken.add((String) item.getData());
            }
        }
        return taken;
    }

    /** The table of differing fields (tests). */
    Table fieldTable() {
        return fields;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Merge_ok, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        try {
            result = merge.merge(keep.getId(), other.getId(), taken(), keep.getVersion(), other.getVersion());
        } catch (RuntimeException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        if (org.eclipse.ui.PlatformUI.isWorkbenchRunning()) {
            // Edit › Undo right after takes it back
            org.salesbench.ui.forms.Undo.done(new CustomerMergeOperation(NLS.bind(Messages.Undo_merge, other.getName(), keep.getName()), merge,
                    result.mergeId()));
        }
        super.okPressed();
    }

    /** What the merge did, after OK. */
    public MergeResult result() {
        return result;
    }

    private static String label(String field) {
        String label = switch (field) {
        case "name" -> Messages.Field_name;
        case "shortName" -> Messages.Field_shortName;
        case "creditCode" -> Messages.Field_creditCode;
        case "industry" -> Messages.Field_industry;
        case "region" -> Messages.Field_region;
        case "address" -> Messages.Field_address;
        case "size" -> Messages.Field_size;
        case "grade" -> Messages.Field_grade;
        case "source" -> Messages.Field_source;
        case "status" -> Messages.Field_status;
        case "nextFollowUp" -> Messages.Field_nextFollowUp;
        case "needs" -> Messages.Field_needs;
        case "notes" -> Messages.Field_notes;
        case "owner" -> Messages.Field_owner;
        default -> field;
        };
        return label.endsWith(":") || label.endsWith("：") ? label.substring(0, label.length() - 1) : label;
    }

    private static String text(Customer c, String field) {
        Object value = switch (field) {
        case "name" -> c.getName();
        case "shortName" -> c.getShortName();
        case "creditCode" -> c.getCreditCode();
        case "industry" -> Industries.label(c.getIndustry());
        case "region" -> c.getRegion();
        case "address" -> c.getAddress();
        case "size" -> Labels.size(c.getSize());
        case "grade" -> c.getGrade();
        case "source" -> Labels.source(c.getSource());
        case "status" -> Labels.of(c.getStatus());
        case "nextFollowUp" -> c.getNextFollowUp();
        case "needs" -> c.getNeeds();
        case "notes" -> c.getNotes();
        case "owner" -> c.getOwner();
        default -> null;
        };
        String s = value == null ? "" : value.toString();
        return s.replace('\n', ' ').strip();
    }

    static List<String> fieldsOf(Table table) {
        List<String> list = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            list.add((String) item.getData());
        }
        return list;
    }
}
