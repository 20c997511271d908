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
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PartInitException;
import org.salesbench.opportunities.ConversionRequest;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadConversion;
import org.salesbench.opportunities.LeadFilter;
import org.salesbench.opportunities.LeadRow;
import org.salesbench.opportunities.LeadScreening;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.LeadSource;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.ConflictDialog;
import org.salesbench.ui.forms.FilterBars;
import org.salesbench.ui.forms.FilteredListView;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.DeleteToBinOperation;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.forms.VirtualRows;

/**
 * The lead list: a filter bar over a virtual table read a page at a time as rows scroll into view,
 * with score, grade and the duplicate flag screening set. Edit, disqualify and convert from the
 * toolbar or the context menu; all database work runs in jobs.
 */
public class LeadsView extends FilteredListView<LeadFilter> {

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

    /** A label and its field kept on one line when the bar wraps. */
    private void createTable(Composite parent) {
        table = new Table(parent, SWT.VIRTUAL | SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        String[] titles = {Messages.Leads_company, Messages.Leads_contact, Messages.Leads_source, Messages.Leads_industry, Messages.Leads_status,
                Messages.Leads_score, Messages.Leads_grade, Messages.Leads_duplicate, Messages.Leads_owner, Messages.Leads_created};
        int[] widths = {220, 90, 90, 90, 80, 50, 50, 70, 80, 130};
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, i == 5 ? SWT.RIGHT : SWT.LEFT);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
        }
        rows = new VirtualRows<>(table, BLOCK, CACHED_BLOCKS, Messages.Job_loadLeads, Jobs.FAMILY);
        rows.onFailure(e -> reportError(e.getMessage()));
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
        table.addListener(SWT.DefaultSelection, e -> editSelected());
        MenuManager menu = new MenuManager();
        menu.add(action(Messages.Action_edit, this::editSelected));
        menu.add(action(Messages.Action_convert, this::convertSelected));
        menu.add(action(Messages.Action_disqualify, this::disqualifySelected));
        menu.add(action(Messages.Action_delete, this::deleteSelected));
        table.setMenu(menu.createContextMenu(table));
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
        if (table.isDisposed()) {
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
        int current = rows.restart(block -> () -> service.page(f, block * BLOCK, BLOCK));
        rows.run(() -> new Object[] {service.count(f), service.page(f, 0, BLOCK), service.sources(false)}, result -> {
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

    private void fill(TableItem item, int index) {
        LeadRow row = rows.row(index);
        if (row == null) {
            if (!rows.isLoaded(index)) {
                item.setText(0, Messages.Loading);
            }
            return;
        }
        item.setData(row);
        item.setText(new String[] {row.company(), Formats.text(row.contactName()), Formats.text(row.source() == null ? null : sourceLabels.getOrDefault(row.source(), row.source())), Formats.text(row.industry()),
                Labels.of(row.status()), String.valueOf(row.score()), Formats.text(row.grade()), row.duplicate() ? Messages.Leads_duplicateFlag : "",
                Formats.text(row.owner()), Formats.dateTime(row.createdAt())});
        item.setForeground(7, row.duplicate() ? table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
    }

    private LeadRow selected() {
        TableItem[] items = table.getSelection();
        return items.length == 1 && items[0].getData() instanceof LeadRow row ? row : null;
    }

    private void newLead() {
        Jobs.load(table, Messages.Job_loadLeads, () -> service.sources(true), sources -> {
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
        Jobs.load(table, Messages.Job_loadLeads, () -> new Loaded(service.find(row.id()).orElse(null), service.sources(true)), loaded -> {
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
            Jobs.load(table, Messages.Action_disqualify, () -> service.disqualify(row.id(), dialog.getValue().strip()), l -> refresh(),
                    e -> reportError(e.getMessage()));
        }
    }

    private void deleteSelected() {
        LeadRow row = selected();
        if (row != null && MessageDialog.openConfirm(getSite().getShell(), Messages.Action_delete, NLS.bind(Messages.Leads_confirmDelete, row.company()))) {
            Jobs.load(table, Messages.Action_delete, () -> {
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
        Jobs.load(table, Messages.Job_loadLeads, () -> conversionContext(row.id()), context -> {
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
        return Jobs.load(table, Messages.Action_convert, () -> service.convert(leadId, request), (LeadConversion done) -> {
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

    Combo sourceCombo() {
        return sourceCombo;
    }

    @Override
    protected String errorTitle() {
        return Messages.Leads_errorTitle;
    }
}
