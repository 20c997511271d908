package org.salesbench.users.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.salesbench.ui.forms.FieldDecorations;
import org.salesbench.users.Role;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/** Adds a user: login, display name, e-mail, manager and roles; the service's refusals show on their fields. */
class UserDialog extends TitleAreaDialog {

    private final UserService service;
    private final List<User> managers;
    private final List<Role> roles;
    private final FieldDecorations fields = new FieldDecorations();
    private final List<Button> roleChecks = new ArrayList<>();
    private Text login;
    private Text displayName;
    private Text email;
    private Combo manager;
    private User saved;

    UserDialog(Shell parent, UserService service, List<User> managers, List<Role> roles) {
        super(parent);
        this.service = service;
        this.managers = managers;
        this.roles = roles;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.UserDialog_title);
        setMessage(Messages.UserDialog_message);
        getShell().setText(Messages.UserDialog_title);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, false));
        login = text(c, "login", Messages.Users_login, 0); //$NON-NLS-1$
        displayName = text(c, "displayName", Messages.Users_displayName, 0); //$NON-NLS-1$
        email = text(c, "email", Messages.Users_email, 0); //$NON-NLS-1$
        new Label(c, SWT.NONE).setText(Messages.Users_manager);
        manager = new Combo(c, SWT.READ_ONLY);
        manager.setLayoutData(fieldData());
        manager.add(Messages.UserDialog_noManager);
        managers.forEach(m -> manager.add(NLS.bind("{0} ({1})", m.getDisplayName(), m.getLogin()))); //$NON-NLS-1$
        manager.select(0);
        fields.register("manager", manager); //$NON-NLS-1$
        Label rolesLabel = new Label(c, SWT.NONE);
        rolesLabel.setText(Messages.Users_roles);
        rolesLabel.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        Composite checks = new Composite(c, SWT.NONE);
        checks.setLayoutData(fieldData());
        checks.setLayout(new GridLayout(2, true));
        for (Role role : roles) {
            Button check = new Button(checks, SWT.CHECK);
            check.setText(Labels.role(role.name()));
            check.setToolTipText(role.description());
            check.setData(role.name());
            roleChecks.add(check);
        }
        fields.register("roles", checks); //$NON-NLS-1$
        return area;
    }

    private Text text(Composite parent, String field, String label, int style) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE | style);
        text.setLayoutData(fieldData());
        fields.register(field, text);
        return text;
    }

    /** Room on the left of each field for the error decoration. */
    private static GridData fieldData() {
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 380;
        data.horizontalIndent = 10;
        return data;
    }

    @Override
    protected void okPressed() {
        User user = new User(login.getText().strip(), displayName.getText().strip());
        user.setEmail(email.getText().isBlank() ? null : email.getText().strip());
        user.setManager(manager.getSelectionIndex() <= 0 ? null : managers.get(manager.getSelectionIndex() - 1).getLogin());
        List<String> chosen = roleChecks.stream().filter(Button::getSelection).map(b -> (String) b.getData()).toList();
        if (ServiceDialogs.attempt(this, fields, () -> {
            // a user without roles may do nothing, so the roles are given right away; if that is refused, OK again
            // only retries the roles
            if (saved == null) {
                saved = service.createUser(user);
            }
            service.setRoles(saved.getLogin(), chosen);
        })) {
            super.okPressed();
        }
    }

    /** The user as created, after OK. */
    User saved() {
        return saved;
    }

    /** The fields by the names the service's validation uses, for tests. */
    FieldDecorations fields() {
        return fields;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }
}
