package org.salesbench.contracts.ui.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.PlanAmendment;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.TablePages;
import org.salesbench.ui.forms.Tables;

/**
 * The contract's payment plan: the instalments as stored (paid and open), and a plan being edited (add, edit, remove,
 * generate N monthly instalments) that Save plan hands to {@link ReceivablesService#setPlan}, which checks that it adds
 * up to the contract amount to the cent; after signing it asks for the amendment's reason. Edit › Show History names
 * the selected stored instalment.
 */
public class PaymentPlanPage extends ContractRecordsPage implements org.salesbench.ui.forms.RecordSelection {

    public static final String ID = "org.salesbench.contracts.ui.editor.plan";

    /** A row of the plan: stored ({@code stored} set) or being edited. */
    public record PlanRow(PlannedInstalment planned, Instalment stored) {
    }

    private TableViewer viewer;
    private Label status;
    private Button add;
    private Button edit;
    private Button remove;
    private Button generate;
    private Button save;
    private Button discard;
    private final List<PlanRow> rows = new ArrayList<>();
    private boolean editing;
    private List<PlanAmendment> amendments = List.of();

    public PaymentPlanPage(ContractEditor editor) {
        super(editor, ID, Messages.Page_plan);
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        FormToolkit toolkit = managedForm.getToolkit();
        Composite body = TablePages.body(managedForm, getTitle());
        status = TablePages.statusLine(managedForm, body);
        Composite buttons = TablePages.buttonRow(managedForm, body);
        add = toolkit.createButton(buttons, Messages.Plan_add, SWT.PUSH);
        add.addListener(SWT.Selection, e -> addInstalment());
        edit = toolkit.createButton(buttons, Messages.Plan_edit, SWT.PUSH);
        edit.addListener(SWT.Selection, e -> editSelected());
        remove = toolkit.createButton(buttons, Messages.Plan_remove, SWT.PUSH);
        remove.addListener(SWT.Selection, e -> removeSelected());
        generate = toolkit.createButton(buttons, Messages.Plan_generate, SWT.PUSH);
        generate.addListener(SWT.Selection, e -> askGenerate());
        save = toolkit.createButton(buttons, Messages.Plan_save, SWT.PUSH);
        save.addListener(SWT.Selection, e -> savePlan());
        discard = toolkit.createButton(buttons, Messages.Plan_discard, SWT.PUSH);
        discard.addListener(SWT.Selection, e -> reload(editor.contract()));
        viewer = TablePages.table(body);
        Tables.column(viewer, PlanRow.class, "#", 40, r -> r.stored() == null ? "*" : String.valueOf(r.stored().getPosition()));
        Tables.column(viewer, PlanRow.class, Messages.Field_dueDate, 110, r -> Formats.date(r.planned().dueDate()));
        Tables.column(viewer, PlanRow.class, Messages.Field_amount, 120,
                r -> r.stored() != null ? Labels.money(r.stored().getAmount()) : r.planned().amount() == null ? "" : Labels.money(r.planned().amount()));
        Tables.column(viewer, PlanRow.class, Messages.Instalment_percent, 70,
                r -> r.planned().percent() == null ? "" : r.planned().percent().stripTrailingZeros().toPlainString() + "%");
        Tables.column(viewer, PlanRow.class, Messages.Field_collected, 120, r -> r.stored() == null ? "" : Labels.money(r.stored().getPaid()));
        Tables.column(viewer, PlanRow.class, Messages.Field_open, 120, r -> r.stored() == null ? "" : Labels.money(r.stored().getOpen()));
        Tables.column(viewer, PlanRow.class, Messages.Field_description, 200, r -> Formats.text(r.planned().description()));
        viewer.addSelectionChangedListener(e -> updateButtons());
        viewer.addDoubleClickListener(e -> editSelected());
        reload(editor.contract());
    }

    @Override
    public void reload(Contract contract) {
        if (viewer == null || viewer.getTable().isDisposed()) {
            return;
        }
        long id = contract.getId();
        record Loaded(List<Instalment> plan, List<PlanAmendment> amendments) {
        }
        Jobs.load(viewer.getTable(), Messages.Job_loadPlan, () -> {
            ReceivablesService service = Services.get(ReceivablesService.class);
            return new Loaded(service.plan(id), service.amendments(id));
        }, loaded -> {
            rows.clear();
            loaded.plan().forEach(i -> rows.add(new PlanRow(
                    new PlannedInstalment(i.getDueDate(), i.getPercent() == null ? i.getAmount() : null, i.getPercent(), i.getDescription()), i)));
            amendments = loaded.amendments();
            editing = false;
            show();
        }, e -> status.setText(Jobs.message(e)));
    }

    private void show() {
        viewer.setInput(new ArrayList<>(rows));
        Contract c = editor.contract();
        String text = editing ? Messages.Plan_unsaved
                : rows.isEmpty() ? Messages.Plan_none : NLS.bind(Messages.Plan_count, rows.size(), Labels.money(c.getAmount()));
        if (!amendments.isEmpty()) {
            text += " " + NLS.bind(Messages.Plan_amendments, amendments.size());
        }
        status.setText(text);
        status.getParent().layout(true, true);
        updateButtons();
    }

    /** Whether the plan may still change: before signing freely, afterwards by amendment, not once the contract is over. */
    private boolean changeable() {
        ContractStatus s = editor.contract().getStatus();
        return !s.isFinal();
    }

