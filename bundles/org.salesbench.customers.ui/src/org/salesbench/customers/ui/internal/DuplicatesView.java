package org.salesbench.customers.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerMerge;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.DuplicateGroup;
import org.salesbench.customers.MergeResult;
import org.salesbench.customers.RecordMerge;
import org.salesbench.customers.RecordMerges;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.FilterBars;
import org.salesbench.ui.forms.GridListView;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.SelectedRecord;
import org.salesbench.ui.forms.VirtualGrid;

/**
 * The duplicate finder, a view to review the candidates in bulk: groups of customers that are likely the same (credit
 * code, phone, e-mail, folded name), one row a record, on a grid like the other lists (a header click sorts, columns
 * hide, show and move, the layout is kept per user, Edit › Copy and Select All reach it). Show: lists contacts or leads
 * instead (any kind a module merges). Merge… (or a double-click) merges the selected record's group: for customers the
 * selected one is offered as the survivor and the next of its group as the one merged into it
 * ({@link MergeCustomersDialog}); for the other kinds it opens the choice of which record's value survives in each field
 * ({@link MergeRecordsDialog}), which merges every other record of the group into it at once, at the versions listed
 * (one changed since refuses them all). Edit › Undo takes a merge back. Merge Selected Groups merges several groups at
 * once, each into the record selected in it, keeping the survivor's values (empty ones filled from the others'): each
 * group in a transaction of its own, so a group refused (a record changed since it was listed, or merged already by an
 * earlier group) leaves that group as it was and the others merge; the merges run in a job with progress, off the UI thread;
 * a summary names each group's outcome, and one Edit › Undo takes every group's merges back, in one transaction ({@link #mergeSelectedGroups}). Opened by the
 * Customers view's Duplicates…, by Edit › Find Duplicates and from Quick Access.
 */
public class DuplicatesView extends GridListView<String, DuplicatesView.Row> {

    public static final String ID = "org.salesbench.customers.ui.views.duplicates";

    private static final int LIMIT = 500;

    /** One record of a group: the group's number as listed, the group, the member. */
    public record Row(int number, DuplicateGroup group, DuplicateGroup.Member member) {
    }

    private CustomerMerge merge;
    private CustomerService customers;
    private final List<RecordMerge> kinds = new ArrayList<>();
    private RecordMerge current;
    private Combo kind;
    private org.eclipse.swt.widgets.Label description;
    private VirtualGrid<Row> grid;
    private MergeRecordsDialog opened;
    private org.eclipse.jface.dialogs.MessageDialog summary;
    private String summaryText;
    private Action mergeGroups;
    private volatile List<GroupOutcome> outcomes;
    private volatile java.util.function.IntConsumer beforeGroup;

    public DuplicatesView() {
        super(String.class, "customer");
    }

    @Override
    public void createPartControl(Composite parent) {
        merge = Services.get(CustomerMerge.class);
        customers = Services.get(CustomerService.class);
        kinds.add(merge);
        Services.find(RecordMerges.class).ifPresent(merges -> {
            for (String entity : List.of("contact", "lead")) {
                merges.of(entity).ifPresent(kinds::add);
            }
        });
        current = merge;
        parent.setLayout(new GridLayout(1, false));
        // what the view says of the list, wrapped to the view's width: as the view's content description it is one line,
        // and the Chinese one was clipped at the right edge of a view of the usual width
        description = new org.eclipse.swt.widgets.Label(parent, SWT.WRAP);
        GridData wrapped = new GridData(SWT.FILL, SWT.TOP, true, false);
        wrapped.widthHint = 200; // its preferred width: the layout gives it the view's and wraps the text to that
        description.setLayoutData(wrapped);
        Composite bar = FilterBars.create(parent);
        // the list is over groups, not text: the frame's search box is kept for focus, hidden
        searchText = FilterBars.search(bar, Messages.Duplicates_kind, () -> { });
        searchText.setEnabled(false);
        searchText.setVisible(false);
        Composite show = FilterBars.labelled(bar, Messages.Duplicates_kind);
        kind = new Combo(show, SWT.READ_ONLY);
        kinds.forEach(k -> kind.add(kindLabel(k.entity())));
        kind.select(0);
        kind.addListener(SWT.Selection, e -> applyFilter());
        List<VirtualGrid.Column<Row>> columns = List.of(
                VirtualGrid.Column.<Row>of("group", Messages.Duplicates_columnGroup, 70, r -> Integer.toString(r.number())).right(),
                VirtualGrid.Column.<Row>of("reason", Messages.Duplicates_columnReason, 110, r -> reason(r.group())),
                VirtualGrid.Column.<Row>of("value", Messages.Duplicates_columnValue, 180, r -> r.group().value()),
                VirtualGrid.Column.<Row>of("id", Messages.Duplicates_columnId, 90, r -> Long.toString(r.member().id())).right(),
                VirtualGrid.Column.<Row>of("name", Messages.Duplicates_columnName, 280, r -> r.member().name()));
        grid = VirtualGrid.readWhole(parent, ID, columns, Messages.Job_duplicates, Jobs.FAMILY, Messages.View_loading);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        grid.restoreLayout();
        grid.onOpen(row -> mergeSelected());
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(new Action(Messages.Duplicates_merge) {
            @Override
            public void run() {
                mergeSelected();
            }
        });
        mergeGroups = new Action(Messages.Duplicates_mergeGroups) {
            @Override
            public void run() {
                mergeSelectedGroups();
            }
        };
        toolbar.add(mergeGroups);
        toolbar.add(new Action(Messages.Action_refresh) {
            @Override
            public void run() {
                refresh();
            }
        });
        listenForChanges(Customer.ENTITY);
        refresh();
    }

