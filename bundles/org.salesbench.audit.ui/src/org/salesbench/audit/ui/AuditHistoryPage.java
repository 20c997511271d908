package org.salesbench.audit.ui;

import java.util.function.LongSupplier;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.salesbench.audit.ui.internal.HistoryTable;
import org.salesbench.audit.ui.internal.Messages;

/**
 * The change history of the record a form editor shows ({@link HistoryTable}: when, event, field, old and new value, who,
 * client, details; newest first, sortable). Every record editor shows it, one way: this bundle contributes it to
 * {@code org.salesbench.ui.recordPages}, so an editor that names its record's entity
 * ({@code EntityFormEditor.recordEntity()}) gets it after its own pages. The history is read again each time the page
 * is shown, so a save shows at once.
 */
public class AuditHistoryPage extends FormPage {

    /** The page's id in every editor. */
    public static final String ID = "org.salesbench.audit.ui.history";

    private final String entity;
    private final LongSupplier recordId;
    private HistoryTable history;

    /**
     * @param entity   the entity name the history is kept under, e.g. {@code customer}
     * @param recordId the shown record's id; 0 or less while the record is not saved yet
     */
    public AuditHistoryPage(FormEditor editor, String id, String label, String entity, LongSupplier recordId) {
        super(editor, id, label);
        this.entity = entity;
        this.recordId = recordId;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        managedForm.getForm().setText(getTitle());
        managedForm.getToolkit().decorateFormHeading(managedForm.getForm().getForm());
        var body = managedForm.getForm().getBody();
        body.setLayout(new GridLayout(1, false));
        history = new HistoryTable(body);
        refresh();
    }

    @Override
    public void setActive(boolean active) {
        super.setActive(active);
        if (active && history != null) {
            refresh();
        }
    }

    /** Reads the history again. */
    public void refresh() {
        long id = recordId.getAsLong();
        if (id <= 0) {
            history.clear();
            getManagedForm().getForm().setMessage(Messages.History_notSaved, IMessageProvider.INFORMATION);
            return;
        }
        history.load(entity, id, error -> getManagedForm().getForm().setMessage(error, error == null ? IMessageProvider.NONE : IMessageProvider.ERROR));
    }

    /** The table of entries, for tests. */
    public Table table() {
        return history == null ? null : history.table();
    }
}
