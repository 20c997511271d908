package org.salesbench.opportunities.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PartInitException;
import org.salesbench.persistence.Picklists;
import org.salesbench.opportunities.ConversionRequest;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadConversion;
import org.salesbench.opportunities.LeadFilter;
import org.salesbench.opportunities.LeadRow;
import org.salesbench.opportunities.LeadScreening;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.LeadSort;
import org.salesbench.opportunities.LeadSource;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.ConflictDialog;
import org.salesbench.ui.forms.FilterBars;
import org.salesbench.ui.forms.GridListView;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.DeleteToBinOperation;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.forms.VirtualRows;

/**
 * The lead list: a filter bar over a grid ({@link VirtualGrid}: sort by any column in the database, choose, hide and
 * reorder columns, the layout kept per user) read a page at a time as rows scroll into view,
 * with score, grade and the duplicate flag screening set. Edit, disqualify and convert from the
 * toolbar or the context menu; all database work runs in jobs.
 */
public class LeadsView extends GridListView<LeadFilter, LeadRow> {

    public static final String ID = "org.salesbench.opportunities.ui.views.leads";

    static final int BLOCK = 100;
    private static final int CACHED_BLOCKS = 64;

    private LeadService service;
    private Combo statusCombo;
    private Combo sourceCombo;
    /** The codes behind the source combo's entries after "any". */
    private List<String> sourceCodes = List.of();
    private Text ownerText;
    private Button duplicatesCheck;
    private VirtualGrid<LeadRow> grid;
    private VirtualRows<LeadRow> rows;
    private Map<String, String> sourceLabels = Map.of();

    public LeadsView() {
        super(LeadFilter.class, LeadFilter.ALL);
    }

    @Override
    public void createPartControl(Composite parent) {
        service = Services.get(LeadService.class);
        parent.setLayout(new GridLayout(1, false));
        createFilterBar(parent);
        createTable(parent);
        createActions();
        listenForChanges(Lead.ENTITY);
        refresh();
    }

    private void createFilterBar(Composite parent) {
        Composite bar = FilterBars.create(parent);
        searchText = FilterBars.search(bar, Messages.Leads_searchHint, this::filterSoon);
        statusCombo = new Combo(FilterBars.labelled(bar, Messages.Leads_status), SWT.READ_ONLY);
        statusCombo.add(Messages.Filter_any);
        for (LeadStatus s : LeadStatus.values()) {
            statusCombo.add(Labels.of(s));
        }
        statusCombo.select(0);
        statusCombo.addListener(SWT.Selection, e -> applyFilter());
        sourceCombo = new Combo(FilterBars.labelled(bar, Messages.Leads_source), SWT.READ_ONLY);
        sourceCombo.add(Messages.Filter_any);
        sourceCombo.select(0);
        sourceCombo.addListener(SWT.Selection, e -> applyFilter());
        ownerText = new Text(FilterBars.labelled(bar, Messages.Leads_owner), SWT.BORDER);
        ownerText.setLayoutData(new RowData(80, SWT.DEFAULT));
        ownerText.addModifyListener(e -> filterSoon());
        duplicatesCheck = new Button(bar, SWT.CHECK);
        duplicatesCheck.setText(Messages.Leads_duplicatesOnly);
        duplicatesCheck.addListener(SWT.Selection, e -> applyFilter());
    }

    private void createTable(Composite parent) {
        List<VirtualGrid.Column<LeadRow>> columns = List.of(
                VirtualGrid.Column.<LeadRow>of("company", Messages.Leads_company, 220, LeadRow::company).sortBy(LeadSort.Column.COMPANY),
                VirtualGrid.Column.<LeadRow>of("contact", Messages.Leads_contact, 90, r -> Formats.text(r.contactName())).sortBy(LeadSort.Column.CONTACT),
                VirtualGrid.Column.<LeadRow>of("source", Messages.Leads_source, 90,
                        r -> Formats.text(r.source() == null ? null : sourceLabels.getOrDefault(r.source(), r.source()))).sortBy(LeadSort.Column.SOURCE),
                VirtualGrid.Column.<LeadRow>of("industry", Messages.Leads_industry, 90, r -> Formats.text(r.industry() == null ? null
                        : Services.get(Picklists.class).label(Picklists.INDUSTRY, r.industry()))).sortBy(LeadSort.Column.INDUSTRY),
                VirtualGrid.Column.<LeadRow>of("status", Messages.Leads_status, 80, r -> Labels.of(r.status())).sortBy(LeadSort.Column.STATUS),
                VirtualGrid.Column.<LeadRow>of("score", Messages.Leads_score, 50, r -> String.valueOf(r.score())).right().sortBy(LeadSort.Column.SCORE),
                VirtualGrid.Column.<LeadRow>of("grade", Messages.Leads_grade, 50, r -> Formats.text(r.grade())).sortBy(LeadSort.Column.GRADE),
                VirtualGrid.Column.<LeadRow>of("duplicate", Messages.Leads_duplicate, 70, r -> r.duplicate() ? Messages.Leads_duplicateFlag : "")
                        .warnWhen(LeadRow::duplicate).sortBy(LeadSort.Column.DUPLICATE),
                VirtualGrid.Column.<LeadRow>of("owner", Messages.Leads_owner, 80, r -> Formats.text(r.owner())).sortBy(LeadSort.Column.OWNER),
                VirtualGrid.Column.<LeadRow>of("created", Messages.Leads_created, 130, r -> Formats.dateTime(r.createdAt())).sortBy(LeadSort.Column.CREATED));
        grid = new VirtualGrid<>(parent, ID, columns, BLOCK, CACHED_BLOCKS, Messages.Job_loadLeads, Jobs.FAMILY, Messages.Loading);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        grid.restoreLayout();
        rows = grid.rows();
        rows.onFailure(e -> reportError(e.getMessage()));
        grid.onOpen(row -> editSelected());
        grid.onSort(this::refresh);
        MenuManager menu = new MenuManager();
        menu.add(action(Messages.Action_edit, this::editSelected));
        menu.add(action(Messages.Action_convert, this::convertSelected));
        menu.add(action(Messages.Action_disqualify, this::disqualifySelected));
        menu.add(action(Messages.Action_delete, this::deleteSelected));
        grid.setRowMenu(menu);
    }

