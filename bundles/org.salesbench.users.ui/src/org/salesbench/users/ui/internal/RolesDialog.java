package org.salesbench.users.ui.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.salesbench.ui.forms.FieldDecorations;
import org.salesbench.users.Role;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/** Gives a user exactly the roles ticked. */
class RolesDialog extends TitleAreaDialog {

    private final UserService service;
    private final User user;
    private final List<Role> roles;
    private final Collection<String> held;
    private final FieldDecorations fields = new FieldDecorations();
    private final List<Button> roleChecks = new ArrayList<>();

    RolesDialog(Shell parent, UserService service, User user, List<Role> roles, Collection<String> held) {
        super(parent);
        this.service = service;
        this.user = user;
        this.roles = roles;
        this.held = held;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        String title = NLS.bind(Messages.RolesDialog_title, user.getDisplayName());
        setTitle(title);
        setMessage(NLS.bind(Messages.RolesDialog_message, user.getDisplayName()));
        getShell().setText(title);
        Composite checks = new Composite(area, SWT.NONE);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.horizontalIndent = 10;
        checks.setLayoutData(data);
        checks.setLayout(new GridLayout(1, false));
        for (Role role : roles) {
            Button check = new Button(checks, SWT.CHECK);
            check.setText(role.description() == null || role.description().isBlank() ? Labels.role(role.name())
                    : NLS.bind("{0} — {1}", Labels.role(role.name()), role.description())); //$NON-NLS-1$
            check.setData(role.name());
            check.setSelection(held.contains(role.name()));
            roleChecks.add(check);
        }
        fields.register("roles", checks); //$NON-NLS-1$
        return area;
    }

    @Override
    protected void okPressed() {
        List<String> chosen = roleChecks.stream().filter(Button::getSelection).map(b -> (String) b.getData()).toList();
        if (ServiceDialogs.attempt(this, fields, () -> service.setRoles(user.getLogin(), chosen))) {
            super.okPressed();
        }
    }
}