    private void updateButtons() {
        boolean open = changeable();
        boolean selected = selectedIndex() >= 0;
        add.setEnabled(open);
        generate.setEnabled(open);
        edit.setEnabled(open && selected);
        remove.setEnabled(open && selected);
        save.setEnabled(open && editing);
        discard.setEnabled(editing);
    }

    private int selectedIndex() {
        return viewer.getTable().getSelectionIndex();
    }

    private void changed() {
        // once edited, every row is an entry of the new plan (what receipts paid is written off again when it is saved)
        rows.replaceAll(r -> new PlanRow(r.planned(), null));
        editing = true;
        show();
    }

    /** Adds an instalment to the plan being edited. */
    public void add(PlannedInstalment instalment) {
        rows.add(new PlanRow(instalment, null));
        rows.sort(java.util.Comparator.comparing(r -> r.planned().dueDate()));
        changed();
    }

    private void addInstalment() {
        InstalmentDialog dialog = new InstalmentDialog(getSite().getShell(), editor.contract().getCurrency(), null);
        if (dialog.open() == Window.OK) {
            add(dialog.result());
        }
    }

    private void editSelected() {
        int index = selectedIndex();
        if (index < 0 || !changeable()) {
            return;
        }
        InstalmentDialog dialog = new InstalmentDialog(getSite().getShell(), editor.contract().getCurrency(), rows.get(index).planned());
        if (dialog.open() == Window.OK) {
            rows.set(index, new PlanRow(dialog.result(), null));
            rows.sort(java.util.Comparator.comparing(r -> r.planned().dueDate()));
            changed();
        }
    }

    private void removeSelected() {
        int index = selectedIndex();
        if (index >= 0) {
            rows.remove(index);
            changed();
        }
    }

    private void askGenerate() {
        InputDialog dialog = new InputDialog(getSite().getShell(), Messages.Plan_generate, Messages.Plan_generateHow, "3", v -> {
            try {
                int n = Integer.parseInt(v.strip());
                return n >= 1 && n <= 120 ? null : Messages.Plan_generateRange;
            } catch (NumberFormatException e) {
                return Messages.Plan_generateRange;
            }
        });
        if (dialog.open() == Window.OK) {
            generate(Integer.parseInt(dialog.getValue().strip()));
        }
    }

    /**
     * Replaces the plan being edited by {@code count} equal percentages, one a month after the start date (today when
     * there is none); the last takes what the others leave of 100%, and the model rounds them to the cent.
     */
    public void generate(int count) {
        LocalDate start = editor.contract().getStartDate() != null ? editor.contract().getStartDate() : LocalDate.now(Clocks.system());
        BigDecimal share = new BigDecimal(100).divide(BigDecimal.valueOf(count), 4, RoundingMode.DOWN);
        rows.clear();
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 1; i <= count; i++) {
            BigDecimal percent = i == count ? new BigDecimal(100).subtract(given) : share;
            given = given.add(percent);
            rows.add(new PlanRow(new PlannedInstalment(start.plusMonths(i), null, percent, null), null));
        }
        changed();
    }

    private void savePlan() {
        String reason = null;
        ContractStatus s = editor.contract().getStatus();
        if (s == ContractStatus.SIGNED || s == ContractStatus.ACTIVE) {
            InputDialog dialog = new InputDialog(getSite().getShell(), Messages.Plan_save, Messages.Plan_amendWhy, "",
                    v -> v.isBlank() ? NLS.bind(Messages.Field_required, Messages.Field_reason) : null);
            if (dialog.open() != Window.OK) {
                return;
            }
            reason = dialog.getValue().strip();
        }
        save(reason);
    }

    /** Hands the plan being edited to the model; it is refused with the reason when it does not add up. */
    public Job save(String reason) {
        long id = editor.contract().getId();
        List<PlannedInstalment> plan = rows.stream().map(PlanRow::planned).toList();
        return Jobs.load(viewer.getTable(), Messages.Plan_save, () -> Services.get(ReceivablesService.class).setPlan(id, plan, reason),
                saved -> editor.reload(), this::reportFailure);
    }




    /** Selects the row at {@code index} as a user's click would (tests). */
    void select(int index) {
        viewer.getTable().setSelection(index);
        updateButtons();
    }

    /**
     * Edit › Show History on the selected instalment as stored; a row of a plan being edited is no record yet (none
     * then).
     */
    @Override
    public java.util.Optional<org.salesbench.ui.forms.SelectedRecord> selectedRecord() {
        if (viewer == null || viewer.getTable().isDisposed() || !(viewer.getStructuredSelection().getFirstElement() instanceof PlanRow row)
                || row.stored() == null) {
            return java.util.Optional.empty();
        }
        Instalment i = row.stored();
        return java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(ReceivablesService.INSTALMENT_AUDIT_ENTITY, i.getId(),
                NLS.bind(Messages.Plan_rowName, new Object[] {editor.contract().getNumber(), i.getPosition(), Formats.date(i.getDueDate())})));
    }

    /** The rows shown, for tests. */
    public List<PlanRow> rows() {
        return List.copyOf(rows);
    }

    boolean isEditing() {
        return editing;
    }

    String statusText() {
        return status.getText();
    }
}
