package org.salesbench.workflow.ui.internal.approvals;

import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalService;

/**
 * Approval definitions: when records need approval and who approves, each with its steps. Administrators (those the
 * users module grants the rights on approval definitions) make, edit and delete them in {@link DefinitionDialog}; the
 * others see them read-only, with a line saying why.
 */
public class DefinitionsView extends ViewPart {

    public static final String ID = "org.salesbench.workflow.ui.views.approvalDefinitions"; //$NON-NLS-1$

    private ApprovalService service;
    private TableViewer table;
    private Button create;
    private Button edit;
    private Button delete;
    private Label readOnly;
    private boolean mayEdit;

    @Override
    public void createPartControl(Composite parent) {
        service = Services.get(ApprovalService.class);
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(body, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        create = button(bar, Messages.Definitions_new, () -> openEditor(null));
        edit = button(bar, Messages.Definitions_edit, () -> openEditor(selected()));
        delete = button(bar, Messages.Definitions_delete, this::deleteSelected);
        button(bar, Messages.Action_refresh, this::reload);
        readOnly = new Label(body, SWT.WRAP);
        readOnly.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table = Tables.create(body);
        table.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.column(table, ApprovalDefinition.class, Messages.Definition_name, 200, ApprovalDefinition::getName);
        Tables.column(table, ApprovalDefinition.class, Messages.Definition_entity, 90, d -> Labels.entity(d.getEntityType()));
        Tables.column(table, ApprovalDefinition.class, Messages.Definition_condition, 180, ApprovalDefinition::conditionText);
        Tables.column(table, ApprovalDefinition.class, Messages.Definition_priority, 60, d -> String.valueOf(d.getPriority()));
        Tables.column(table, ApprovalDefinition.class, Messages.Definition_active, 60, d -> d.isActive() ? Messages.Definitions_yes : Messages.Definitions_no);
        Tables.column(table, ApprovalDefinition.class, Messages.Definition_steps, 400, DefinitionsView::stepsText);
        table.addSelectionChangedListener(e -> updateButtons());
        table.addDoubleClickListener(e -> {
            if (mayEdit) {
                openEditor(selected());
            }
        });
        getSite().setSelectionProvider(table);
        reload();
    }

    static String stepsText(ApprovalDefinition d) {
        return String.join(" → ", d.getSteps().stream().map(s -> s.getName() + " (" + DefinitionDialog.approversText(s) + ")").toList());
    }

    private static Button button(Composite bar, String label, Runnable action) {
        Button button = new Button(bar, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    /** Reads the definitions and the user's right to change them, off the UI thread. */
    public void reload() {
        record Loaded(List<ApprovalDefinition> definitions, boolean mayEdit) {
        }
        Jobs.load(table.getControl(), Messages.Job_load, () -> new Loaded(service.definitions(), service.mayEditDefinitions()), loaded -> {
            mayEdit = loaded.mayEdit();
            readOnly.setText(mayEdit ? "" : Messages.Definitions_readOnly);
            readOnly.getParent().layout();
            table.setInput(loaded.definitions());
            updateButtons();
        }, this::showFailure);
        updateButtons();
    }

    private void showFailure(RuntimeException e) {
        MessageDialog.openError(getSite().getShell(), Messages.Definitions_failed, Jobs.message(e));
    }

    private void updateButtons() {
        if (create == null || create.isDisposed()) {
            return;
        }
        create.setEnabled(mayEdit);
        edit.setEnabled(mayEdit && selected() != null);
        delete.setEnabled(mayEdit && selected() != null);
    }

    private ApprovalDefinition selected() {
        return (ApprovalDefinition) ((IStructuredSelection) table.getSelection()).getFirstElement();
    }

    private void openEditor(ApprovalDefinition definition) {
        ApprovalDefinition fresh = definition == null ? null : service.findDefinition(definition.getId()).orElse(null);
        if (new DefinitionDialog(getSite().getShell(), service, fresh).open() == Window.OK) {
            reload();
        }
    }

    private void deleteSelected() {
        ApprovalDefinition definition = selected();
        if (definition != null && MessageDialog.openConfirm(getSite().getShell(), Messages.Definitions_deleteTitle,
                NLS.bind(Messages.Definitions_deleteQuestion, definition.getName()))) {
            try {
                service.deleteDefinition(definition.getId());
            } catch (RuntimeException e) {
                showFailure(e);
            }
            reload();
        }
    }

    /** The definitions table (for tests). */
    TableViewer table() {
        return table;
    }

    @Override
    public void setFocus() {
        table.getControl().setFocus();
    }
}
