package org.salesbench.audit.ui.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.salesbench.audit.AuditEntry;
import org.salesbench.audit.AuditQuery;
import org.salesbench.audit.AuditTrail;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;

/**
 * The administrator's search of the audit trail: by user, entity and period, newest first. The database does the
 * searching and returns at most {@value #LIMIT} entries; a narrower search reaches older ones.
 */
public class AuditTrailView extends ViewPart {

    public static final String ID = "org.salesbench.audit.ui.views.auditTrail";
    static final int LIMIT = 1000;

    private Text user;
    private Combo entity;
    private Text from;
    private Text to;
    private Label status;
    private TableViewer viewer;
    private List<String> entities = List.of();

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(9, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(bar, SWT.NONE).setText(Messages.View_user);
        user = new Text(bar, SWT.BORDER);
        user.setLayoutData(new GridData(110, SWT.DEFAULT));
        new Label(bar, SWT.NONE).setText(Messages.View_entity);
        entity = new Combo(bar, SWT.READ_ONLY);
        entity.add(Messages.View_anyEntity);
        entity.select(0);
        new Label(bar, SWT.NONE).setText(Messages.View_from);
        from = new Text(bar, SWT.BORDER);
        from.setMessage("2026-12-01");
        from.setLayoutData(new GridData(90, SWT.DEFAULT));
        new Label(bar, SWT.NONE).setText(Messages.View_to);
        to = new Text(bar, SWT.BORDER);
        to.setLayoutData(new GridData(90, SWT.DEFAULT));
        Button search = new Button(bar, SWT.PUSH);
        search.setText(Messages.View_search);
        search.addListener(SWT.Selection, e -> search());
        for (Text field : List.of(user, from, to)) {
            field.addListener(SWT.DefaultSelection, e -> search());
        }
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        viewer = Tables.create(parent);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.column(viewer, AuditEntry.class, Messages.Column_when, 140, AuditColumns::when);
        Tables.column(viewer, AuditEntry.class, Messages.Column_user, 100, AuditEntry::user);
        Tables.column(viewer, AuditEntry.class, Messages.Column_client, 140, AuditColumns::client);
        Tables.column(viewer, AuditEntry.class, Messages.Column_entity, 90, AuditEntry::entity);
        Tables.column(viewer, AuditEntry.class, Messages.Column_record, 70, e -> e.recordId() == null ? "" : e.recordId().toString());
        Tables.column(viewer, AuditEntry.class, Messages.Column_event, 70, AuditColumns::event);
        AuditTrail trail = Services.get(AuditTrail.class);
        Tables.column(viewer, AuditEntry.class, Messages.Column_field, 110, e -> AuditColumns.field(trail, e));
        Tables.column(viewer, AuditEntry.class, Messages.Column_oldValue, 140, e -> AuditColumns.value(e.oldValue()));
        Tables.column(viewer, AuditEntry.class, Messages.Column_newValue, 140, e -> AuditColumns.value(e.newValue()));
        Tables.column(viewer, AuditEntry.class, Messages.Column_details, 220, e -> AuditColumns.value(e.details()));
        Jobs.load(entity, Messages.Job_search, () -> Services.get(AuditTrail.class).entities(), names -> {
            entities = names;
            names.forEach(entity::add);
        }, e -> status.setText(Jobs.message(e)));
        search();
    }

    /** Runs the search the bar describes. */
    public void search() {
        Instant since;
        Instant until;
        try {
            since = day(from.getText());
            Instant last = day(to.getText());
            until = last == null ? null : last.plus(java.time.Duration.ofDays(1)); // the "to" day is included
        } catch (DateTimeParseException e) {
            status.setText(NLS.bind(Messages.View_badDate, e.getParsedString()));
            return;
        }
        String who = user.getText().isBlank() ? null : user.getText().trim();
        String what = entity.getSelectionIndex() <= 0 ? null : entities.get(entity.getSelectionIndex() - 1);
        AuditQuery query = AuditQuery.all().withUser(who).withEntity(what).withPeriod(since, until).withPage(0, LIMIT);
        Jobs.load(viewer.getTable(), Messages.Job_search, () -> Services.get(AuditTrail.class).search(query), found -> {
            viewer.setInput(found);
            status.setText(found.size() >= LIMIT ? NLS.bind(Messages.View_more, LIMIT) : NLS.bind(Messages.View_count, found.size()));
        }, e -> status.setText(Jobs.message(e)));
    }

    private static Instant day(String text) {
        return text.isBlank() ? null : LocalDate.parse(text.trim()).atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    /** For tests: the filter fields and the result table. */
    Text userField() {
        return user;
    }

    Combo entityChoice() {
        return entity;
    }

    Table table() {
        return viewer.getTable();
    }

    @Override
    public void setFocus() {
        user.setFocus();
    }
}
