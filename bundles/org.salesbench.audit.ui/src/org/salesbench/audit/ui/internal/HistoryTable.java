package org.salesbench.audit.ui.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.salesbench.audit.AuditEntry;
import org.salesbench.audit.AuditTrail;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;

/**
 * The table of one record's history, the same in every record editor's History page and in the Show History dialog:
 * when (the server's clock), the event, the field's label in the user's language, old and new value, who, from which
 * client, and the details of an event that is no field change (an export's filter, a merge, a claim from the pool).
 * Newest first; a click on a header sorts by that column.
 */
public final class HistoryTable {

    /** The columns' order. */
    public static final int WHEN = 0;
    public static final int DETAILS = 7;

    private final TableViewer viewer;

    public HistoryTable(Composite parent) {
        viewer = Tables.create(parent);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        AuditTrail trail = Services.get(AuditTrail.class);
        Tables.column(viewer, AuditEntry.class, Messages.Column_when, 170, AuditColumns::when);
        Tables.column(viewer, AuditEntry.class, Messages.Column_event, 80, AuditColumns::event);
        Tables.column(viewer, AuditEntry.class, Messages.Column_field, 130, e -> AuditColumns.field(trail, e));
        Tables.column(viewer, AuditEntry.class, Messages.Column_oldValue, 150, e -> AuditColumns.value(e.oldValue()));
        Tables.column(viewer, AuditEntry.class, Messages.Column_newValue, 150, e -> AuditColumns.value(e.newValue()));
        Tables.column(viewer, AuditEntry.class, Messages.Column_user, 100, AuditEntry::user);
        Tables.column(viewer, AuditEntry.class, Messages.Column_client, 160, AuditColumns::client);
        Tables.column(viewer, AuditEntry.class, Messages.Column_details, 260, e -> AuditColumns.value(e.details()));
        // the server's instant, then the order of writing (events of one transaction share their instant)
        Tables.sortable(viewer, AuditEntry.class, Map.of(WHEN, Comparator.comparing(AuditEntry::at).thenComparingLong(AuditEntry::id)), WHEN);
        viewer.setInput(List.of());
    }

    /**
     * Reads the history of the record {@code recordId} of {@code entity} in the background; {@code message} gets
     * {@code null} when it is shown, or the reason it could not be read.
     */
    public void load(String entity, long recordId, Consumer<String> message) {
        Jobs.load(viewer.getTable(), Messages.Job_loadHistory, () -> Services.get(AuditTrail.class).history(entity, recordId), entries -> {
            message.accept(null);
            viewer.setInput(entries);
        }, e -> message.accept(Jobs.message(e)));
    }

    public void clear() {
        viewer.setInput(List.of());
    }

    public Table table() {
        return viewer.getTable();
    }
}