    private static Action action(String text, Runnable run) {
        return new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
    }

    private void createActions() {
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        Action newLead = action(Messages.Action_newLead, this::newLead);
        newLead.setImageDescriptor(Images.descriptor("icons/lead.png"));
        toolbar.add(newLead);
        Action convert = action(Messages.Action_convert, this::convertSelected);
        convert.setImageDescriptor(Images.descriptor("icons/convert.png"));
        toolbar.add(convert);
        toolbar.add(action(Messages.Action_refresh, this::refresh));
        // other bundles' commands (Export…) after a line, not run together with Refresh
        toolbar.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
    }

    @Override
    protected void applyFilter() {
        if (grid.control().isDisposed()) {
            return;
        }
        Set<LeadStatus> statuses = statusCombo.getSelectionIndex() > 0 ? Set.of(LeadStatus.values()[statusCombo.getSelectionIndex() - 1]) : Set.of();
        String source = sourceCombo.getSelectionIndex() > 0 ? sourceCodes.get(sourceCombo.getSelectionIndex() - 1) : null;
        filter = new LeadFilter(searchText.getText().isBlank() ? null : searchText.getText().strip(), statuses,
                ownerText.getText().isBlank() ? null : ownerText.getText().strip(), duplicatesCheck.getSelection(), source);
        refresh();
    }

    /** Reads the list again for the current filter. */
    @Override
    public void refresh() {
        LeadFilter f = filter;
        LeadSort sort = grid.sortKey() instanceof LeadSort.Column column ? new LeadSort(column, grid.ascending()) : LeadSort.DEFAULT;
        int current = rows.restart(block -> () -> service.page(f, sort, block * BLOCK, BLOCK));
        rows.run(() -> new Object[] {service.count(f), service.page(f, sort, 0, BLOCK), service.sources(false)}, result -> {
            long count = (Long) result[0];
            @SuppressWarnings("unchecked")
            List<LeadRow> first = (List<LeadRow>) result[1];
            @SuppressWarnings("unchecked")
            List<LeadSource> sources = (List<LeadSource>) result[2];
            // rows carry the source's code; the list shows its name in the user's language
            sourceLabels = sources.stream().collect(java.util.stream.Collectors.toMap(LeadSource::getCode, LeadSource::getLabel, (a, b) -> a));
            updateSourceChoices(sources);
            rows.show(first, count);
            setContentDescription(NLS.bind(Messages.Leads_count, String.format("%,d", count)));
        }, current);
    }

    /** Offers every configured source (inactive ones too: old leads carry them), keeping the choice made. */
    private void updateSourceChoices(List<LeadSource> sources) {
        List<String> codes = sources.stream().map(LeadSource::getCode).toList();
        if (codes.equals(sourceCodes)) {
            return;
        }
        String chosen = sourceCombo.getSelectionIndex() > 0 ? sourceCodes.get(sourceCombo.getSelectionIndex() - 1) : null;
        sourceCodes = codes;
        sourceCombo.removeAll();
        sourceCombo.add(Messages.Filter_any);
        sources.forEach(source -> sourceCombo.add(source.getLabel()));
        sourceCombo.select(chosen != null && codes.contains(chosen) ? codes.indexOf(chosen) + 1 : 0);
        relayoutFilterBar();
    }

    private LeadRow selected() {
        return grid.selectedRow();
    }

