package org.salesbench.ui.forms;

import java.util.Optional;

import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.forms.editor.FormEditor;

/**
 * A list, a view or a page of a form editor, that says which record is selected, for the commands about any record
 * (Edit › Show History). The recycle bin is one: a deleted record's history stays reachable there.
 */
public interface RecordSelection {

    /** The one selected record, or empty when none (or several) is. */
    Optional<SelectedRecord> selectedRecord();

    /** The record selection of a workbench part: the part itself, or the page a form editor shows. */
    static Optional<RecordSelection> of(IWorkbenchPart part) {
        if (part instanceof RecordSelection selection) {
            return Optional.of(selection);
        }
        if (part instanceof FormEditor editor && editor.getActivePageInstance() instanceof RecordSelection selection) {
            return Optional.of(selection);
        }
        return Optional.empty();
    }

    /** The record selected in a workbench part, or empty. */
    static Optional<SelectedRecord> selectedIn(IWorkbenchPart part) {
        return of(part).flatMap(RecordSelection::selectedRecord);
    }
}
