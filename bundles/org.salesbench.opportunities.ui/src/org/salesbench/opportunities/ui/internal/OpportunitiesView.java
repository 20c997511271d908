package org.salesbench.opportunities.ui.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PartInitException;
import org.salesbench.core.validation.Decimals;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.security.SecurityService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.OpportunityRow;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.OpportunitySort;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.Stage;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.ConflictDialog;
import org.salesbench.ui.forms.DeleteToBinOperation;
import org.salesbench.ui.forms.FieldEditOperation;
import org.salesbench.ui.forms.FilterBars;
import org.salesbench.ui.forms.GridListView;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.forms.VirtualRows;
import org.salesbench.users.Team;
import org.salesbench.users.UserService;

/**
 * The opportunity list: a filter bar (text, mine or my team, pipeline and stage, closing this
 * quarter, close date passed) over a grid read a block at a time as rows scroll into view ({@link VirtualGrid}): a click on
 * a column header sorts the whole list in the database, the header menu hides, shows and chooses columns, headers drag
 * to reorder, and the layout is kept per user. Double-click opens the opportunity editor; all database work runs in jobs.
 */
public class OpportunitiesView extends GridListView<OpportunityFilter, OpportunityRow> {

    public static final String ID = "org.salesbench.opportunities.ui.views.opportunities";

    static final int BLOCK = 100;
    private static final int CACHED_BLOCKS = 64;

    /** Whose opportunities: the positions of the owner combo. */
    enum Owners {
        ANYONE, MINE, MY_TEAM
    }

    private OpportunityService service;
    private Combo ownerCombo;
    private Combo pipelineCombo;
    private Combo stageCombo;
    private Button quarterCheck;
    private Button overdueCheck;
    private VirtualGrid<OpportunityRow> grid;
    private VirtualRows<OpportunityRow> rows;
    private List<Pipeline> pipelines = List.of();

    public OpportunitiesView() {
        super(OpportunityFilter.class, OpportunityFilter.ALL);
    }

    @Override
    public void createPartControl(Composite parent) {
        service = Services.get(OpportunityService.class);
        parent.setLayout(new GridLayout(1, false));
        createFilterBar(parent);
        createTable(parent);
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(new Action(Messages.Action_refresh) {
            @Override
            public void run() {
                refresh();
            }
        });
        // other bundles' commands (Export…) after a line, not run together with Refresh
        toolbar.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        listenForChanges(Opportunity.ENTITY);
        loadPipelines();
        refresh();
    }

    private void createFilterBar(Composite parent) {
        Composite bar = FilterBars.create(parent);
        searchText = FilterBars.search(bar, Messages.Opportunities_searchHint, this::filterSoon);
        ownerCombo = new Combo(FilterBars.labelled(bar, Messages.Field_owner), SWT.READ_ONLY);
        ownerCombo.setItems(Messages.Opportunities_anyone, Messages.Opportunities_mine, Messages.Opportunities_myTeam);
        ownerCombo.select(Owners.ANYONE.ordinal());
        ownerCombo.addListener(SWT.Selection, e -> applyFilter());
        pipelineCombo = new Combo(FilterBars.labelled(bar, Messages.Field_pipeline), SWT.READ_ONLY);
        pipelineCombo.add(Messages.Filter_any);
        pipelineCombo.select(0);
        pipelineCombo.addListener(SWT.Selection, e -> {
            fillStages();
            applyFilter();
        });
        stageCombo = new Combo(FilterBars.labelled(bar, Messages.Field_stage), SWT.READ_ONLY);
        stageCombo.add(Messages.Filter_any);
        stageCombo.select(0);
        stageCombo.setEnabled(false);
        stageCombo.addListener(SWT.Selection, e -> applyFilter());
        quarterCheck = new Button(bar, SWT.CHECK);
        quarterCheck.setText(Messages.Board_thisQuarter);
        quarterCheck.addListener(SWT.Selection, e -> applyFilter());
        overdueCheck = new Button(bar, SWT.CHECK);
        overdueCheck.setText(Messages.Board_overdue);
        overdueCheck.addListener(SWT.Selection, e -> applyFilter());
    }

