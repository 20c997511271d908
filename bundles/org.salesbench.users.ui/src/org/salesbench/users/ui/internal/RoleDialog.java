package org.salesbench.users.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.Scope;
import org.salesbench.ui.forms.FieldDecorations;
import org.salesbench.users.Role;
import org.salesbench.users.UserService;

/**
 * A role of the administrator's own, new or edited: its grants (entity × action × scope) and its field rules (entity ×
 * field × hidden / read only / edit). Entities and fields are offered from what the users service accepts, and may
 * be typed; the service refuses an unknown one at save, naming it, next to the line that holds it.
 */
class RoleDialog extends TitleAreaDialog {

    /** The key under which each line's combos carry their validation name, e.g. {@code fields[0].field}. */
    static final String FIELD_KEY = "salesbench.field"; //$NON-NLS-1$

    private final UserService service;
    private final Role editing;
    private final List<String> entities;
    private final Map<String, List<String>> securedFields;
    private final FieldDecorations decorations = new FieldDecorations();
    private final List<Combo[]> grantLines = new ArrayList<>();
    private final List<Combo[]> fieldLines = new ArrayList<>();
    private Text name;
    private Text description;
    private Composite grants;
    private Composite fields;
    private Role saved;

    /** {@code editing} is {@code null} for a new role. */
    RoleDialog(Shell parent, UserService service, Role editing, List<String> entities, Map<String, List<String>> securedFields) {
        super(parent);
        this.service = service;
        this.editing = editing;
        this.entities = entities;
        this.securedFields = securedFields;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        String title = editing == null ? Messages.RoleDialog_newTitle : NLS.bind(Messages.RoleDialog_editTitle, editing.name());
        setTitle(title);
        setMessage(Messages.RoleDialog_message);
        getShell().setText(title);
        ScrolledComposite scroll = new ScrolledComposite(area, SWT.V_SCROLL);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite c = new Composite(scroll, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        new Label(c, SWT.NONE).setText(Messages.Users_role);
        name = new Text(c, SWT.BORDER);
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        decorations.register("name", name); //$NON-NLS-1$
        new Label(c, SWT.NONE).setText(Messages.Users_description);
        description = new Text(c, SWT.BORDER);
        description.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        decorations.register("description", description); //$NON-NLS-1$

        grants = group(c, Messages.RoleDialog_grants, Messages.RoleDialog_addGrant, () -> addGrant(null));
        fields = group(c, Messages.RoleDialog_fieldRules, Messages.RoleDialog_addFieldRule, () -> addFieldRule(null));
        if (editing != null) {
            name.setText(editing.name());
            name.setEditable(false);
            description.setText(editing.description() == null ? "" : editing.description()); //$NON-NLS-1$
            editing.grants().forEach(this::addGrant);
            editing.fields().forEach(this::addFieldRule);
        }
        scroll.setContent(c);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.setMinSize(c.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        return area;
    }

    /** A titled block of lines with an Add button under it; returns the composite the lines go in. */
    private static Composite group(Composite parent, String title, String addLabel, Runnable add) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        group.setLayout(new GridLayout(1, false));
        Composite lines = new Composite(group, SWT.NONE);
        lines.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        lines.setLayout(new GridLayout(4, false));
        Button button = new Button(group, SWT.PUSH);
        button.setText(addLabel);
        button.addListener(SWT.Selection, e -> add.run());
        return lines;
    }

    private void addGrant(Role.Grant grant) {
        int i = grantLines.size();
        Combo entity = entityCombo(grants, "grants[" + i + "].entity", true); //$NON-NLS-1$ //$NON-NLS-2$
        Combo action = choice(grants, "grants[" + i + "].action", Action.values(), a -> Labels.of((Action) a)); //$NON-NLS-1$ //$NON-NLS-2$
        Combo scope = choice(grants, "grants[" + i + "].scope", Scope.values(), s -> Labels.of((Scope) s)); //$NON-NLS-1$ //$NON-NLS-2$
        Combo[] line = {entity, action, scope};
        grantLines.add(line);
        if (grant != null) {
            entity.setText(grant.entity());
            action.select(grant.action().ordinal());
            scope.select(grant.scope().ordinal());
        }
        remove(grants, line, grantLines);
        relayout();
    }

    private void addFieldRule(Role.FieldRule rule) {
        int i = fieldLines.size();
        Combo entity = entityCombo(fields, "fields[" + i + "].entity", false); //$NON-NLS-1$ //$NON-NLS-2$
        Combo field = new Combo(fields, SWT.DROP_DOWN);
        field.setData(FIELD_KEY, "fields[" + i + "].field"); //$NON-NLS-1$ //$NON-NLS-2$
        field.setLayoutData(new GridData(160, SWT.DEFAULT));
        entity.addListener(SWT.Modify, e -> {
            String typed = field.getText();
            field.setItems(securedFields.getOrDefault(entity.getText().strip(), List.of()).toArray(String[]::new));
            field.setText(typed);
        });
        Combo access = choice(fields, "fields[" + i + "].access", FieldAccess.values(), a -> accessLabel((FieldAccess) a)); //$NON-NLS-1$ //$NON-NLS-2$
        Combo[] line = {entity, field, access};
        fieldLines.add(line);
        if (rule != null) {
            entity.setText(rule.entity());
            field.setText(rule.field());
            access.select(rule.access().ordinal());
        }
        remove(fields, line, fieldLines);
        relayout();
    }

    static String accessLabel(FieldAccess access) {
        return switch (access) {
            case HIDDEN -> Messages.Access_HIDDEN;
            case READ -> Messages.Access_READ;
            case EDIT -> Messages.Access_EDIT;
        };
    }

    private Combo entityCombo(Composite parent, String key, boolean everyEntity) {
        Combo entity = new Combo(parent, SWT.DROP_DOWN);
        entity.setData(FIELD_KEY, key);
        entity.setLayoutData(new GridData(160, SWT.DEFAULT));
        if (everyEntity) {
            entity.add(Role.EVERY_ENTITY);
            entities.forEach(entity::add);
        } else {
            securedFields.keySet().forEach(entity::add);
        }
        return entity;
    }

    private Combo choice(Composite parent, String key, Enum<?>[] values, java.util.function.Function<Object, String> label) {
        Combo combo = new Combo(parent, SWT.READ_ONLY);
        combo.setData(FIELD_KEY, key);
        for (Enum<?> value : values) {
            combo.add(label.apply(value));
        }
        combo.select(0);
        return combo;
    }

    /** A Remove button ending the line: it takes the line's widgets and the line itself away. */
    private void remove(Composite parent, Combo[] line, List<Combo[]> lines) {
        Button remove = new Button(parent, SWT.PUSH);
        remove.setText(Messages.RoleDialog_remove);
        remove.addListener(SWT.Selection, e -> {
            lines.remove(line);
            for (Combo combo : line) {
                combo.dispose();
            }
            remove.dispose();
            relayout();
        });
    }

    private void relayout() {
        Composite content = grants.getParent().getParent();
        content.layout(true, true);
        if (content.getParent() instanceof ScrolledComposite scroll) {
            scroll.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        }
    }

    /** The role as the form holds it now. */
    Role role() {
        List<Role.Grant> grantList = new ArrayList<>();
        for (Combo[] line : grantLines) {
            grantList.add(new Role.Grant(line[0].getText().strip(), Action.values()[line[1].getSelectionIndex()],
                    Scope.values()[line[2].getSelectionIndex()]));
        }
        List<Role.FieldRule> ruleList = new ArrayList<>();
        for (Combo[] line : fieldLines) {
            ruleList.add(new Role.FieldRule(line[0].getText().strip(), line[1].getText().strip(), FieldAccess.values()[line[2].getSelectionIndex()]));
        }
        String text = description.getText().strip();
        return new Role(name.getText().strip(), text.isEmpty() ? null : text, false, grantList, ruleList);
    }

    @Override
    protected void okPressed() {
        Role role = role();
        // the service's messages name a line by its position in what was sent, so lines are numbered as sent
        renumber();
        if (ServiceDialogs.attempt(this, decorations, () -> saved = editing == null ? service.createRole(role) : service.updateRole(role))) {
            super.okPressed();
        }
    }

    /**
     * Registers each line's combos under the names the service's messages use for its position in what is sent
     * (lines may have been removed since they were added).
     */
    private void renumber() {
        for (int i = 0; i < grantLines.size(); i++) {
            decorate("grants[" + i + "]", grantLines.get(i)[0]); //$NON-NLS-1$ //$NON-NLS-2$
            decorate("grants[" + i + "].entity", grantLines.get(i)[0]); //$NON-NLS-1$ //$NON-NLS-2$
        }
        for (int i = 0; i < fieldLines.size(); i++) {
            decorate("fields[" + i + "]", fieldLines.get(i)[0]); //$NON-NLS-1$ //$NON-NLS-2$
            decorate("fields[" + i + "].entity", fieldLines.get(i)[0]); //$NON-NLS-1$ //$NON-NLS-2$
            decorate("fields[" + i + "].field", fieldLines.get(i)[1]); //$NON-NLS-1$ //$NON-NLS-2$
        }
    }

    private void decorate(String name, Control control) {
        if (decorations.field(name) != control) {
            decorations.register(name, control);
        }
    }

    /** The decorations by the service's field names, for tests. */
    FieldDecorations decorations() {
        return decorations;
    }

    /** The role as saved, after OK. */
    Role saved() {
        return saved;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }
}
