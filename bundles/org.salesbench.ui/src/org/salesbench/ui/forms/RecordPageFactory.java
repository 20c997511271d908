package org.salesbench.ui.forms;

import java.util.function.LongSupplier;

import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;

/**
 * Makes a page that every record editor shows, whatever its module: contributed once under
 * {@code org.salesbench.ui.recordPages} and added by {@link EntityFormEditor} to each editor that names its record's
 * entity ({@link EntityFormEditor#recordEntity()}), after the editor's own pages. The audit trail's History is one.
 */
public interface RecordPageFactory {

    /**
     * @param entity   the entity name of the edited record, e.g. {@code customer}
     * @param recordId the record's id as the editor now shows it; 0 or less while the record is not saved
     * @return the page, or {@code null} for none on this editor
     */
    IFormPage createPage(FormEditor editor, String id, String label, String entity, LongSupplier recordId);
}
