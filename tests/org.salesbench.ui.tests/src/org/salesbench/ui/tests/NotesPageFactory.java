package org.salesbench.ui.tests;

import java.util.function.LongSupplier;

import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.ui.forms.RecordPageFactory;

/** A page contributed to every record editor by this test fragment; it adds none (there is no record editor here). */
public class NotesPageFactory implements RecordPageFactory {

    @Override
    public IFormPage createPage(FormEditor editor, String id, String label, String entity, LongSupplier recordId) {
        return null;
    }
}
