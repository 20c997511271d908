package org.salesbench.audit.ui.internal;

import java.util.function.LongSupplier;

import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.audit.ui.AuditHistoryPage;
import org.salesbench.ui.forms.RecordPageFactory;

/** The History page of every record editor, contributed once to {@code org.salesbench.ui.recordPages}. */
public class HistoryPageFactory implements RecordPageFactory {

    @Override
    public IFormPage createPage(FormEditor editor, String id, String label, String entity, LongSupplier recordId) {
        return new AuditHistoryPage(editor, id, label, entity, recordId);
    }
}
