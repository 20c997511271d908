package org.salesbench.workflow.ui.internal.approvals;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.salesbench.core.events.EventTopics;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.SelectedRecord;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.workflow.approvals.ApprovalHistoryEntry;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.approvals.ApprovalSort;

/**
 * Approval requests with the selected one's history, and the decisions the current user may take on it: approve (with
 * an optional comment), reject (a comment is required), delegate to another user. The inbox shows the requests waiting
 * for the user; the opportunity editor's Approvals page those of the opportunity's quotes. It reads again whenever an
 * approval changes. The requests are a grid ({@link VirtualGrid}, read whole): a click on a column header sorts them in
 * the database ({@link ApprovalSort}; who is waited for is worked out per request and does not sort), the header menu
 * hides, shows and chooses columns, headers drag, the layout is kept per user and list, and the selected cells copy.
 * The selected request's history below is a grid too, sorted here by any column ({@link VirtualGrid#showSorted}).
 */
public final class ApprovalPanel {

    /** What the panel shows of one request, read in a job. */
    public record Row(ApprovalRequest request, List<String> approvers, boolean mayDecide, List<ApprovalHistoryEntry> history) {
    }

    private final ApprovalService approvals;
    private final Function<ApprovalSort, List<ApprovalRequest>> requests;
    private final Composite root;
    private final VirtualGrid<Row> grid;
    private final VirtualGrid<ApprovalHistoryEntry> history;
    private final Label status;
    private final Button approve;
    private final Button reject;
    private final Button delegate;
    private final Map<Long, Row> rows = new HashMap<>();
    private ServiceRegistration<EventHandler> registration;
    private Long selectedId;
    private String note;

