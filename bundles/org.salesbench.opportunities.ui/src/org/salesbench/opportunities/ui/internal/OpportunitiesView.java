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
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PartInitException;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.security.SecurityService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.OpportunityRow;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.Stage;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.ConflictDialog;
import org.salesbench.ui.forms.DeleteToBinOperation;
import org.salesbench.ui.forms.FilterBars;
import org.salesbench.ui.forms.FilteredListView;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.forms.VirtualRows;
import org.salesbench.users.Team;
import org.salesbench.users.UserService;

/**
 * The opportunity list: a filter bar (text, mine or my team, pipeline and stage, closing this
 * quarter, close date passed) over a virtual table read a block at a time as rows scroll into view.
 * Double-click opens the opportunity editor; all database work runs in jobs.
 */
public class OpportunitiesView extends FilteredListView<OpportunityFilter> {

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
        table = new Table(parent, SWT.VIRTUAL | SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        String[] titles = {Messages.Field_customer, Messages.Field_name, Messages.Field_amount, Messages.Field_stage, Messages.Field_probability,
                Messages.Field_closeDate, Messages.Field_owner, Messages.Field_forecastCategory};
        int[] widths = {200, 200, 120, 120, 90, 120, 80, 120};
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, i == 2 || i == 4 ? SWT.RIGHT : SWT.LEFT);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
        }
        rows = new VirtualRows<>(table, BLOCK, CACHED_BLOCKS, Messages.Job_loadOpportunities, Jobs.FAMILY);
        rows.onFailure(e -> reportError(e.getMessage()));
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
        table.addListener(SWT.DefaultSelection, e -> openSelected());
    }

    private void loadPipelines() {
        Jobs.load(table, Messages.Job_loadOpportunities, () -> Services.get(PipelineService.class).pipelines(false), all -> {
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
        if (table.isDisposed()) {
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
        Jobs.load(table, Messages.Job_loadOpportunities, () -> ownerLogins(owners),
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
        int current = rows.restart(block -> () -> service.page(f, block * BLOCK, BLOCK));
        record FirstPage(long count, List<OpportunityRow> rows) {
        }
        rows.run(() -> new FirstPage(service.count(f), service.page(f, 0, BLOCK)), first -> {
            rows.show(first.rows(), first.count());
            setContentDescription(NLS.bind(Messages.Opportunities_count, String.format("%,d", first.count())));
        }, current);
    }

    private void fill(TableItem item, int index) {
        OpportunityRow row = rows.row(index);
        if (row == null) {
            if (!rows.isLoaded(index)) {
                item.setText(0, Messages.Loading);
            }
            return;
        }
        item.setData(row);
        item.setText(new String[] {Formats.text(row.customerName()), row.name(), Labels.money(row.amount()), Formats.text(row.stageLabel()),
                Labels.percent(row.probability()), Formats.date(row.expectedCloseDate()), Formats.text(row.owner()),
                row.forecastCategory() == null ? "" : Labels.of(row.forecastCategory())});
        boolean overdue = row.expectedCloseDate() != null && row.expectedCloseDate().isBefore(java.time.LocalDate.now(Clocks.system()))
                && row.state() == org.salesbench.opportunities.StageKind.OPEN;
        item.setForeground(5, overdue ? table.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
    }

    private void openSelected() {
        TableItem[] items = table.getSelection();
        if (items.length == 1 && items[0].getData() instanceof OpportunityRow row) {
            try {
                OpportunityEditor.open(getSite().getPage(), row.id(), row.name());
            } catch (PartInitException e) {
                reportError(e.getMessage());
            }
        }
    }

    // --- the Edit menu's Delete and the File menu's New… (org.salesbench.ui.forms.ListCommands)

    private OpportunityRow selectedRow() {
        TableItem[] items = table.getSelection();
        return items.length == 1 && items[0].getData() instanceof OpportunityRow row ? row : null;
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
        Jobs.load(table, Messages.Action_delete, () -> {
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

    /** Opens the selected row's editor, as a double-click does (tests come here). */
    void openRow(int index) {
        table.setSelection(index);
        openSelected();
    }

    @Override
    protected String errorTitle() {
        return Messages.Opportunities_errorTitle;
    }
}
