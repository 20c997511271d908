package org.salesbench.customers.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PartInitException;
import org.salesbench.core.recyclebin.Dependent;
import org.salesbench.core.recyclebin.RecycleBin;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.FieldMask;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.ConflictDialog;
import org.salesbench.ui.forms.FieldEditOperation;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.GridListView;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.forms.VirtualRows;

/**
 * The customer list: a filter bar over a grid ({@link VirtualGrid}, as the Opportunities and Leads lists). Each filter or
 * sort change takes the first page at once, then the count and the ordered id snapshot in the background; rows are then
 * read by id in blocks as they scroll into view, so a million customers scroll like a hundred. A click on a column
 * header sorts the whole list through the search index ({@link CustomerSort}); columns hide, move and keep their
 * layout per user.
 */
public class CustomersView extends GridListView<CustomerFilter, CustomerRow> implements ISelectionProvider {

    public static final String ID = "org.salesbench.customers.ui.views.customers";
    /** Job family of every job this view runs (tests wait for it). */
    public static final Object FAMILY = CustomersView.class;

    static final int BLOCK = 100;
    /** Blocks near the top are read by OFFSET before the id snapshot arrives; deeper ones wait for it. */
    static final int SHALLOW_BLOCKS = 20;
    private static final int CACHED_BLOCKS = 64;
    /** How long the count waits for the first rows' paint at most. */
    private static final long PAINT_WAIT_MILLIS = 2_000;

    private CustomerService service;
    private Combo gradeCombo;
    private Combo statusCombo;
    private Text ownerText;
    private Combo tagCombo;
    private Button overdueCheck;
    private Combo savedFilters;

    private VirtualGrid<CustomerRow> grid;
    private VirtualRows<CustomerRow> rows;
    private long[] ids;
    private boolean waitingForSnapshot;
    /** The start-up benchmark's typing of filters, or {@code null}. */
    private StartupFilterTiming filterTiming;
    private final ListenerList<ISelectionChangedListener> selectionListeners = new ListenerList<>();

    public CustomersView() {
        super(CustomerFilter.class, CustomerFilter.ALL);
    }

    @Override
    public void createPartControl(Composite parent) {
        service = Services.get(CustomerService.class);
        parent.setLayout(new GridLayout(1, false));
        createFilterBar(parent);
        createTable(parent);
        getSite().setSelectionProvider(this);
        createActions();
        listenForChanges(Customer.ENTITY);
        org.salesbench.ui.StartupTimes.willAnswer(); // its first answer's paint is the start's first view painted
        filterTiming = StartupFilterTiming.of(searchText);
        refresh();
    }

