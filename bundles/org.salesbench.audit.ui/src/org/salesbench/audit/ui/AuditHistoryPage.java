package org.salesbench.audit.ui;

import java.util.List;
import java.util.function.LongSupplier;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.salesbench.audit.AuditEntry;
import org.salesbench.audit.AuditTrail;
import org.salesbench.audit.ui.internal.AuditColumns;
import org.salesbench.audit.ui.internal.Messages;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;

/**
 * The change history of the record a form editor shows, newest first: field, old and new value, who, when, from which
 * client. One page for every record editor: a module contributes it to its editor's page extension point with a small
 * factory that names the entity and the record, e.g. {@code new AuditHistoryPage(editor, id, label, Customer.ENTITY,
 * () -> editor.entity().getId())}. The history is read again each time the page is shown, so a save shows at once.
 */
public class AuditHistoryPage extends FormPage {

    private final String entity;
    private final LongSupplier recordId;
    private TableViewer viewer;

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
        viewer = Tables.create(body);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.column(viewer, AuditEntry.class, Messages.Column_when, 140, AuditColumns::when);
        Tables.column(viewer, AuditEntry.class, Messages.Column_event, 80, AuditColumns::event);
        Tables.column(viewer, AuditEntry.class, Messages.Column_field, 120, AuditColumns::field);
        Tables.column(viewer, AuditEntry.class, Messages.Column_oldValue, 160, e -> AuditColumns.value(e.oldValue()));
        Tables.column(viewer, AuditEntry.class, Messages.Column_newValue, 160, e -> AuditColumns.value(e.newValue()));
        Tables.column(viewer, AuditEntry.class, Messages.Column_user, 100, AuditEntry::user);
        Tables.column(viewer, AuditEntry.class, Messages.Column_client, 140, AuditColumns::client);
        refresh();
    }

    @Override
    public void setActive(boolean active) {
        super.setActive(active);
        if (active && viewer != null) {
            refresh();
        }
    }

    /** Reads the history again. */
    public void refresh() {
        long id = recordId.getAsLong();
        if (id <= 0) {
            viewer.setInput(List.of());
            getManagedForm().getForm().setMessage(Messages.History_notSaved, IMessageProvider.INFORMATION);
            return;
        }
        Jobs.load(viewer.getTable(), Messages.Job_loadHistory, () -> Services.get(AuditTrail.class).history(entity, id), entries -> {
            getManagedForm().getForm().setMessage(null, IMessageProvider.NONE);
            viewer.setInput(entries);
        }, e -> getManagedForm().getForm().setMessage(Jobs.message(e), IMessageProvider.ERROR));
    }

    /** The table of entries, for tests. */
    public Table table() {
        return viewer == null ? null : viewer.getTable();
    }
}