    @Override
    protected void applyFilter() {
        if (kind.isDisposed()) {
            return;
        }
        current = kinds.get(Math.max(0, kind.getSelectionIndex()));
        filter = current.entity();
        refresh();
    }

    /** Finds the groups again (in a job) and lists them, one row a record. */
    @Override
    public void refresh() {
        RecordMerge kindMerge = current;
        grid.load(() -> rowsOf(kindMerge.duplicates(LIMIT)), rows -> {
            long groups = rows.stream().map(Row::number).distinct().count();
            describe(groups == 0 ? Messages.Duplicates_none
                    : kindMerge == merge ? NLS.bind(Messages.Duplicates_found, groups)
                    : NLS.bind(Messages.Duplicates_foundRecords, groups, kindLabel(kindMerge.entity())));
        });
    }

    private static List<Row> rowsOf(List<DuplicateGroup> groups) {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (DuplicateGroup g : groups) {
            n++;
            for (DuplicateGroup.Member m : g.members()) {
                rows.add(new Row(n, g, m));
            }
        }
        return rows;
    }

    private static String reason(DuplicateGroup g) {
        return switch (g.reason()) {
        case CREDIT_CODE -> Messages.Duplicates_reasonCreditCode;
        case PHONE -> Messages.Duplicates_reasonPhone;
        case EMAIL -> Messages.Duplicates_reasonEmail;
        case NAME -> Messages.Duplicates_reasonName;
        };
    }

    /** Merges the selected record's group, the selected record kept (see the class comment). */
    public void mergeSelected() {
        Row row = grid.selectedRow();
        if (row == null) {
            reportError(Messages.Duplicates_selectFirst);
            return;
        }
        DuplicateGroup group = row.group();
        DuplicateGroup.Member chosen = row.member();
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
            refresh();
            return;
        }
        MergeCustomersDialog dialog = new MergeCustomersDialog(getSite().getShell(), merge, keep, other);
        if (dialog.open() == Window.OK) {
            refresh();
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
        MergeRecordsDialog dialog = new MergeRecordsDialog(getSite().getShell(), kindMerge, kindLabel(kindMerge.entity()), records);
        dialog.setBlockOnOpen(false); // modal all the same; the list follows when it closes
        dialog.open();
        dialog.getShell().addDisposeListener(e -> {
            if (dialog.getReturnCode() == Window.OK && !grid.control().isDisposed()) {
                refresh();
                describe(NLS.bind(Messages.Duplicates_mergedRecords, new Object[] { records.size() - 1,
                        kindLabel(kindMerge.entity()), keep.name() }));
            }
        });
        opened = dialog;
    }

    /** What a group of {@link #mergeSelectedGroups} came to: its merges, or the reason it was refused. */
    public record GroupOutcome(int number, DuplicateGroup group, DuplicateGroup.Member kept, List<MergeResult> merged, String refused) {
    }