    private void createTable(Composite parent) {
        List<VirtualGrid.Column<OpportunityRow>> columns = List.of(
                VirtualGrid.Column.<OpportunityRow>of("customer", Messages.Field_customer, 200, r -> Formats.text(r.customerName()))
                        .sortBy(OpportunitySort.Column.CUSTOMER),
                VirtualGrid.Column.<OpportunityRow>of("name", Messages.Field_name, 200, OpportunityRow::name).sortBy(OpportunitySort.Column.NAME),
                VirtualGrid.Column.<OpportunityRow>of("amount", Messages.Field_amount, 120, r -> Labels.money(r.amount())).right()
                        .sortBy(OpportunitySort.Column.AMOUNT).editable(r -> editable("amount"), this::editAmount),
                VirtualGrid.Column.<OpportunityRow>of("stage", Messages.Field_stage, 120, r -> Formats.text(r.stageLabel()))
                        .sortBy(OpportunitySort.Column.STAGE),
                VirtualGrid.Column.<OpportunityRow>of("probability", Messages.Field_probability, 90, r -> Labels.percent(r.probability())).right()
                        .sortBy(OpportunitySort.Column.PROBABILITY),
                VirtualGrid.Column.<OpportunityRow>of("closeDate", Messages.Field_closeDate, 120, r -> Formats.date(r.expectedCloseDate()))
                        .warnWhen(OpportunitiesView::overdue).sortBy(OpportunitySort.Column.CLOSE_DATE)
                        .editable(r -> editable("expectedCloseDate"), this::editCloseDate),
                VirtualGrid.Column.<OpportunityRow>of("owner", Messages.Field_owner, 80, r -> Formats.text(r.owner())).sortBy(OpportunitySort.Column.OWNER),
                VirtualGrid.Column.<OpportunityRow>of("forecastCategory", Messages.Field_forecastCategory, 120,
                        r -> r.forecastCategory() == null ? "" : Labels.of(r.forecastCategory())).sortBy(OpportunitySort.Column.FORECAST_CATEGORY));
        grid = new VirtualGrid<>(parent, ID, columns, BLOCK, CACHED_BLOCKS, Messages.Job_loadOpportunities, Jobs.FAMILY, Messages.Loading);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        grid.restoreLayout();
        rows = grid.rows();
        rows.onFailure(e -> reportError(e.getMessage()));
        grid.onOpen(this::open);
        grid.onSort(this::refresh);
    }

    /** Whether the user's field rules let them edit {@code field} (a hidden or read-only field is not edited in place). */
    private static boolean editable(String field) {
        return Services.get(SecurityService.class).fieldAccess(Opportunity.ENTITY, field) == FieldAccess.EDIT;
    }

    /** An amount typed in the grid: the number (currency sign and grouping left out), in the opportunity's currency. */
    private void editAmount(OpportunityRow row, String text) {
        java.math.BigDecimal value;
        try {
            value = Decimals.parseAmount(text.replaceAll("[^0-9.eE+\\-]", ""));
        } catch (NumberFormatException e) {
            reportError(NLS.bind(Messages.Opportunities_notANumber, Messages.Field_amount, text));
            return;
        }
        saveInPlace(row, AMOUNT, Money.of(value, row.amount() == null ? Money.DEFAULT_CURRENCY : row.amount().getCurrency()));
    }

    private void editCloseDate(OpportunityRow row, String text) {
        java.time.LocalDate day;
        try {
            day = Formats.parseDate(text);
        } catch (java.time.format.DateTimeParseException e) {
            reportError(NLS.bind(Messages.Opportunities_notADate, new Object[] {Messages.Field_closeDate, text,
                Formats.date(java.time.LocalDate.now(Clocks.system()))}));
            return;
        }
        saveInPlace(row, CLOSE_DATE, day);
    }

    private static final FieldEditOperation.Field<Opportunity> AMOUNT = new FieldEditOperation.Field<>(Opportunity::getAmount,
            (o, v) -> o.setAmount((Money) v));
    private static final FieldEditOperation.Field<Opportunity> CLOSE_DATE = new FieldEditOperation.Field<>(Opportunity::getExpectedCloseDate,
            (o, v) -> o.setExpectedCloseDate((java.time.LocalDate) v));