    @Override
    protected java.util.Optional<org.salesbench.ui.forms.SelectedRecord> recordOf(LeadRow row) {
        return java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(Lead.ENTITY, row.id(), row.company()));
    }

    private void newLead() {
        Jobs.load(grid.control(), Messages.Job_loadLeads, () -> service.sources(true), sources -> {
            LeadDialog dialog = new LeadDialog(getSite().getShell(), service, sources, new Lead());
            if (dialog.open() == Window.OK) {
                refresh();
            }
        }, e -> reportError(e.getMessage()));
    }

    private void editSelected() {
        LeadRow row = selected();
        if (row == null) {
            return;
        }
        record Loaded(Lead lead, List<LeadSource> sources) {
        }
        Jobs.load(grid.control(), Messages.Job_loadLeads, () -> new Loaded(service.find(row.id()).orElse(null), service.sources(true)), loaded -> {
            if (loaded.lead() == null) {
                refresh();
                return;
            }
            if (new LeadDialog(getSite().getShell(), service, loaded.sources(), loaded.lead()).open() == Window.OK) {
                refresh();
            }
        }, e -> reportError(e.getMessage()));
    }

    private void disqualifySelected() {
        LeadRow row = selected();
        if (row == null) {
            return;
        }
        InputDialog dialog = new InputDialog(getSite().getShell(), Messages.Action_disqualify, NLS.bind(Messages.Leads_disqualifyReason, row.company()),
                "", v -> v.isBlank() ? NLS.bind(Messages.Field_required, Messages.Lead_disqualifyReason) : null);
        if (dialog.open() == Window.OK) {
            Jobs.load(grid.control(), Messages.Action_disqualify, () -> service.disqualify(row.id(), dialog.getValue().strip()), l -> refresh(),
                    e -> reportError(e.getMessage()));
        }
    }

    private void deleteSelected() {
        LeadRow row = selected();
        if (row != null && MessageDialog.openConfirm(getSite().getShell(), Messages.Action_delete, NLS.bind(Messages.Leads_confirmDelete, row.company()))) {
            Jobs.load(grid.control(), Messages.Action_delete, () -> {
                service.delete(row.id(), row.version());
                return row;
            }, r -> {
                // Edit › Undo (Ctrl+Z) brings it back from the recycle bin
                Undo.done(new DeleteToBinOperation(NLS.bind(Messages.Undo_deleteLead, row.company()), Lead.ENTITY,
                        Map.of(row.id(), row.version()), LeadsView::currentVersion, service::deleteAll));
                refresh();
            }, e -> {
                if (e instanceof ConcurrentChangeException conflict) {
                    if (ConflictDialog.askReload(getSite().getShell(), row.company(), conflict)) {
                        refresh();
                    }
                } else {
                    reportError(e.getMessage());
                }
            });
        }
    }

    private static Long currentVersion(long id) {
        return Services.get(LeadService.class).find(id).map(Lead::getVersion).orElse(null);
    }

    // --- the Edit menu's Delete and the File menu's New… (org.salesbench.ui.forms.ListCommands)

    @Override
    public boolean canDeleteSelection() {
        return selected() != null;
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
        newLead();
    }

    /** What the convert dialog needs, read in one job. */
    record ConversionContext(Lead lead, LeadScreening screening, List<Pipeline> pipelines) {
    }

    private void convertSelected() {
        LeadRow row = selected();
        if (row == null) {
            return;
        }
        if (row.status() != LeadStatus.QUALIFIED) {
            reportError(NLS.bind(Messages.Leads_qualifyFirst, row.company(), Labels.of(row.status())));
            return;
        }
        Jobs.load(grid.control(), Messages.Job_loadLeads, () -> conversionContext(row.id()), context -> {
            ConvertLeadDialog dialog = new ConvertLeadDialog(getSite().getShell(), context.lead(), context.screening(), context.pipelines());
            if (dialog.open() == Window.OK) {
                convert(row.id(), dialog.request());
            }
        }, e -> reportError(e.getMessage()));
    }

    /** Reads the lead, its screening and the active pipelines (call from a job). */
    ConversionContext conversionContext(long leadId) {
        Lead lead = service.find(leadId).orElseThrow(() -> new IllegalStateException(NLS.bind(Messages.Leads_gone, leadId)));
        return new ConversionContext(lead, service.screen(lead), Services.get(PipelineService.class).pipelines(true));
    }

    /** Converts in a job, then opens the new opportunity. The convert dialog's OK and tests come here. */
    public Job convert(long leadId, ConversionRequest request) {
        return Jobs.load(grid.control(), Messages.Action_convert, () -> service.convert(leadId, request), (LeadConversion done) -> {
            refresh();
            try {
                OpportunityEditor.open(getSite().getPage(), done.opportunityId(), request.opportunityName());
            } catch (PartInitException e) {
                reportError(e.getMessage());
            }
        }, e -> reportError(e.getMessage()));
    }

    List<LeadRow> loadedRows() {
        return rows.loaded();
    }

    @Override
    protected VirtualGrid<LeadRow> grid() {
        return grid;
    }

    Combo sourceCombo() {
        return sourceCombo;
    }

    @Override
    protected String errorTitle() {
        return Messages.Leads_errorTitle;
    }
}