    private void createFilterBar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout layout = new GridLayout(3, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        bar.setLayout(layout);
        // first row: the text search and saved filters; below, the field filters, wrapping when narrow
        searchText = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        searchText.setMessage(Messages.View_searchHint);
        GridData searchData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        searchData.minimumWidth = 160;
        searchText.setLayoutData(searchData);
        searchText.addModifyListener(e -> filterSoon());
        savedFilters = new Combo(bar, SWT.READ_ONLY);
        savedFilters.setToolTipText(Messages.View_savedFilters);
        savedFilters.addListener(SWT.Selection, e -> loadSavedFilter());
        reloadSavedFilterNames();
        Button save = new Button(bar, SWT.PUSH);
        save.setText(Messages.View_saveFilter);
        save.addListener(SWT.Selection, e -> saveFilter());
        Composite fields = new Composite(bar, SWT.NONE);
        fields.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        org.eclipse.swt.layout.RowLayout rows = new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL);
        rows.wrap = true;
        rows.center = true;
        rows.marginLeft = 0;
        rows.marginRight = 0;
        rows.spacing = 6;
        fields.setLayout(rows);
        gradeCombo = labelled(fields, Messages.View_grade, SWT.READ_ONLY);
        gradeCombo.add(Messages.View_any);
        service.grades().forEach(gradeCombo::add);
        gradeCombo.select(0);
        gradeCombo.addListener(SWT.Selection, e -> applyFilter());
        statusCombo = labelled(fields, Messages.View_status, SWT.READ_ONLY);
        statusCombo.add(Messages.View_any);
        for (CustomerStatus s : CustomerStatus.values()) {
            statusCombo.add(Labels.of(s));
        }
        statusCombo.select(0);
        statusCombo.addListener(SWT.Selection, e -> applyFilter());
        new Label(fields, SWT.NONE).setText(Messages.View_owner);
        ownerText = new Text(fields, SWT.BORDER);
        ownerText.setLayoutData(new org.eclipse.swt.layout.RowData(80, SWT.DEFAULT));
        ownerText.addModifyListener(e -> filterSoon());
        tagCombo = labelled(fields, Messages.View_tag, SWT.DROP_DOWN);
        tagCombo.setLayoutData(new org.eclipse.swt.layout.RowData(90, SWT.DEFAULT));
        tagCombo.addModifyListener(e -> filterSoon());
        overdueCheck = new Button(fields, SWT.CHECK);
        overdueCheck.setText(Messages.View_overdue);
        overdueCheck.addListener(SWT.Selection, e -> applyFilter());
        // a filter on a field the user's roles hide is refused by the service: offer none
        FieldMask hidden = FieldMask.of(Services.get(SecurityService.class), Customer.ENTITY);
        gradeCombo.setEnabled(!hidden.hides("grade"));
        statusCombo.setEnabled(!hidden.hides("status"));
        ownerText.setEnabled(!hidden.hides("owner"));
        tagCombo.setEnabled(!hidden.hides("tags"));
        overdueCheck.setEnabled(!hidden.hides("nextFollowUp"));
        loadTags();
    }

    private static Combo labelled(Composite parent, String label, int style) {
        new Label(parent, SWT.NONE).setText(label);
        return new Combo(parent, style);
    }

    private List<VirtualGrid.Column<CustomerRow>> columns() {
        List<String> statuses = Arrays.stream(CustomerStatus.values()).map(Labels::of).toList();
        return List.of(VirtualGrid.Column.<CustomerRow>of("name", Messages.Column_name, 260, CustomerRow::name).sortBy(CustomerSort.Column.NAME),
                VirtualGrid.Column.<CustomerRow>of("shortName", Messages.Column_shortName, 90, r -> Formats.text(r.shortName()))
                        .sortBy(CustomerSort.Column.SHORT_NAME),
                VirtualGrid.Column.<CustomerRow>of("grade", Messages.Column_grade, 50, r -> Formats.text(r.grade())).sortBy(CustomerSort.Column.GRADE)
                        .editable(r -> editable("grade"), service.grades(), (row, text) -> saveInPlace(row, "grade", text)),
                VirtualGrid.Column.<CustomerRow>of("status", Messages.Column_status, 70, r -> Labels.of(r.status())).sortBy(CustomerSort.Column.STATUS)
                        .editable(r -> editable("status"), statuses,
                                (row, text) -> saveInPlace(row, "status", CustomerStatus.values()[statuses.indexOf(text)])),
                VirtualGrid.Column.<CustomerRow>of("industry", Messages.Column_industry, 90, r -> Formats.text(Industries.label(r.industry())))
                        .sortBy(CustomerSort.Column.INDUSTRY),
                VirtualGrid.Column.<CustomerRow>of("region", Messages.Column_region, 80, r -> Formats.text(r.region())).sortBy(CustomerSort.Column.REGION),
                VirtualGrid.Column.<CustomerRow>of("owner", Messages.Column_owner, 80, r -> PoolMessages.owner(r.owner())).sortBy(CustomerSort.Column.OWNER),
                VirtualGrid.Column.<CustomerRow>of("nextFollowUp", Messages.Column_nextFollowUp, 100, r -> Formats.date(r.nextFollowUp()))
                        .warnWhen(CustomersView::overdue).sortBy(CustomerSort.Column.NEXT_FOLLOW_UP)
                        .editable(r -> editable("nextFollowUp"), (row, text) -> {
                            LocalDate day;
                            try {
                                day = Formats.parseDate(text);
                            } catch (java.time.format.DateTimeParseException e) {
                                reportError(NLS.bind(Messages.View_badDate, new Object[] {Messages.Column_nextFollowUp, text,
                                        Formats.date(LocalDate.now(Clocks.system()))}));
                                return;
                            }
                            saveInPlace(row, "nextFollowUp", day);
                        }),
                VirtualGrid.Column.<CustomerRow>of("updated", Messages.Column_updated, 130, r -> Formats.dateTime(r.updatedAt()))
                        .sortBy(CustomerSort.Column.UPDATED_AT));
    }

    /** Whether the user's field rules let them edit {@code field} of customers (a hidden or read-only field is not edited in place). */
    private static boolean editable(String field) {
        return Services.get(SecurityService.class).fieldAccess(Customer.ENTITY, field) == FieldAccess.EDIT;
    }

    /** The fields edited in place. */
    private static final Map<String, FieldEditOperation.Field<Customer>> FIELDS = Map.of(
            "grade", new FieldEditOperation.Field<>(Customer::getGrade, (c, v) -> c.setGrade((String) v)),
            "status", new FieldEditOperation.Field<>(Customer::getStatus, (c, v) -> c.setStatus((CustomerStatus) v)),
            "nextFollowUp", new FieldEditOperation.Field<>(Customer::getNextFollowUp, (c, v) -> c.setNextFollowUp((LocalDate) v)));

    /**
     * Saves one field edited in the grid through the service (its validation, rights and audit), only if the customer
     * is still at the version the list shows: a change made since is reported with the offer to reload, not
     * overwritten. Edit › Undo puts the value before back.
     */
    private void saveInPlace(CustomerRow row, String field, Object value) {
        FieldEditOperation.save(grid.control(), Messages.Job_save, row.name(), Customer.ENTITY, row.id(), row.version(),
                () -> service.find(row.id()), service::update, FIELDS.get(field), value, this::refresh, this::refresh, message -> {
                    reportError(message);
                    refresh();
                });
    }

    private static boolean overdue(CustomerRow row) {
        return row.nextFollowUp() != null && row.nextFollowUp().isBefore(LocalDate.now(Clocks.system()));
    }

    private void createTable(Composite parent) {
        grid = new VirtualGrid<>(parent, ID, columns(), BLOCK, CACHED_BLOCKS, Messages.Job_load, FAMILY, Messages.View_loading);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        grid.restoreLayout();
        rows = grid.rows();
        rows.onFailure(e -> reportError(e.getMessage()));
        grid.onOpen(row -> openSelected());
        grid.onSort(this::refresh);
        grid.onSelection(this::fireSelectionChanged);
        MenuManager menu = new MenuManager();
        menu.add(new Action(Messages.Action_open) {
            @Override
            public void run() {
                openSelected();
            }
        });
        menu.add(new Action(Messages.Action_delete) {
            @Override
            public void run() {
                deleteSelected();
            }
        });
        grid.setRowMenu(menu);
        getSite().registerContextMenu(menu, this);
    }

    private void createActions() {
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        Action newCustomer = new Action(Messages.Action_new) {
            @Override
            public void run() {
                create();
            }
        };
        newCustomer.setImageDescriptor(Images.descriptor("icons/new_customer.png"));
        toolbar.add(newCustomer);
        toolbar.add(new Action(Messages.Action_refresh) {
            @Override
            public void run() {
                refresh();
            }
        });
        toolbar.add(new Action(Messages.Action_duplicates) {
            @Override
            public void run() {
                try { // the duplicate finder is a view of its own; the list follows merges by their change events
                    getSite().getPage().showView(DuplicatesView.ID);
                } catch (org.eclipse.ui.PartInitException e) {
                    reportError(e.getMessage());
                }
            }
        });
    }

    @Override
    protected void applyFilter() {
        if (grid.control().isDisposed()) {
            return;
        }
        Set<String> grades = gradeCombo.getSelectionIndex() > 0 ? Set.of(gradeCombo.getText()) : Set.of();
        Set<CustomerStatus> statuses = statusCombo.getSelectionIndex() > 0
                ? Set.of(CustomerStatus.values()[statusCombo.getSelectionIndex() - 1]) : Set.of();
        filter = new CustomerFilter(searchText.getText(), grades, statuses, ownerText.getText(), tagCombo.getText(), overdueCheck.getSelection());
        refresh();
    }

    /**
     * The order the grid's headers chose, or the list's own (by name). The industry sorts by the labels the list shows,
     * in the user's language, not by the stored codes.
     */
    private CustomerSort sort() {
        if (!(grid.sortKey() instanceof CustomerSort.Column column)) {
            return CustomerSort.DEFAULT;
        }
        return new CustomerSort(column, grid.ascending(), column == CustomerSort.Column.INDUSTRY ? Industries.codesByLabel() : List.of());
    }

    /** Reads the list again for the current filter and sort. */
    @Override
    public void refresh() {
        CustomerFilter f = filter;
        CustomerSort s = sort();
        int current = rows.restart(block -> {
            long[] snapshot = ids;
            if (snapshot == null && block >= SHALLOW_BLOCKS) {
                // OFFSET reads every row before the page: deep in a million that is seconds, the id snapshot is near
                waitingForSnapshot = true;
                return null;
            }
            int from = block * BLOCK;
            return () -> snapshot != null
                    ? service.rows(Arrays.copyOfRange(snapshot, Math.min(from, snapshot.length), Math.min(from + BLOCK, snapshot.length)))
                    : service.page(f, s, from, BLOCK);
        });
        run(Messages.Job_load, monitor -> {
            if (service.isSearchCatchingUp()) {
                // the first answer waits for the search index to be built or brought up to date: say why
                asyncIfCurrent(current, () -> setContentDescription(Messages.View_indexing));
            }
            // the first rows show before the count: counting a broad filter over a million customers takes longer
            List<CustomerRow> first = service.page(f, s, 0, BLOCK);
            java.util.concurrent.CountDownLatch painted = new java.util.concurrent.CountDownLatch(1);
            asyncIfCurrent(current, () -> {
                ids = null;
                waitingForSnapshot = false;
                rows.show(first, first.size());
                // the start's first view painted (the start-up benchmark's mark when it has rows)
                org.salesbench.ui.StartupTimes.answerShown(grid.control(), !first.isEmpty());
                if (filterTiming != null) {
                    filterTiming.answerShown(grid.control(), f.text(), first.size());
                }
                setContentDescription(first.size() < BLOCK ? NLS.bind(Messages.View_count, String.format("%,d", first.size()))
                        : Messages.View_counting);
                grid.control().update(); // paints the rows now
            });
            grid.control().getDisplay().asyncExec(painted::countDown); // after that (or a newer answer's turn)
            if (first.size() < BLOCK) {
                return;
            }
            // the count and the id snapshot (over a million customers, a second or two of CPU) once the first rows have
            // painted, so they never hold up that paint on a busy processor; at most a moment, should no paint come
            try {
                painted.await(PAINT_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long count = service.count(f);
            asyncIfCurrent(current, () -> {
                grid.setRowCount((int) Math.min(count, Integer.MAX_VALUE));
                setContentDescription(NLS.bind(Messages.View_count, String.format("%,d", count)));
            });
            if (count > BLOCK) {
                long[] snapshot = service.ids(f, s);
                asyncIfCurrent(current, () -> {
                    ids = snapshot;
                    if (waitingForSnapshot) {
                        waitingForSnapshot = false;
                        grid.repaint(); // the rows scrolled to meanwhile ask again, now by id
                    }
                });
            }
        });
    }

    private interface Work {
        void run(IProgressMonitor monitor);
    }

    private void run(String name, Work work) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    work.run(monitor);
                } catch (AccessDeniedException e) {
                    // e.g. a saved filter on a field the user's roles now hide: say so where the count goes
                    Display.getDefault().asyncExec(() -> {
                        if (!grid.control().isDisposed()) {
                            setContentDescription(e.getMessage());
                        }
                    });
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setSystem(true);
        job.schedule();
    }

    private void asyncIfCurrent(int requested, Runnable update) {
        Display display = grid.control().getDisplay();
        display.asyncExec(() -> {
            if (rows.isCurrent(requested)) {
                update.run();
            }
        });
    }

    private void loadTags() {
        run(Messages.Job_load, monitor -> {
            List<String> tags = service.tags();
            Display.getDefault().asyncExec(() -> {
                if (!tagCombo.isDisposed()) {
                    String text = tagCombo.getText();
                    tagCombo.setItems(tags.toArray(String[]::new));
                    tagCombo.setText(text);
                }
            });
        });
    }

    private List<CustomerRow> selectedRows() {
        List<CustomerRow> selected = new ArrayList<>();
        for (int index : grid.selectedRowIndexes()) {
            CustomerRow row = grid.rowAt(index);
            if (row != null) {
                selected.add(row);
            }
        }
        return selected;
    }

    private void openSelected() {
        for (CustomerRow row : selectedRows()) {
            try {
                CustomerEditor.open(getSite().getPage(), row.id(), row.name());
            } catch (PartInitException e) {
                reportError(e.getMessage());
            }
        }
    }

    private void deleteSelected() {
        List<CustomerRow> rows = selectedRows();
        if (rows.isEmpty() || !MessageDialog.openConfirm(getSite().getShell(), Messages.Action_delete,
                NLS.bind(Messages.View_confirmDelete, new Object[] { rows.size(), rows.get(0).name(), dependents(rows) }))) {
            return;
        }
        Map<Long, Long> seenVersions = new LinkedHashMap<>();
        rows.forEach(row -> seenVersions.put(row.id(), row.version()));
        run(Messages.Action_delete, monitor -> {
            try {
                service.deleteAll(seenVersions); // one transaction: if one changed since it was listed, none goes
            } catch (ConcurrentChangeException e) {
                String name = rows.stream().filter(r -> Long.valueOf(r.id()).equals(e.getRecordId())).map(CustomerRow::name).findFirst().orElse(null);
                Display.getDefault().asyncExec(() -> {
                    if (!grid.control().isDisposed() && ConflictDialog.askReload(getSite().getShell(), name, e)) {
                        refresh();
                    }
                });
                return;
            } catch (RuntimeException e) {
                Display.getDefault().asyncExec(() -> reportError(e.getMessage()));
                return;
            }
            Display.getDefault().asyncExec(() -> {
                // Edit › Undo (Ctrl+Z) brings them back from the recycle bin
                String label = rows.size() == 1 ? NLS.bind(Messages.Undo_deleteOne, rows.get(0).name())
                        : NLS.bind(Messages.Undo_deleteMany, rows.size());
                org.salesbench.ui.forms.Undo.done(new org.salesbench.ui.forms.DeleteToBinOperation(label, Customer.ENTITY,
                        seenVersions, id -> service.find(id).map(Customer::getVersion).orElse(null), service::deleteAll));
                if (!grid.control().isDisposed()) {
                    refresh();
                }
            });
        });
    }

    // --- the Edit menu's commands (org.salesbench.ui.forms.ListCommands)

    @Override
    public boolean canDeleteSelection() {
        return !selectedRows().isEmpty();
    }

    @Override
    public void deleteSelection() {
        deleteSelected();
    }

    @Override
    public boolean canCreate() {
        return true;
    }

    @Override
    public void create() {
        new WizardDialog(getSite().getShell(), new NewCustomerWizard()).open();
    }

    /** What depends on the customers and what deleting them does to it, one line a kind, for the confirmation. */
    private static String dependents(List<CustomerRow> rows) {
        RecycleBin bin = Services.get(RecycleBin.class);
        Map<String, Dependent> total = new LinkedHashMap<>();
        for (CustomerRow row : rows) {
            for (Dependent d : bin.dependents(Customer.ENTITY, row.id())) {
                total.merge(d.entity(), d, (a, b) -> new Dependent(a.entity(), a.label(), a.count() + b.count(), a.fate(), a.blocksPurge()));
            }
        }
        if (total.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\n\n").append(Messages.View_confirmDeleteDependents);
        total.values().forEach(d -> text.append("\n\u2022 ").append(d.describe()));
        return text.toString();
    }

    private void saveFilter() {
        InputDialog dialog = new InputDialog(getSite().getShell(), Messages.View_saveFilter, Messages.View_filterName, "",
                v -> v.isBlank() ? Messages.View_filterNameRequired : null);
        if (dialog.open() == Window.OK) {
            SavedFilters.save(dialog.getValue().strip(), filter);
            reloadSavedFilterNames();
        }
    }

    private void reloadSavedFilterNames() {
        savedFilters.removeAll();
        savedFilters.add(Messages.View_savedFilters);
        SavedFilters.names().forEach(savedFilters::add);
        savedFilters.select(0);
    }

    private void loadSavedFilter() {
        if (savedFilters.getSelectionIndex() <= 0) {
            return;
        }
        CustomerFilter saved = SavedFilters.load(savedFilters.getText());
        if (saved == null) {
            return;
        }
        searchText.setText(saved.text() == null ? "" : saved.text());
        gradeCombo.select(saved.grades().isEmpty() ? 0 : Math.max(0, gradeCombo.indexOf(saved.grades().iterator().next())));
        statusCombo.select(saved.statuses().isEmpty() ? 0 : saved.statuses().iterator().next().ordinal() + 1);
        ownerText.setText(saved.owner() == null ? "" : saved.owner());
        tagCombo.setText(saved.tag() == null ? "" : saved.tag());
        overdueCheck.setSelection(saved.followUpOverdue());
        applyFilter();
    }

    // --- for tests and the Properties view

    @Override
    public void addSelectionChangedListener(ISelectionChangedListener listener) {
        selectionListeners.add(listener);
    }

    @Override
    public void removeSelectionChangedListener(ISelectionChangedListener listener) {
        selectionListeners.remove(listener);
    }

    @Override
    public ISelection getSelection() {
        return new StructuredSelection(selectedRows());
    }

    @Override
    public void setSelection(ISelection selection) {
        // selection comes from the table only
    }

    private void fireSelectionChanged() {
        SelectionChangedEvent event = new SelectionChangedEvent(this, getSelection());
        for (ISelectionChangedListener l : selectionListeners) {
            l.selectionChanged(event);
        }
    }

    /** The rows read so far (tests look at them). */
    public List<CustomerRow> loadedRows() {
        return new ArrayList<>(rows.loaded());
    }

    /** The list's grid (tests sort, arrange and read it). */
    @Override
    public VirtualGrid<CustomerRow> grid() {
        return grid;
    }

    @Override
    protected String errorTitle() {
        return Messages.Action_open;
    }

    /** Edit › Show History on the selected row's record. */
    @Override
    protected java.util.Optional<org.salesbench.ui.forms.SelectedRecord> recordOf(CustomerRow row) {
        return java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(Customer.ENTITY, row.id(), row.name()));
    }
}