    /** Saves a field edited in the grid through the service, at the version the list shows; Edit › Undo takes it back. */
    private void saveInPlace(OpportunityRow row, FieldEditOperation.Field<Opportunity> field, Object value) {
        FieldEditOperation.save(grid.control(), Messages.Job_loadOpportunities, row.name(), Opportunity.ENTITY, row.id(), row.version(),
                () -> service.find(row.id()), service::update, field, value, this::refresh, this::refresh, message -> {
                    reportError(message);
                    refresh();
                });
    }

    private static boolean overdue(OpportunityRow row) {
        return row.expectedCloseDate() != null && row.expectedCloseDate().isBefore(java.time.LocalDate.now(Clocks.system()))
                && row.state() == org.salesbench.opportunities.StageKind.OPEN;
    }

    private void loadPipelines() {
        Jobs.load(grid.control(), Messages.Job_loadOpportunities, () -> Services.get(PipelineService.class).pipelines(false), all -> {
            pipelines = all;
            pipelineCombo.removeAll();
            pipelineCombo.add(Messages.Filter_any);
            all.forEach(p -> pipelineCombo.add(p.getLabel()));
            pipelineCombo.select(0);
            fillStages();
            relayoutFilterBar();
        }, e -> reportError(e.getMessage()));
    }

    private Pipeline chosenPipeline() {
        int index = pipelineCombo.getSelectionIndex();
        return index > 0 && index <= pipelines.size() ? pipelines.get(index - 1) : null;
    }

    /** The stage combo offers the chosen pipeline's stages; without a pipeline there is nothing to choose. */
    private void fillStages() {
        Pipeline pipeline = chosenPipeline();
        stageCombo.removeAll();
        stageCombo.add(Messages.Filter_any);
        if (pipeline != null) {
            pipeline.getStages().forEach(s -> stageCombo.add(s.getLabel()));
        }
        stageCombo.select(0);
        stageCombo.setEnabled(pipeline != null);
        relayoutFilterBar();
    }

    @Override
    protected void applyFilter() {
        if (grid.control().isDisposed()) {
            return;
        }
        Pipeline pipeline = chosenPipeline();
        Set<Long> stageIds = Set.of();
        if (pipeline != null && stageCombo.getSelectionIndex() > 0) {
            Stage stage = pipeline.getStages().get(stageCombo.getSelectionIndex() - 1);
            stageIds = Set.of(stage.getId());
        }
        Owners owners = Owners.values()[Math.max(0, ownerCombo.getSelectionIndex())];
        String text = searchText.getText().isBlank() ? null : searchText.getText().strip();
        Long pipelineId = pipeline == null ? null : pipeline.getId();
        Set<Long> stages = stageIds;
        boolean quarter = quarterCheck.getSelection();
        boolean overdue = overdueCheck.getSelection();
        if (owners == Owners.ANYONE) {
            setFilter(new OpportunityFilter(text, pipelineId, stages, Set.of(), Set.of(), quarter, overdue));
            return;
        }
        // whose logins "mine" and "my team" mean is read in a job: teams come from the database
        Jobs.load(grid.control(), Messages.Job_loadOpportunities, () -> ownerLogins(owners),
                logins -> setFilter(new OpportunityFilter(text, pipelineId, stages, Set.of(), logins, quarter, overdue)),
                e -> reportError(e.getMessage()));
    }

    /** The current user, and for "my team" everyone in the teams the user belongs to or manages. */
    static Set<String> ownerLogins(Owners owners) {
        String me = Services.get(SecurityService.class).currentUser().login();
        Set<String> logins = new HashSet<>();
        logins.add(me);
        if (owners == Owners.MY_TEAM) {
            for (Team team : Services.get(UserService.class).teams()) {
                if (team.getMembers().contains(me) || me.equals(team.getManager())) {
                    logins.addAll(team.getMembers());
                    if (team.getManager() != null) {
                        logins.add(team.getManager());
                    }
                }
            }
        }
        return logins;
    }

