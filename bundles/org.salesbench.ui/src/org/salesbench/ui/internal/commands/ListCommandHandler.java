package org.salesbench.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.salesbench.ui.forms.ListCommands;

/**
 * Delete, Copy, Select All, Refresh and New… (Edit and File menus, their keys, Quick Access) in a list: plugin.xml
 * makes it active while a {@link ListCommands} part is. While the list's search box or a filter field has the focus,
 * Copy and Select All act on that field's text and Delete does nothing: the Delete key deletes a character there, never
 * the selected records.
 */
public class ListCommandHandler extends AbstractHandler implements IExecutableExtension {

    enum Kind {
        DELETE, COPY, SELECT_ALL, REFRESH, NEW
    }

    /** The parameter of {@code org.eclipse.ui.newWizard} naming the wizard to open. */
    private static final String NEW_WIZARD_ID = "newWizardId";

    private Kind kind = Kind.REFRESH;

    @Override
    public void setInitializationData(IConfigurationElement config, String propertyName, Object data) throws CoreException {
        if (data instanceof String name) {
            kind = Kind.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    @Override
    public void setEnabled(Object evaluationContext) {
        Object part = HandlerUtil.getVariable(evaluationContext, ISources.ACTIVE_PART_NAME);
        setBaseEnabled(part instanceof ListCommands list && enabled(list));
    }

    private boolean enabled(ListCommands list) {
        return switch (kind) {
            case DELETE -> editing() != null || list.canDeleteSelection();
            case COPY -> editing() != null || list.canCopySelection();
            case NEW -> list.canCreate();
            case SELECT_ALL, REFRESH -> true;
        };
    }

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        if (!(part instanceof ListCommands list)) {
            return null;
        }
        Control field = editing();
        switch (kind) {
            case DELETE -> {
                if (field == null && list.canDeleteSelection()) {
                    list.deleteSelection();
                }
            }
            case COPY -> {
                if (field instanceof Text text) {
                    text.copy();
                } else if (field instanceof Combo combo) {
                    combo.copy();
                } else {
                    list.copySelection();
                }
            }
            case SELECT_ALL -> {
                if (field instanceof Text text) {
                    text.selectAll();
                } else if (field instanceof Combo combo) {
                    combo.setSelection(new org.eclipse.swt.graphics.Point(0, combo.getText().length()));
                } else {
                    list.selectAllRows();
                }
            }
            case REFRESH -> list.refresh();
            case NEW -> {
                String wizard = event.getParameter(NEW_WIZARD_ID);
                if (wizard != null) { // File › New › a given wizard, while a list is active: that wizard
                    NewWizards.open(part.getSite().getWorkbenchWindow(), wizard);
                } else if (list.canCreate()) {
                    list.create();
                }
            }
        }
        return null;
    }

    /** The text field or editable combo that has the focus, if one has. */
    private static Control editing() {
        Display display = Display.getCurrent();
        Control focus = display == null ? null : display.getFocusControl();
        return focus instanceof Text || (focus instanceof Combo combo && (combo.getStyle() & org.eclipse.swt.SWT.READ_ONLY) == 0)
                ? focus : null;
    }
}
