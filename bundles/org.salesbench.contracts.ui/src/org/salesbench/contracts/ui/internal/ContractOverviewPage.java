package org.salesbench.contracts.ui.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractDocuments;
import org.salesbench.contracts.ContractLine;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.core.time.Clocks;
import org.salesbench.documents.DocumentException;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.EntityFormPage;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;

/**
 * The contract's Overview: its header (title and dates edited while a draft, the rest shown), its lines, the steps of
 * its life the state machine allows from where it is, and where its approval stands; Renew, Print to PDF and Delete (to
 * the recycle bin, after a confirmation). A step runs in a job through {@link ContractService}; a refusal is shown with
 * the model's reason.
 */
public class ContractOverviewPage extends EntityFormPage<Contract> {

    public static final String ID = "org.salesbench.contracts.ui.editor.overview";

    private final ContractEditor editor;
    private final Map<String, Button> steps = new LinkedHashMap<>();
    private Label approvalText;
    private TableViewer lines;
    private Consumer<String> errorReporter = this::showError;
    /** Whether the user may decide the contract's approval, read on each reload. */
    private boolean mayDecide;
    /** Whether the model lets this user delete the contract (read with the approval, in a job); off until known. */
    private boolean mayDelete;
    /** Whether the contract's renewal opportunity is there (not in the recycle bin), read with the approval; on until known. */
    private boolean hasRenewal = true;

    public ContractOverviewPage(ContractEditor editor) {
        super(editor, ID, Messages.Page_overview, c -> NLS.bind(Messages.Editor_heading, c.getNumber(), Labels.of(c.getStatus())));
        this.editor = editor;
    }

