package org.salesbench.audit.ui.internal;

import java.util.function.LongSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.audit.ui.AuditHistoryPage;
import org.salesbench.ui.forms.RecordPageFactory;

/**
 * The History page of every record editor and the History tab of every record dialog, contributed once to
 * {@code org.salesbench.ui.recordPages}: the same {@link HistoryTable} in both.
 */
public class HistoryPageFactory implements RecordPageFactory {

    @Override
    public IFormPage createPage(FormEditor editor, String id, String label, String entity, LongSupplier recordId) {
        return new AuditHistoryPage(editor, id, label, entity, recordId);
    }

    @Override
    public Control createTab(Composite parent, String entity, LongSupplier recordId) {
        Composite tab = new Composite(parent, SWT.NONE);
        tab.setLayout(new GridLayout(1, false));
        Label message = new Label(tab, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        HistoryTable history = new HistoryTable(tab);
        long id = recordId.getAsLong();
        if (id <= 0) {
            message.setText(Messages.History_notSaved);
        } else {
            history.load(entity, id, error -> {
                if (!message.isDisposed()) {
                    message.setText(error == null ? "" : error);
                    ((GridData) message.getLayoutData()).exclude = error == null;
                    message.setVisible(error != null);
                    tab.layout(true, true);
                }
            });
        }
        return tab;
    }
}
