package org.salesbench.customers.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.salesbench.customers.DuplicateGroup;
import org.salesbench.customers.MergeResult;
import org.salesbench.customers.RecordMerge;

/**
 * Merges records of any kind a module merges (contacts, leads) into the one kept, choosing per field which record's
 * value survives: one row per field the records hold differently, one column per record (the kept one first); a click
 * on a value chooses it (marked ●). At first each field keeps the kept record's value, or the first other's where the
 * kept one has none. OK merges them all at the versions the list showed, in one transaction, through
 * {@link RecordMerge#mergeEach} (the audit trail names the fields taken from each), and Edit › Undo takes the merges
 * back; a record changed meanwhile refuses them all, the dialog left open with the reason.
 */
public class MergeRecordsDialog extends TitleAreaDialog {

    /** How a value that survives, and one that does not, start in the table. */
    public static final String CHOSEN = "\u25CF ", OTHER = "\u25CB ";

    private final RecordMerge merge;
    private final String kind;
    private final List<DuplicateGroup.Member> records;
    private final List<Map<String, String>> values = new ArrayList<>();
    /** field → the index in {@link #records} of the record whose value survives */
    private final Map<String, Integer> chosen = new LinkedHashMap<>();
    private Table table;
    private List<MergeResult> results = List.of();

    /**
     * @param records the kept record first, then those merged into it, each with the version the user saw
     * @param kind    the kind's name as the user reads it ("contacts")
     */
    public MergeRecordsDialog(Shell parent, RecordMerge merge, String kind, List<DuplicateGroup.Member> records) {
        super(parent);
        this.merge = merge;
        this.kind = kind;
        this.records = List.copyOf(records);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        DuplicateGroup.Member keep = records.get(0);
        setTitle(NLS.bind(Messages.MergeRecords_title, new Object[] { records.size() - 1, kind, keep.name() }));
        setMessage(Messages.MergeRecords_message);
        getShell().setText(NLS.bind(Messages.MergeRecords_shell, kind));
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(1, false));
        table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = 240;
        data.widthHint = 200 + 200 * Math.min(records.size(), 4);
        table.setLayoutData(data);
        TableColumn field = new TableColumn(table, SWT.NONE);
        field.setText(Messages.Merge_columnField);
        field.setWidth(160);
        for (int i = 0; i < records.size(); i++) {
            DuplicateGroup.Member m = records.get(i);
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(NLS.bind(i == 0 ? Messages.MergeRecords_kept : Messages.MergeRecords_merged, m.name(), m.id()));
            column.setWidth(200);
        }
        try {
            for (DuplicateGroup.Member m : records) {
                values.add(merge.shown(m.id()));
            }
        } catch (RuntimeException e) { // gone or out of reach since the list was read
            setErrorMessage(e.getMessage());
        }
        fill();
        table.addListener(SWT.MouseDown, e -> {
            TableItem item = table.getItem(new Point(e.x, e.y));
            if (item == null) {
                return;
            }
            for (int column = 1; column <= records.size(); column++) {
                if (item.getBounds(column).contains(e.x, e.y)) {
                    choose((String) item.getData(), records.get(column - 1).id());
                    return;
                }
            }
        });
        Label note = new Label(c, SWT.WRAP);
        note.setText(Messages.MergeRecords_note);
        GridData noteData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        noteData.widthHint = data.widthHint;
        note.setLayoutData(noteData);
        return area;
    }

    /** One row per field the records hold differently, with a value somewhere; the first choice as the class says. */
    private void fill() {
        table.removeAll();
        if (values.size() != records.size()) {
            return;
        }
        for (String field : merge.fields()) {
            List<String> row = values.stream().map(v -> v.getOrDefault(field, "")).toList();
            if (row.stream().distinct().count() < 2) {
                continue;
            }
            int first = 0;
            while (first < row.size() && row.get(first).isEmpty()) {
                first++;
            }
            chosen.putIfAbsent(field, first);
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(field);
            show(item);
        }
        if (table.getItemCount() == 0) {
            setMessage(Messages.MergeRecords_same);
        }
    }

    private void show(TableItem item) {
        String field = (String) item.getData();
        item.setText(0, merge.fieldLabel(field));
        for (int i = 0; i < records.size(); i++) {
            String value = values.get(i).getOrDefault(field, "");
            item.setText(i + 1, value.isEmpty() ? "" : (chosen.get(field) == i ? CHOSEN : OTHER) + value);
        }
    }

    /** Makes {@code recordId}'s value of {@code field} the one that survives (a record with no value there cannot be chosen). */
    public void choose(String field, long recordId) {
        int index = -1;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).id() == recordId) {
                index = i;
            }
        }
        if (index < 0 || !chosen.containsKey(field) || values.get(index).getOrDefault(field, "").isEmpty()) {
            return;
        }
        chosen.put(field, index);
        for (TableItem item : table.getItems()) {
            if (field.equals(item.getData())) {
                show(item);
            }
        }
    }

    /** The record whose value survives, by field (the fields listed only). */
    public Map<String, Long> chosen() {
        Map<String, Long> ids = new LinkedHashMap<>();
        chosen.forEach((field, index) -> ids.put(field, records.get(index).id()));
        return ids;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Merge_ok, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        long keepId = records.get(0).id();
        List<Long> others = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        for (DuplicateGroup.Member m : records) {
            if (m.id() != keepId) {
                others.add(m.id());
            }
            versions.add(m.version());
        }
        Map<String, Long> taken = new LinkedHashMap<>(chosen());
        taken.values().removeIf(id -> Objects.equals(id, keepId));
        try {
            results = merge.mergeEach(keepId, others, RecordMerge.takes(keepId, others, taken), versions);
        } catch (RuntimeException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        if (org.eclipse.ui.PlatformUI.isWorkbenchRunning()) {
            // Edit › Undo right after takes them back
            org.salesbench.ui.forms.Undo.done(new CustomerMergeOperation(NLS.bind(Messages.Undo_mergeRecords, new Object[] { others.size(), kind,
                    records.get(0).name() }), merge, results.stream().map(MergeResult::mergeId).toList()));
        }
        super.okPressed();
    }

    /** What the merges did, after OK. */
    public List<MergeResult> results() {
        return results;
    }
}