    @Override
    protected void createSections(FormToolkit toolkit, ScrolledForm form) {
        Composite header = section(toolkit, form, Messages.Section_header);
        shown(toolkit, header, Messages.Field_number, Contract::getNumber);
        shown(toolkit, header, Messages.Field_customer, c -> c.getCustomer().getName());
        shown(toolkit, header, Messages.Field_opportunity, c -> c.getOpportunity() == null ? "" : c.getOpportunity().getName());
        shown(toolkit, header, Messages.Field_status, c -> Labels.of(c.getStatus()));
        shown(toolkit, header, Messages.Field_amount, c -> Labels.money(c.getAmount()));
        shown(toolkit, header, Messages.Field_owner, Contract::getOwner);
        shown(toolkit, header, Messages.Field_signedOn, c -> Formats.date(c.getSignedOn()));
        text(toolkit, header, "title", Messages.Field_title, Contract::getTitle, Contract::setTitle);
        optionalDate(toolkit, header, "startDate", Messages.Field_startDate, Messages.Field_set, Contract::getStartDate, Contract::setStartDate,
                () -> LocalDate.now(Clocks.system()));
        optionalDate(toolkit, header, "endDate", Messages.Field_endDate, Messages.Field_set, Contract::getEndDate, Contract::setEndDate,
                () -> LocalDate.now(Clocks.system()).plusYears(1));
        onLoad(c -> {
            boolean editable = c.getStatus().isEditable();
            for (String f : new String[] {"title", "startDate", "endDate"}) {
                if (field(f) != null) {
                    setEnabledDeep(field(f), editable);
                }
            }
        });

        Composite actions = emptySection(toolkit, form, Messages.Section_steps);
        actions.setLayout(new org.eclipse.swt.layout.GridLayout(1, false));
        Composite buttons = toolkit.createComposite(actions);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.marginLeft = 0;
        buttons.setLayout(row);
        step(toolkit, buttons, "submit", Messages.Step_submit, () -> submit());
        step(toolkit, buttons, "approve", Messages.Step_approve, () -> decide(true, null));
        step(toolkit, buttons, "reject", Messages.Step_reject, () -> ask(Messages.Step_reject, Messages.Step_rejectWhy).ifPresent(r -> decide(false, r)));
        step(toolkit, buttons, "withdraw", Messages.Step_withdraw, () -> withdraw());
        step(toolkit, buttons, "sign", Messages.Step_sign, () -> sign(LocalDate.now(Clocks.system())));
        step(toolkit, buttons, "activate", Messages.Step_activate, () -> activate());
        step(toolkit, buttons, "complete", Messages.Step_complete, () -> complete());
        step(toolkit, buttons, "terminate", Messages.Step_terminate,
                () -> ask(Messages.Step_terminate, Messages.Step_terminateWhy).ifPresent(this::terminate));
        step(toolkit, buttons, "expire", Messages.Step_expire, () -> expire());
        step(toolkit, buttons, "cancel", Messages.Step_cancel, () -> ask(Messages.Step_cancel, Messages.Step_cancelWhy).ifPresent(this::cancel));
        step(toolkit, buttons, "renew", Messages.Step_renew, () -> renew());
        step(toolkit, buttons, "nextContract", Messages.Step_nextContract, () -> nextContract());
        step(toolkit, buttons, "print", Messages.Step_print, () -> choosePdf().ifPresent(this::print));
        step(toolkit, buttons, "delete", Messages.Step_delete, () -> {
            if (MessageDialog.openConfirm(getSite().getShell(), Messages.Step_delete, NLS.bind(Messages.Step_deleteConfirm, editor.contract().getNumber()))) {
                delete();
            }
        });
        approvalText = toolkit.createLabel(actions, "", SWT.WRAP);
        GridData approvalData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        approvalData.widthHint = 500;
        approvalText.setLayoutData(approvalData);

        Composite linesSection = emptySection(toolkit, form, Messages.Section_lines);
        linesSection.setLayout(new org.eclipse.swt.layout.GridLayout(1, false));
        lines = Tables.create(linesSection);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.heightHint = 120;
        lines.getTable().setLayoutData(tableData);
        Tables.column(lines, ContractLine.class, Messages.Line_description, 220,
                l -> l.getDescription() != null ? l.getDescription() : l.getProduct() == null ? "" : l.getProduct().getName());
        Tables.column(lines, ContractLine.class, Messages.Line_quantity, 70, l -> l.getQuantity().stripTrailingZeros().toPlainString());
        Tables.column(lines, ContractLine.class, Messages.Line_unitPrice, 100, l -> l.getUnitPrice().toPlainString());
        Tables.column(lines, ContractLine.class, Messages.Line_discount, 70,
                l -> l.getDiscountPercent() == null ? "" : l.getDiscountPercent().stripTrailingZeros().toPlainString() + "%");
        Tables.column(lines, ContractLine.class, Messages.Line_net, 110, l -> Labels.money(l.getNetAmount()));
        Tables.column(lines, ContractLine.class, Messages.Line_amount, 110, l -> Labels.money(l.getAmount()));
        onLoad(c -> {
            lines.setInput(c.getLines());
            readApproval(c);
        });
    }

    private static void setEnabledDeep(org.eclipse.swt.widgets.Control control, boolean enabled) {
        control.setEnabled(enabled);
        if (control.getParent() != null && !(control instanceof org.eclipse.swt.widgets.Text)) {
            for (org.eclipse.swt.widgets.Control sibling : control.getParent().getChildren()) {
                sibling.setEnabled(enabled);
            }
        }
    }

    private void shown(FormToolkit toolkit, Composite parent, String label, java.util.function.Function<Contract, String> value) {
        label(toolkit, parent, label);
        Label shown = toolkit.createLabel(parent, "");
        shown.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        onLoad(c -> shown.setText(Formats.text(value.apply(c))));
    }

    private void step(FormToolkit toolkit, Composite parent, String key, String text, Runnable action) {
        Button button = toolkit.createButton(parent, text, SWT.PUSH);
        button.addListener(SWT.Selection, e -> action.run());
        steps.put(key, button);
    }

