package org.salesbench.ui.forms;

import java.util.function.LongSupplier;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;

/**
 * Makes a page that every record editor shows, whatever its module: contributed once under
 * {@code org.salesbench.ui.recordPages} and added by {@link EntityFormEditor} to each editor that names its record's
 * entity ({@link EntityFormEditor#recordEntity()}), after the editor's own pages. The audit trail's History is one.
 * A record shown in a dialog rather than an editor (a quote, a receipt) gets the same content as a tab of the dialog
 * ({@link #createTab}, added by {@link RecordTabs}).
 */
public interface RecordPageFactory {

    /**
     * @param entity   the entity name of the edited record, e.g. {@code customer}
     * @param recordId the record's id as the editor now shows it; 0 or less while the record is not saved
     * @return the page, or {@code null} for none on this editor
     */
    IFormPage createPage(FormEditor editor, String id, String label, String entity, LongSupplier recordId);

    /**
     * The same content as a tab of a dialog that shows one record (a quote, a receipt), after the dialog's own tabs.
     *
     * @param parent   the tab's parent (the dialog's tab folder); the control returned is made in it
     * @param entity   the entity name of the shown record, e.g. {@code contract_receipt}
     * @param recordId the record's id; 0 or less while the record is not saved
     * @return the tab's control, or {@code null} for no tab in dialogs (the default)
     */
    default Control createTab(Composite parent, String entity, LongSupplier recordId) {
        return null;
    }
}