    /**
     * @param gridId   names the layout kept for each user (the inbox and the opportunity's page keep one each)
     * @param requests reads the requests to show in the order asked for (in a job)
     */
    public ApprovalPanel(Composite parent, String gridId, ApprovalService approvals, Function<ApprovalSort, List<ApprovalRequest>> requests) {
        this.approvals = approvals;
        this.requests = requests;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        status = new Label(root, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        grid = VirtualGrid.readWhole(root, gridId, List.of(
                VirtualGrid.Column.<Row>of("id", Messages.Column_id, 60, r -> "#" + r.request().getId()).right().sortBy(ApprovalSort.Column.ID),
                VirtualGrid.Column.<Row>of("record", Messages.Column_record, 220, r -> Labels.record(r.request())).sortBy(ApprovalSort.Column.RECORD),
                VirtualGrid.Column.<Row>of("requester", Messages.Column_requester, 100, r -> r.request().getRequester())
                        .sortBy(ApprovalSort.Column.REQUESTER),
                VirtualGrid.Column.<Row>of("status", Messages.Column_status, 80, r -> Labels.status(r.request().getStatus()))
                        .sortBy(ApprovalSort.Column.STATUS),
                VirtualGrid.Column.<Row>of("step", Messages.Column_step, 60, r -> r.request().getCurrentStep() + "/" + r.request().getStepCount())
                        .right().sortBy(ApprovalSort.Column.STEP),
                VirtualGrid.Column.<Row>of("approvers", Messages.Column_approvers, 160, r -> String.join(", ", r.approvers())),
                VirtualGrid.Column.<Row>of("definition", Messages.Column_definition, 180, r -> r.request().getDefinitionName())
                        .sortBy(ApprovalSort.Column.DEFINITION),
                VirtualGrid.Column.<Row>of("submitted", Messages.Column_submitted, 130, r -> Formats.dateTime(r.request().getCreatedAt()))
                        .sortBy(ApprovalSort.Column.SUBMITTED)),
                Messages.Job_load, Jobs.FAMILY, Messages.Panel_loading);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        grid.restoreLayout();
        grid.rows().onFailure(e -> status.setText(Jobs.message(e)));
        grid.onSort(this::refresh);
        Composite buttons = new Composite(root, SWT.NONE);
        buttons.setLayout(new GridLayout(4, false));
        approve = button(buttons, Messages.Action_approve, this::approve);
        reject = button(buttons, Messages.Action_reject, this::reject);
        delegate = button(buttons, Messages.Action_delegate, this::delegate);
        button(buttons, Messages.Action_refresh, this::refresh);
        new Label(root, SWT.NONE).setText(Messages.History_title);
        history = VirtualGrid.readWhole(root, gridId + ".history", List.of( //$NON-NLS-1$
                VirtualGrid.Column.<ApprovalHistoryEntry>of("when", Messages.History_when, 130, h -> Formats.dateTime(h.getOccurredAt())) //$NON-NLS-1$
                        .sortBy(VirtualGrid.<ApprovalHistoryEntry, java.time.Instant>byValue(ApprovalHistoryEntry::getOccurredAt)),
                VirtualGrid.Column.<ApprovalHistoryEntry>of("step", Messages.History_step, 50, h -> String.valueOf(h.getStep())).right() //$NON-NLS-1$
                        .sortBy(VirtualGrid.<ApprovalHistoryEntry, Integer>byValue(ApprovalHistoryEntry::getStep)),
                historyText("who", Messages.History_who, 100, ApprovalHistoryEntry::getActor), //$NON-NLS-1$
                historyText("what", Messages.History_what, 160, Labels::action), //$NON-NLS-1$
                historyText("comment", Messages.History_comment, 260, h -> h.getComment() == null ? "" : h.getComment())), //$NON-NLS-1$ //$NON-NLS-2$
                Messages.Job_load, Jobs.FAMILY, Messages.Panel_loading);
        GridData historyData = new GridData(SWT.FILL, SWT.FILL, true, true);
        historyData.heightHint = 140;
        history.control().setLayoutData(historyData);
        history.restoreLayout();
        grid.onSelection(this::selectionChanged);
        listen();
        root.addDisposeListener(e -> {
            if (registration != null) {
                registration.unregister();
            }
        });
        updateButtons();
        refresh();
    }

    /** A history column sorted here by its text ({@link VirtualGrid#showSorted}). */
    private static VirtualGrid.Column<ApprovalHistoryEntry> historyText(String id, String title, int width,
            Function<ApprovalHistoryEntry, String> text) {
        return VirtualGrid.Column.of(id, title, width, text).sortBy(VirtualGrid.byText(text));
    }

    private static Button button(Composite parent, String label, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    public Composite control() {
        return root;
    }

    /** The requests' grid (the view's Edit commands and tests reach it). */
    public VirtualGrid<Row> grid() {
        return grid;
    }

    /** The rows shown, in the order shown (tests read them). */
    public List<ApprovalRequest> shown() {
        return grid.rows().loaded().stream().map(Row::request).toList();
    }

    /** The order the grid's headers chose, or the lists' own (newest first). */
    ApprovalSort sort() {
        return grid.sortKey() instanceof ApprovalSort.Column column ? new ApprovalSort(column, grid.ascending()) : ApprovalSort.DEFAULT;
    }

    /** The record the selected request is about (Edit › Show History shows that record's history). */
    public Optional<SelectedRecord> selectedRecord() {
        Row row = grid.control().isDisposed() ? null : selected();
        return Optional.ofNullable(row).map(r -> record(r.request()));
    }

    static SelectedRecord record(ApprovalRequest request) {
        return new SelectedRecord(request.getEntityType(), request.getRecordId(), Labels.record(request));
    }

    /** The selected request's history as shown, in the order shown (tests read it). */
    public List<ApprovalHistoryEntry> shownHistory() {
        return history.rows().loaded();
    }

    /** The history's grid (tests reach it). */
    public VirtualGrid<ApprovalHistoryEntry> historyGrid() {
        return history;
    }

    public void refresh() {
        ApprovalSort sort = sort();
        Long keep = selectedId; // showing other rows clears the selection (and tells the listener so)
        grid.load(() -> {
            List<Row> read = new ArrayList<>();
            for (ApprovalRequest r : requests.apply(sort)) {
                read.add(new Row(r, approvals.currentApprovers(r.getId()), approvals.mayDecide(r.getId()), approvals.history(r.getId())));
            }
            return read;
        }, read -> {
            rows.clear();
            read.forEach(r -> rows.put(r.request().getId(), r));
            if (!(keep != null && grid.selectWhere(r -> r.request().getId().equals(keep))) && !read.isEmpty()) {
                grid.selectRow(0);
            }
            selectionChanged();
            // what the last decision did stays shown once, instead of the count
            status.setText(note != null ? note : read.isEmpty() ? Messages.Panel_none : NLS.bind(Messages.Panel_count, read.size()));
            note = null;
            root.layout(true, true);
        });
    }

    private Row selected() {
        return grid.selectedRow();
    }

    private void selectionChanged() {
        Row row = selected();
        selectedId = row == null ? null : row.request().getId();
        history.showSorted(row == null ? List.of() : row.history());
        updateButtons();
    }

    private void updateButtons() {
        Row row = selected();
        boolean may = row != null && row.mayDecide();
        approve.setEnabled(may);
        reject.setEnabled(may);
        delegate.setEnabled(may);
    }

    private void approve() {
        Row row = selected();
        if (row == null) {
            return;
        }
        InputDialog dialog = new InputDialog(root.getShell(), Messages.Approve_title, NLS.bind(Messages.Approve_prompt, Labels.record(row.request())),
                "", null);
        if (dialog.open() == Window.OK) {
            decide(() -> approvals.approve(row.request().getId(), dialog.getValue()), Messages.Approve_done);
        }
    }

    private void reject() {
        Row row = selected();
        if (row == null) {
            return;
        }
        InputDialog dialog = new InputDialog(root.getShell(), Messages.Reject_title, NLS.bind(Messages.Reject_prompt, Labels.record(row.request())),
                "", text -> text == null || text.isBlank() ? Messages.Reject_commentRequired : null);
        if (dialog.open() == Window.OK) {
            decide(() -> approvals.reject(row.request().getId(), dialog.getValue()), Messages.Reject_done);
        }
    }

    private void delegate() {
        Row row = selected();
        if (row == null) {
            return;
        }
        InputDialog dialog = new InputDialog(root.getShell(), Messages.Delegate_title, NLS.bind(Messages.Delegate_prompt, Labels.record(row.request())),
                "", text -> text == null || text.isBlank() ? Messages.Delegate_loginRequired : null);
        if (dialog.open() == Window.OK) {
            decide(() -> approvals.delegate(row.request().getId(), dialog.getValue(), null), Messages.Delegate_done);
        }
    }

    private void decide(Supplier<ApprovalRequest> decision, String done) {
        approve.setEnabled(false);
        reject.setEnabled(false);
        delegate.setEnabled(false);
        Jobs.load(grid.control(), Messages.Job_decide, decision, request -> {
            note = NLS.bind(done, Labels.record(request), Labels.status(request.getStatus()));
            refresh();
        }, e -> {
            status.setText(Jobs.message(e));
            updateButtons();
        });
    }

    /** Reads again when any approval changes (here or in another view). */
    private void listen() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, EventTopics.allOf(ApprovalService.ENTITY));
        Display display = root.getDisplay();
        registration = FrameworkUtil.getBundle(getClass()).getBundleContext().registerService(EventHandler.class,
                event -> display.asyncExec(() -> {
                    if (!root.isDisposed()) {
                        refresh();
                    }
                }), properties);
    }
}