    /**
     * Merges every group that has a selected row into the record selected in it (the first selected when several of a
     * group are), at the versions listed, the survivor keeping its own values and filling its empty ones from the
     * others' ({@link RecordMerge#mergeAll} with nothing taken). The merges run in a job, off the UI thread, with a step
     * of progress per group (the view shows itself busy; the workbench stays usable). Each group is one transaction: one
     * refused (changed since listed, or one of its records merged by an earlier group of the selection) changes nothing
     * of its own and the next is merged all the same; a cancel stops before the next group. Then, on the UI thread, one
     * undo entry for all the merges made (Edit › Undo takes every group back, last first, in one transaction), the list
     * read again, and a summary of each group's outcome (a dialog that does not block).
     *
     * @return the job, scheduled ({@code null} when no group is selected); {@link #outcomes()} once it is done
     */
    public Job mergeSelectedGroups() {
        java.util.Map<Integer, Row> chosen = new java.util.LinkedHashMap<>();
        for (int index : grid.selectedRowIndexes()) {
            Row row = grid.rowAt(index);
            if (row != null && row.group().members().size() > 1) {
                chosen.putIfAbsent(row.number(), row);
            }
        }
        if (chosen.isEmpty()) {
            reportError(Messages.Duplicates_mergeGroupsFirst);
            return null;
        }
        RecordMerge kindMerge = current;
        String kindName = kindLabel(kindMerge.entity());
        List<Row> groups = List.copyOf(chosen.values());
        org.eclipse.swt.widgets.Display display = grid.control().getDisplay();
        org.eclipse.swt.widgets.Shell shell = getSite().getShell();
        java.util.function.IntConsumer hook = beforeGroup;
        outcomes = null;
        mergeGroups.setEnabled(false);
        Job job = new Job(NLS.bind(Messages.Job_mergeGroups, groups.size(), kindName)) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SubMonitor progress = SubMonitor.convert(monitor, getName(), groups.size());
                List<GroupOutcome> done = new ArrayList<>();
                List<Long> mergeIds = new ArrayList<>();
                for (Row row : groups) {
                    if (progress.isCanceled()) {
                        done.add(new GroupOutcome(row.number(), row.group(), row.member(), List.of(), Messages.Duplicates_cancelledBefore));
                        continue;
                    }
                    progress.subTask(NLS.bind(Messages.Job_mergeGroup, row.number(), row.group().value()));
                    if (hook != null) {
                        hook.accept(row.number());
                    }
                    done.add(mergeGroup(kindMerge, row, mergeIds));
                    progress.worked(1);
                }
                display.asyncExec(() -> groupsMerged(done, mergeIds, kindMerge, kindName, shell));
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == Jobs.FAMILY;
            }
        };
        org.eclipse.ui.progress.IWorkbenchSiteProgressService busy = getSite().getAdapter(org.eclipse.ui.progress.IWorkbenchSiteProgressService.class);
        if (busy != null) {
            busy.schedule(job); // the view shows itself busy, the progress is in the status line's progress area
        } else {
            job.schedule();
        }
        return job;
    }

    /** One group merged into the record selected in it, in a transaction of its own (off the UI thread). */
    private static GroupOutcome mergeGroup(RecordMerge kindMerge, Row row, List<Long> mergeIds) {
        DuplicateGroup.Member keep = row.member();
        List<Long> others = new ArrayList<>();
        List<Long> versions = new ArrayList<>(List.of(keep.version()));
        for (DuplicateGroup.Member m : row.group().members()) {
            if (m.id() != keep.id()) {
                others.add(m.id());
                versions.add(m.version());
            }
        }
        try {
            List<MergeResult> results = kindMerge.mergeAll(keep.id(), others, java.util.Set.of(), versions);
            results.forEach(r -> mergeIds.add(r.mergeId()));
            return new GroupOutcome(row.number(), row.group(), keep, results, null);
        } catch (RuntimeException e) {
            return new GroupOutcome(row.number(), row.group(), keep, List.of(), Jobs.message(e));
        }
    }

    /** On the UI thread, once the job merged the groups: the one undo, the list read again, the summary. */
    private void groupsMerged(List<GroupOutcome> done, List<Long> mergeIds, RecordMerge kindMerge, String kindName,
            org.eclipse.swt.widgets.Shell shell) {
        long groupsMerged = done.stream().filter(o -> o.refused() == null).count();
        if (!mergeIds.isEmpty() && org.eclipse.ui.PlatformUI.isWorkbenchRunning()) {
            org.salesbench.ui.forms.Undo.done(new CustomerMergeOperation(NLS.bind(Messages.Undo_mergeGroups, groupsMerged, kindName), kindMerge,
                    mergeIds));
        }
        StringBuilder text = new StringBuilder();
        for (GroupOutcome o : done) {
            text.append(text.isEmpty() ? "" : "\n").append(o.refused() == null
                    ? NLS.bind(Messages.Duplicates_summaryMerged, new Object[] { o.number(), reason(o.group()), o.group().value(), o.merged().size(),
                            o.kept().name(), o.merged().stream().map(r -> Long.toString(r.mergeId())).collect(java.util.stream.Collectors.joining(", ")) })
                    : NLS.bind(Messages.Duplicates_summaryRefused, new Object[] { o.number(), reason(o.group()), o.group().value(), o.refused() }));
        }
        String headline = NLS.bind(Messages.Duplicates_mergedGroups, new Object[] { groupsMerged, done.size(), mergeIds.size() });
        summaryText = headline + "\n\n" + text;
        outcomes = List.copyOf(done);
        boolean open = !grid.control().isDisposed();
        if (open) {
            mergeGroups.setEnabled(true);
            refresh(); // the list read again says how many groups are left
        }
        int kindOfSummary = groupsMerged == done.size() ? org.eclipse.jface.dialogs.MessageDialog.INFORMATION
                : org.eclipse.jface.dialogs.MessageDialog.WARNING;
        summary = new org.eclipse.jface.dialogs.MessageDialog(shell.isDisposed() ? null : shell, Messages.Duplicates_summaryTitle, null, summaryText,
                kindOfSummary, 0, org.eclipse.jface.dialogs.IDialogConstants.OK_LABEL);
        summary.setBlockOnOpen(false); // modal all the same
        summary.open();
    }

    /** Each selected group's outcome, in the order shown, once the last Merge Selected Groups is done ({@code null} before). */
    public List<GroupOutcome> outcomes() {
        return outcomes;
    }

    /**
     * For tests: called on the merging job's thread before each group is merged, with the group's number (a test holds
     * the job there to show the UI thread is free meanwhile).
     */
    public void beforeEachGroup(java.util.function.IntConsumer hook) {
        beforeGroup = hook;
    }

    /** The text of the summary Merge Selected Groups showed last. */
    public String summaryText() {
        return summaryText;
    }

    /** The summary Merge Selected Groups showed last (tests close it). */
    public org.eclipse.jface.dialogs.MessageDialog summary() {
        return summary;
    }

    /** Adds the rows {@code which} accepts to the selection, as Ctrl+clicks on their row headers do (tests); how many. */
    public int selectAlso(java.util.function.Predicate<Row> which) {
        return grid.selectAlsoWhere(which);
    }

    /** The value-choice dialog Merge… opened last (tests drive it). */
    public MergeRecordsDialog opened() {
        return opened;
    }

    static String kindLabel(String entity) {
        return switch (entity) {
        case "customer" -> Messages.Duplicates_kindCustomers;
        case "contact" -> Messages.Duplicates_kindContacts;
        case "lead" -> Messages.Duplicates_kindLeads;
        default -> entity;
        };
    }

    /** Shows the duplicates of {@code entity} ({@code customer}, {@code contact}, {@code lead}) as Show: would (tests). */
    public void showKind(String entity) {
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i).entity().equals(entity)) {
                kind.select(i);
                applyFilter();
                return;
            }
        }
        throw new IllegalArgumentException(entity);
    }

    /** The rows read, in the order shown (tests). */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < grid.rowCount(); i++) {
            rows.add(grid.rowAt(i));
        }
        return rows;
    }

    /** Selects the row of record {@code id} (tests); whether there is one. */
    public boolean select(long id) {
        return grid.selectWhere(r -> r.member().id() == id);
    }

    /** What the view says of the list, wrapped at the view's width above it. */
    public String message() {
        return description.getText();
    }

    /** The description of the list: shown above it, wrapped, the view laid out again for its new height. */
    private void describe(String text) {
        if (description.isDisposed()) {
            return;
        }
        description.setText(text);
        description.setToolTipText(text);
        description.getParent().layout(true, true);
    }

    @Override
    public void setFocus() {
        grid.control().setFocus();
    }

    @Override
    protected VirtualGrid<Row> grid() {
        return grid;
    }

    @Override
    protected String errorTitle() {
        return Messages.Duplicates_title;
    }

    /** Edit › Show History on the selected row's record. */
    @Override
    protected java.util.Optional<SelectedRecord> recordOf(Row row) {
        return java.util.Optional.of(new SelectedRecord(current.entity(), row.member().id(), row.member().name()));
    }
}
