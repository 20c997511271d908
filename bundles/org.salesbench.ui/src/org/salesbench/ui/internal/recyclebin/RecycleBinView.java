package org.salesbench.ui.internal.recyclebin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.salesbench.core.events.EventTopics;
import org.salesbench.core.recyclebin.DeletedRecord;
import org.salesbench.core.recyclebin.RecycleBin;
import org.salesbench.core.recyclebin.RecycleBinKind;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.ConflictDialog;

/**
 * The recycle bin: deleted records of every kind the installed modules contribute, who deleted them and when, with
 * Restore and Purge. It knows no kind of record; the {@link RecycleBin} service names them.
 */
public class RecycleBinView extends ViewPart implements org.salesbench.ui.forms.RecordSelection {

    public static final String ID = "org.salesbench.ui.views.recycleBin";

    /** Job family of every job this view runs (tests wait for it). */
    public static final Object FAMILY = RecycleBinView.class;

    /** At most this many rows: the bin is a place to find a recent mistake, not a report. */
    static final int LIMIT = 1000;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    private RecycleBin bin;
    private final Map<String, String> kindLabels = new LinkedHashMap<>();
    private Combo kindCombo;
    private Table table;
    private Button restoreButton;
    private Button purgeButton;
    private Label status;
    private List<DeletedRecord> shown = List.of();
    private ServiceRegistration<EventHandler> eventRegistration;

    @Override
    public void createPartControl(Composite parent) {
        bin = Services.get(RecycleBin.class);
        for (RecycleBinKind kind : bin.kinds()) {
            kindLabels.put(kind.entity(), kind.label());
        }
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);

        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        new Label(bar, SWT.NONE).setText(Messages.RecycleBin_kind);
        kindCombo = new Combo(bar, SWT.READ_ONLY);
        kindCombo.add(Messages.RecycleBin_allKinds);
        kindLabels.values().forEach(kindCombo::add);
        kindCombo.select(0);
        kindCombo.addListener(SWT.Selection, e -> refresh());
        Button refresh = new Button(bar, SWT.PUSH);
        refresh.setText(Messages.RecycleBin_refresh);
        refresh.addListener(SWT.Selection, e -> refresh());

        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        for (String title : List.of(Messages.RecycleBin_columnKind, Messages.RecycleBin_columnName, Messages.RecycleBin_columnOwner,
                Messages.RecycleBin_columnDeletedBy, Messages.RecycleBin_columnDeletedAt, Messages.RecycleBin_columnRestorableUntil)) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(title);
            column.setWidth(title.equals(Messages.RecycleBin_columnName) ? 240 : 130);
        }
        table.addListener(SWT.Selection, e -> enableButtons());

        Composite buttons = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(buttons);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(buttons);
        restoreButton = new Button(buttons, SWT.PUSH);
        restoreButton.setText(Messages.RecycleBin_restore);
        restoreButton.addListener(SWT.Selection, e -> restoreSelected());
        purgeButton = new Button(buttons, SWT.PUSH);
        purgeButton.setText(Messages.RecycleBin_purge);
        purgeButton.addListener(SWT.Selection, e -> purgeSelected());
        status = new Label(buttons, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        listenForDeletions();
        enableButtons();
        refresh();
    }

    /** Any record deleted, restored or changed anywhere may change what the bin holds. */
    private void listenForDeletions() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, EventTopics.ALL);
        Display display = Display.getCurrent();
        eventRegistration = FrameworkUtil.getBundle(RecycleBinView.class).getBundleContext().registerService(EventHandler.class,
                event -> display.asyncExec(() -> {
                    if (!table.isDisposed()) {
                        refresh();
                    }
                }), properties);
    }

    /** The Table, for tests. */
    public Table table() {
        return table;
    }

    /** The records the table shows, in its order. */
    public List<DeletedRecord> shown() {
        return shown;
    }

    private String selectedKind() {
        int index = kindCombo.getSelectionIndex();
        return index <= 0 ? null : new ArrayList<>(kindLabels.keySet()).get(index - 1);
    }

    public void refresh() {
        String kind = selectedKind();
        run(Messages.RecycleBin_loadJob, null, () -> {
            List<DeletedRecord> records = bin.deleted(kind, LIMIT);
            List<Instant> until = records.stream().map(bin::restorableUntil).toList();
            table.getDisplay().asyncExec(() -> show(records, until));
        });
    }

    private void show(List<DeletedRecord> records, List<Instant> until) {
        if (table.isDisposed()) {
            return;
        }
        table.removeAll();
        for (int i = 0; i < records.size(); i++) {
            DeletedRecord r = records.get(i);
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { kindLabels.getOrDefault(r.entity(), r.entity()), r.name(), r.owner(), r.deletedBy(),
                    WHEN.format(r.deletedAt()), WHEN.format(until.get(i)) });
        }
        shown = List.copyOf(records);
        status.setText(NLS.bind(Messages.RecycleBin_count, records.size()));
        status.getParent().layout();
        enableButtons();
    }

    private void enableButtons() {
        boolean selected = table.getSelectionIndex() >= 0 && table.getSelectionIndex() < shown.size();
        restoreButton.setEnabled(selected);
        purgeButton.setEnabled(selected);
    }

    private DeletedRecord selected() {
        int index = table.getSelectionIndex();
        return index < 0 || index >= shown.size() ? null : shown.get(index);
    }

    /** A deleted record's history stays reachable: Edit › Show History on the selected one. */
    @Override
    public java.util.Optional<org.salesbench.ui.forms.SelectedRecord> selectedRecord() {
        DeletedRecord record = table == null || table.isDisposed() ? null : selected();
        return record == null ? java.util.Optional.empty()
                : java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(record.entity(), record.id(), record.name()));
    }

    private void restoreSelected() {
        DeletedRecord record = selected();
        if (record != null) {
            run(Messages.RecycleBin_restoreJob, record.name(), () -> {
                bin.restore(record); // as shown: refused if it was restored, changed and deleted again since
                table.getDisplay().asyncExec(this::refresh);
            });
        }
    }

    private void purgeSelected() {
        DeletedRecord record = selected();
        if (record == null || !MessageDialog.openConfirm(getSite().getShell(), Messages.RecycleBin_purgeTitle,
                NLS.bind(Messages.RecycleBin_purgeConfirm, kindLabels.getOrDefault(record.entity(), record.entity()), record.name()))) {
            return;
        }
        run(Messages.RecycleBin_purgeJob, record.name(), () -> {
            bin.purge(record);
            table.getDisplay().asyncExec(this::refresh);
        });
    }

    /**
     * Database work off the UI thread; a refusal (a purge others depend on, a late restore) is shown with its reason, a
     * record changed since the bin was shown with the offer to reload.
     *
     * @param record the name of the record the work is about, for the conflict's dialog; {@code null} for none
     */
    private void run(String name, String record, Runnable work) {
        Display display = table.getDisplay();
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    work.run();
                } catch (ConcurrentChangeException e) {
                    display.asyncExec(() -> {
                        if (!table.isDisposed() && ConflictDialog.askReload(table.getShell(), record, e)) {
                            refresh();
                        }
                    });
                } catch (RuntimeException e) {
                    display.asyncExec(() -> {
                        if (!table.isDisposed()) {
                            MessageDialog.openError(table.getShell(), Messages.RecycleBin_errorTitle, e.getMessage());
                        }
                    });
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.schedule();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        if (eventRegistration != null) {
            eventRegistration.unregister();
        }
        super.dispose();
    }
}