    private void setFilter(OpportunityFilter newFilter) {
        filter = newFilter;
        refresh();
    }

    /** Reads the list again for the current filter. */
    @Override
    public void refresh() {
        OpportunityFilter f = filter;
        OpportunitySort sort = sort();
        int current = rows.restart(block -> () -> service.page(f, sort, block * BLOCK, BLOCK));
        record FirstPage(long count, List<OpportunityRow> rows) {
        }
        rows.run(() -> new FirstPage(service.count(f), service.page(f, sort, 0, BLOCK)), first -> {
            rows.show(first.rows(), first.count());
            setContentDescription(NLS.bind(Messages.Opportunities_count, String.format("%,d", first.count())));
        }, current);
    }

    private void open(OpportunityRow row) {
        try {
            OpportunityEditor.open(getSite().getPage(), row.id(), row.name());
        } catch (PartInitException e) {
            reportError(e.getMessage());
        }
    }

    // --- the Edit menu's Delete and the File menu's New… (org.salesbench.ui.forms.ListCommands)

    private OpportunityRow selectedRow() {
        return grid.selectedRow();
    }

    @Override
    public boolean canDeleteSelection() {
        return selectedRow() != null;
    }

    /**
     * Puts the selected opportunity in the recycle bin at the version the list shows, after asking; a change made since
     * is reported, not overwritten. Edit › Undo restores it.
     */
    @Override
    public void deleteSelection() {
        OpportunityRow row = selectedRow();
        if (row == null || !MessageDialog.openConfirm(getSite().getShell(), Messages.Action_delete,
                NLS.bind(Messages.Opportunities_confirmDelete, row.name(), Formats.text(row.customerName())))) {
            return;
        }
        Jobs.load(grid.control(), Messages.Action_delete, () -> {
            service.delete(row.id(), row.version());
            return row;
        }, deleted -> {
            Undo.done(new DeleteToBinOperation(NLS.bind(Messages.Undo_deleteOpportunity, row.name()), Opportunity.ENTITY,
                    java.util.Map.of(row.id(), row.version()), OpportunitiesView::currentVersion, service::deleteAll));
            refresh();
        }, e -> {
            if (e instanceof ConcurrentChangeException conflict) {
                if (ConflictDialog.askReload(getSite().getShell(), row.name(), conflict)) {
                    refresh();
                }
            } else {
                reportError(e.getMessage());
            }
        });
    }

    private static Long currentVersion(long id) {
        return Services.get(OpportunityService.class).find(id).map(Opportunity::getVersion).orElse(null);
    }

    @Override
    public boolean canCreate() {
        return true;
    }

    @Override
    public void create() {
        new WizardDialog(getSite().getShell(), new NewOpportunityWizard()).open();
    }

    Combo ownerCombo() {
        return ownerCombo;
    }

    Combo pipelineCombo() {
        return pipelineCombo;
    }

    Combo stageCombo() {
        return stageCombo;
    }

    Button quarterCheck() {
        return quarterCheck;
    }

    Button overdueCheck() {
        return overdueCheck;
    }

    List<OpportunityRow> loadedRows() {
        return new ArrayList<>(rows.loaded());
    }

    /** Opens the row's editor, as a double-click does (tests come here). */
    void openRow(int index) {
        grid.selectRow(index);
        OpportunityRow row = grid.selectedRow();
        if (row != null) {
            open(row);
        }
    }

    /** The order the grid's headers chose, or the list's own. */
    private OpportunitySort sort() {
        return grid.sortKey() instanceof OpportunitySort.Column column ? new OpportunitySort(column, grid.ascending()) : OpportunitySort.DEFAULT;
    }

    @Override
    protected VirtualGrid<OpportunityRow> grid() {
        return grid;
    }

    @Override
    protected String errorTitle() {
        return Messages.Opportunities_errorTitle;
    }

    /** Edit › Show History on the selected row's record. */
    @Override
    protected java.util.Optional<org.salesbench.ui.forms.SelectedRecord> recordOf(OpportunityRow row) {
        return java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(Opportunity.ENTITY, row.id(), row.name()));
    }
}