    /** The approval request pending on the contract, who decides it and whether this user may, read in a job. */
    private void readApproval(Contract contract) {
        updateSteps(contract);
        approvalText.setText(Formats.text(contract.getStatusNote()));
        long id = contract.getId();
        record Approval(Long request, java.util.List<String> approvers, boolean mayDecide, boolean mayDelete, boolean hasRenewal) {
        }
        Jobs.load(approvalText, Messages.Job_loadContract, () -> {
            ApprovalService approvals = Services.get(ApprovalService.class);
            Optional<ApprovalRequest> pending = approvals.pendingFor(Contract.ENTITY, id);
            boolean mayDecide = service().mayDecideApproval(id);
            boolean mayDelete = service().mayDelete(id);
            boolean hasRenewal = contract.getRenewalOpportunityId() != null && service().renewalOpportunity(id).isPresent();
            return pending.map(r -> new Approval(r.getId(), approvals.currentApprovers(r.getId()), mayDecide, mayDelete, hasRenewal))
                    .orElse(new Approval(null, java.util.List.of(), mayDecide, mayDelete, hasRenewal));
        }, approval -> {
            mayDecide = approval.mayDecide();
            mayDelete = approval.mayDelete();
            hasRenewal = approval.hasRenewal();
            String note = Formats.text(editor.contract().getStatusNote());
            if (approval.request() != null) {
                note = NLS.bind(Messages.Approval_pending, approval.approvers().isEmpty() ? "-" : String.join(", ", approval.approvers()));
            } else if (editor.contract().getDecidedBy() != null) {
                note = NLS.bind(Messages.Approval_decided, editor.contract().getDecidedBy(), note);
            }
            approvalText.setText(note);
            approvalText.getParent().layout(true, true);
            updateSteps(editor.contract());
        }, e -> approvalText.setText(Jobs.message(e)));
    }

    /** Each step is offered only where the state machine allows it from the contract's status. */
    private void updateSteps(Contract contract) {
        ContractStatus s = contract.getStatus();
        steps.get("submit").setEnabled(s.canMoveTo(ContractStatus.IN_APPROVAL));
        boolean deciding = s == ContractStatus.IN_APPROVAL && mayDecide;
        steps.get("approve").setEnabled(deciding);
        steps.get("reject").setEnabled(deciding);
        steps.get("withdraw").setEnabled(s == ContractStatus.IN_APPROVAL);
        steps.get("sign").setEnabled(s.canMoveTo(ContractStatus.SIGNED));
        steps.get("activate").setEnabled(s.canMoveTo(ContractStatus.ACTIVE));
        steps.get("complete").setEnabled(s.canMoveTo(ContractStatus.COMPLETED));
        steps.get("terminate").setEnabled(s.canMoveTo(ContractStatus.TERMINATED));
        steps.get("expire").setEnabled(s.canMoveTo(ContractStatus.EXPIRED));
        steps.get("cancel").setEnabled(s.canMoveTo(ContractStatus.CANCELLED));
        // offered again once the renewal opportunity is in the recycle bin (the editor follows the deal's deletion and restore)
        steps.get("renew").setEnabled(RENEWABLE.contains(s) && contract.getEndDate() != null
                && (contract.getRenewalOpportunityId() == null || !hasRenewal));
        steps.get("nextContract").setEnabled(RENEWABLE.contains(s) && contract.getStartDate() != null && contract.getEndDate() != null);
        steps.get("delete").setEnabled(mayDelete && !contract.isDeleted());
    }

    private Optional<String> ask(String title, String question) {
        InputDialog dialog = new InputDialog(getSite().getShell(), title, question, "",
                v -> v.isBlank() ? NLS.bind(Messages.Field_required, Messages.Field_reason) : null);
        return dialog.open() == Window.OK ? Optional.of(dialog.getValue().strip()) : Optional.empty();
    }

    private long id() {
        return editor.contract().getId();
    }

    public Job submit() {
        return run(Messages.Step_submit, () -> service().submitForApproval(id()));
    }

    /** Approves or rejects; the model decides whether through the workflow's pending request or as the contract's own decision. */
    public Job decide(boolean approved, String comment) {
        return run(approved ? Messages.Step_approve : Messages.Step_reject, () -> service().decideApproval(id(), approved, comment));
    }

    public Job withdraw() {
        return run(Messages.Step_withdraw, () -> service().withdrawFromApproval(id(), Messages.Step_withdrawNote));
    }

    public Job sign(LocalDate on) {
        return run(Messages.Step_sign, () -> service().sign(id(), on));
    }

    public Job activate() {
        return run(Messages.Step_activate, () -> service().activate(id()));
    }

    public Job complete() {
        return run(Messages.Step_complete, () -> service().complete(id()));
    }

    public Job terminate(String reason) {
        return run(Messages.Step_terminate, () -> service().terminate(id(), reason));
    }

