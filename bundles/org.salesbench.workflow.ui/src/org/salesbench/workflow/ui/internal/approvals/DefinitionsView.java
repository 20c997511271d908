package org.salesbench.workflow.ui.internal.approvals;

import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
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
import org.salesbench.ui.forms.GridCommands;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.approvals.DefinitionSort;

/**
 * Approval definitions: when records need approval and who approves, each with its steps. Administrators (those the
 * users module grants the rights on approval definitions) make, edit and delete them in {@link DefinitionDialog}; the
 * others see them read-only, with a line saying why. The definitions are a grid read whole ({@link VirtualGrid}): a
 * click on a column header sorts them in the database ({@link DefinitionSort}; the condition and the steps are text and
 * do not sort), columns hide, show and move, the layout is kept per user; Edit › Copy, Select All, Delete, File › New…
 * and Refresh reach it.
 */
public class DefinitionsView extends ViewPart implements GridCommands<ApprovalDefinition> {

    public static final String ID = "org.salesbench.workflow.ui.views.approvalDefinitions"; //$NON-NLS-1$

    private ApprovalService service;
    private VirtualGrid<ApprovalDefinition> table;
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
        table = VirtualGrid.readWhole(body, ID, List.of(
                VirtualGrid.Column.<ApprovalDefinition>of("name", Messages.Definition_name, 200, ApprovalDefinition::getName)
                        .sortBy(DefinitionSort.Column.NAME),
                VirtualGrid.Column.<ApprovalDefinition>of("entity", Messages.Definition_entity, 90, d -> Labels.entity(d.getEntityType()))
                        .sortBy(DefinitionSort.Column.ENTITY),
                VirtualGrid.Column.<ApprovalDefinition>of("condition", Messages.Definition_condition, 180, ApprovalDefinition::conditionText),
                VirtualGrid.Column.<ApprovalDefinition>of("priority", Messages.Definition_priority, 60, d -> String.valueOf(d.getPriority()))
                        .right().sortBy(DefinitionSort.Column.PRIORITY),
                VirtualGrid.Column.<ApprovalDefinition>of("active", Messages.Definition_active, 60,
                        d -> d.isActive() ? Messages.Definitions_yes : Messages.Definitions_no).sortBy(DefinitionSort.Column.ACTIVE),
                VirtualGrid.Column.<ApprovalDefinition>of("steps", Messages.Definition_steps, 400, DefinitionsView::stepsText)),
                Messages.Job_load, Jobs.FAMILY, Messages.Panel_loading);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.restoreLayout();
        table.rows().onFailure(this::showFailure);
        table.onSelection(this::updateButtons);
        table.onSort(this::reload);
        table.onOpen(d -> {
            if (mayEdit) {
                openEditor(d);
            }
        });
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
        DefinitionSort sort = table.sortKey() instanceof DefinitionSort.Column column ? new DefinitionSort(column, table.ascending()) : null;
        Long keep = selected() == null ? null : selected().getId();
        boolean[] may = new boolean[1];
        table.load(() -> {
            may[0] = service.mayEditDefinitions();
            return sort == null ? service.definitions() : service.definitions(sort);
        }, definitions -> {
            mayEdit = may[0];
            readOnly.setText(mayEdit ? "" : Messages.Definitions_readOnly);
            readOnly.getParent().layout();
            if (keep != null) {
                table.selectWhere(d -> d.getId().equals(keep));
            }
            updateButtons();
        });
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
        return table.control().isDisposed() ? null : table.selectedRow();
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

    /** The definitions' grid (for tests). */
    VirtualGrid<ApprovalDefinition> table() {
        return table;
    }

    /** The definitions shown, in the order shown (for tests). */
    List<ApprovalDefinition> shownDefinitions() {
        return table.rows().loaded();
    }

    // --- the Edit and File menus' commands

    @Override
    public VirtualGrid<ApprovalDefinition> commandGrid() {
        return table;
    }

    @Override
    public void refresh() {
        reload();
    }

    @Override
    public boolean canDeleteSelection() {
        return mayEdit && selected() != null;
    }

    @Override
    public void deleteSelection() {
        deleteSelected();
    }

    @Override
    public boolean canCreate() {
        return mayEdit;
    }

    @Override
    public void create() {
        openEditor(null);
    }

    @Override
    public void setFocus() {
        table.control().setFocus();
    }
}