    public Job expire() {
        return run(Messages.Step_expire, () -> service().expire(id()));
    }

    public Job cancel(String reason) {
        return run(Messages.Step_cancel, () -> service().cancel(id(), reason));
    }

    /** The statuses the model renews from ({@link ContractService#renew}). */
    private static final java.util.Set<ContractStatus> RENEWABLE = java.util.EnumSet.of(ContractStatus.SIGNED, ContractStatus.ACTIVE,
            ContractStatus.COMPLETED, ContractStatus.EXPIRED);

    /**
     * The model makes the renewal opportunity (customer, amount, owner, the lines in a draft quote, closing on the end
     * date; refused with the reason while one exists); the form names it.
     */
    public Job renew() {
        return Jobs.load(approvalText, Messages.Step_renew, () -> service().createRenewalOpportunity(id()), deal -> {
            editor.reload();
            getManagedForm().getForm().setMessage(NLS.bind(Messages.Step_renewDone, deal.getName(), Formats.date(deal.getExpectedCloseDate())),
                    IMessageProvider.INFORMATION);
        }, e -> errorReporter.accept(Jobs.message(e)));
    }

    /** The model makes the next contract as a draft; the editor opens on it. */
    public Job nextContract() {
        return Jobs.load(approvalText, Messages.Step_nextContract, () -> service().renew(id()), next -> {
            editor.reload();
            ContractCommands.open(getSite().getPage(), next, errorReporter);
        }, e -> errorReporter.accept(Jobs.message(e)));
    }

    /** Moves the contract to the recycle bin and closes the editor; unsaved edits are dropped with it. */
    public Job delete() {
        long id = id();
        return Jobs.load(approvalText, Messages.Step_delete, () -> {
            service().delete(id);
            return id;
        }, done -> getSite().getPage().closeEditor(editor, false), e -> errorReporter.accept(Jobs.message(e)));
    }

    private Optional<Path> choosePdf() {
        org.eclipse.swt.widgets.FileDialog dialog = new org.eclipse.swt.widgets.FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setText(Messages.Step_print);
        dialog.setFilterExtensions(new String[] { "*.pdf" }); //$NON-NLS-1$
        dialog.setFilterNames(new String[] { Messages.Step_printFilter });
        dialog.setFileName(editor.contract().getNumber() + ".pdf"); //$NON-NLS-1$
        dialog.setOverwrite(true);
        return Optional.ofNullable(dialog.open()).map(Path::of);
    }

    /**
     * Renders the contract's document (the template in use for the user's language) to {@code target} through the model's
     * {@link ContractDocuments}; the form says where it went.
     */
    public Job print(Path target) {
        long id = id();
        String number = editor.contract().getNumber();
        return Jobs.load(approvalText, Messages.Step_print, () -> {
            try {
                Services.get(ContractDocuments.class).renderPdf(id, null, target);
            } catch (DocumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return target;
        }, done -> getManagedForm().getForm().setMessage(NLS.bind(Messages.Step_printDone, number, done), IMessageProvider.INFORMATION),
                e -> errorReporter.accept(Jobs.message(e)));
    }

    private ContractService service() {
        return Services.get(ContractService.class);
    }

    /** Runs a step in a job; afterwards the editor reads the contract again. Unsaved edits are saved first. */
    private Job run(String name, Supplier<Contract> step) {
        if (editor.hasChanges()) {
            if (!editor.isDirty()) {
                errorReporter.accept(String.join("\n", editor.errors().values()));
                return null;
            }
            editor.doSave(new org.eclipse.core.runtime.NullProgressMonitor());
        }
        return Jobs.load(approvalText, name, step::get, done -> editor.reload(), e -> errorReporter.accept(Jobs.message(e)));
    }

    private void showError(String message) {
        MessageDialog.openError(getSite().getShell(), editor.contract().getNumber(), message);
    }

    public void setErrorReporter(Consumer<String> reporter) {
        this.errorReporter = reporter;
    }

    /** The step buttons by key, for tests. */
    Map<String, Button> steps() {
        return steps;
    }

    String approvalText() {
        return approvalText.getText();
    }

    @Override
    protected String securityEntity() {
        return Contract.ENTITY;
    }
}
