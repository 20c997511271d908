package org.salesbench.users.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.ui.part.ViewPart;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.Database;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.ConflictDialog;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;
import org.salesbench.users.Role;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * Users & Roles: the people with their manager and roles, and what each role grants. Administrators add users, give
 * roles, let users sign in to the team server and deactivate them; everyone else only looks.
 */
public class UsersView extends ViewPart {

    public static final String ID = "org.salesbench.users.ui.views.users"; //$NON-NLS-1$
    /** What the service asks before it changes roles, so the buttons ask the same. */
    private static final String ROLE = "role"; //$NON-NLS-1$

    private UserService service;
    private SecurityService security;
    private boolean teamServer;
    private TabFolder tabs;
    private Label readOnlyNote;
    private TableViewer usersTable;
    private TableViewer rolesTable;
    private Button add;
    private Button editRoles;
    private Button allowSignIn;
    private Button deactivate;
    private Button newRole;
    private Button editRole;
    private Button deleteRole;
    private List<UserRow> rows = List.of();
    private List<Role> roles = List.of();

    @Override
    public void createPartControl(Composite parent) {
        service = Services.get(UserService.class);
        security = Services.get(SecurityService.class);
        teamServer = Services.get(Database.class).isShared();
        tabs = new TabFolder(parent, SWT.TOP);
        TabItem usersTab = new TabItem(tabs, SWT.NONE);
        usersTab.setText(Messages.Users_usersTab);
        usersTab.setControl(usersPage(tabs));
        TabItem rolesTab = new TabItem(tabs, SWT.NONE);
        rolesTab.setText(Messages.Users_rolesTab);
        rolesTab.setControl(rolesPage(tabs));
        getSite().setSelectionProvider(usersTable);
        reload();
    }

    private Composite usersPage(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(page, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        add = button(bar, Messages.Users_add, this::addUser);
        editRoles = button(bar, Messages.Users_editRoles, this::editRoles);
        if (teamServer) {
            // an embedded database has one person, who needs no sign-in
            allowSignIn = button(bar, Messages.Users_allowSignIn, this::allowSignIn);
        }
        deactivate = button(bar, Messages.Users_deactivate, this::deactivate);
        button(bar, Messages.Users_refresh, this::reload);
        readOnlyNote = new Label(page, SWT.WRAP);
        readOnlyNote.setText(Messages.Users_readOnly);
        readOnlyNote.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        usersTable = Tables.create(page);
        usersTable.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.column(usersTable, UserRow.class, Messages.Users_login, 140, r -> r.user().getLogin());
        Tables.column(usersTable, UserRow.class, Messages.Users_displayName, 140, r -> r.user().getDisplayName());
        Tables.column(usersTable, UserRow.class, Messages.Users_email, 180, r -> text(r.user().getEmail()));
        Tables.column(usersTable, UserRow.class, Messages.Users_manager, 140, r -> managerOf(r.user()));
        Tables.column(usersTable, UserRow.class, Messages.Users_active, 60,
                r -> r.user().isActive() ? Messages.Users_yes : Messages.Users_no);
        Tables.column(usersTable, UserRow.class, Messages.Users_roles, 300, r -> String.join(", ", r.roles().stream().map(Labels::role).toList())); //$NON-NLS-1$
        usersTable.addSelectionChangedListener(e -> updateButtons());
        return page;
    }

    private Composite rolesPage(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(page, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        newRole = button(bar, Messages.Roles_new, () -> editRole(null));
        editRole = button(bar, Messages.Roles_edit, () -> editRole(selectedRole()));
        deleteRole = button(bar, Messages.Roles_delete, this::deleteRole);
        rolesTable = Tables.create(page);
        rolesTable.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.column(rolesTable, GrantRow.class, Messages.Users_role, 200, GrantRow::roleLabel);
        Tables.column(rolesTable, GrantRow.class, Messages.Users_entity, 150, g -> g.grant() == null ? "" : Labels.entity(g.grant().entity())); //$NON-NLS-1$
        Tables.column(rolesTable, GrantRow.class, Messages.Users_action, 80, g -> g.grant() == null ? "" : Labels.of(g.grant().action())); //$NON-NLS-1$
        Tables.column(rolesTable, GrantRow.class, Messages.Users_scope, 150, g -> g.grant() == null ? "" : Labels.of(g.grant().scope())); //$NON-NLS-1$
        Tables.column(rolesTable, GrantRow.class, Messages.Users_fieldRules, 260, GrantRow::fieldRulesLabel);
        Tables.column(rolesTable, GrantRow.class, Messages.Users_description, 260, GrantRow::descriptionLabel);
        rolesTable.addSelectionChangedListener(e -> updateButtons());
        return page;
    }

    private static Button button(Composite bar, String label, Runnable action) {
        Button button = new Button(bar, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    private String managerOf(User user) {
        if (user.getManager() == null) {
            return ""; //$NON-NLS-1$
        }
        return rows.stream().map(UserRow::user).filter(u -> u.getLogin().equals(user.getManager())).findFirst()
                .map(User::getDisplayName).orElse(user.getManager());
    }

    private static String text(String s) {
        return s == null ? "" : s; //$NON-NLS-1$
    }

    /** Reads the users with their roles, and the roles with their grants, off the UI thread. */
    public void reload() {
        record Loaded(List<UserRow> rows, List<Role> roles) {
        }
        Jobs.load(usersTable.getControl(), Messages.Job_loadUsers, () -> {
            List<UserRow> found = new ArrayList<>();
            for (User user : service.users(false)) {
                found.add(new UserRow(user, service.rolesOf(user.getLogin())));
            }
            return new Loaded(found, service.roles());
        }, loaded -> {
            rows = loaded.rows();
            roles = loaded.roles();
            usersTable.setInput(rows);
            rolesTable.setInput(grantRows(roles));
            updateButtons();
        }, this::showRefusal);
        updateButtons();
    }

    private static List<GrantRow> grantRows(List<Role> roles) {
        List<GrantRow> lines = new ArrayList<>();
        for (Role role : roles) {
            if (role.grants().isEmpty()) {
                lines.add(new GrantRow(role, null, true));
            }
            for (int i = 0; i < role.grants().size(); i++) {
                lines.add(new GrantRow(role, role.grants().get(i), i == 0));
            }
        }
        return lines;
    }

    /** Whether the user's roles let them change users and roles: what the service checks before it does. */
    private boolean mayAdminister() {
        return security.isPermitted(Action.UPDATE, ROLE, null);
    }

    private void updateButtons() {
        if (add == null || add.isDisposed()) {
            return;
        }
        boolean admin = mayAdminister();
        UserRow selected = selected();
        add.setEnabled(admin);
        editRoles.setEnabled(admin && selected != null);
        if (allowSignIn != null) {
            allowSignIn.setEnabled(admin && selected != null && selected.user().isActive());
        }
        deactivate.setEnabled(admin && selected != null && selected.user().isActive());
        Role role = selectedRole();
        newRole.setEnabled(admin);
        editRole.setEnabled(admin && role != null && !role.builtIn());
        deleteRole.setEnabled(admin && role != null && !role.builtIn());
        if (readOnlyNote.getVisible() == admin) {
            readOnlyNote.setVisible(!admin);
            ((GridData) readOnlyNote.getLayoutData()).exclude = admin;
            readOnlyNote.getParent().layout(true);
        }
    }

    private UserRow selected() {
        return (UserRow) ((IStructuredSelection) usersTable.getSelection()).getFirstElement();
    }

    private void addUser() {
        List<User> managers = rows.stream().map(UserRow::user).filter(User::isActive).toList();
        if (new UserDialog(getSite().getShell(), service, managers, roles).open() == Window.OK) {
            reload();
        }
    }

    private void editRoles() {
        UserRow row = selected();
        if (row != null && new RolesDialog(getSite().getShell(), service, row.user(), roles, row.roles()).open() == Window.OK) {
            reload();
        }
    }

    private Role selectedRole() {
        GrantRow row = (GrantRow) ((IStructuredSelection) rolesTable.getSelection()).getFirstElement();
        return row == null ? null : row.role();
    }

    /** A new role ({@code role} null) or an administrator's own role, in a form; the entities and fields it may name come from the service. */
    private void editRole(Role role) {
        RoleDialog dialog;
        try {
            dialog = new RoleDialog(getSite().getShell(), service, role, service.grantableEntities(), service.securedFields());
        } catch (RuntimeException e) {
            showRefusal(e);
            return;
        }
        if (dialog.open() == Window.OK) {
            reload();
        }
    }

    private void deleteRole() {
        Role role = selectedRole();
        if (role == null || !MessageDialog.openConfirm(getSite().getShell(), Messages.Roles_deleteTitle,
                NLS.bind(Messages.Roles_deleteConfirm, role.name()))) {
            return;
        }
        try {
            service.deleteRole(role.name());
        } catch (RuntimeException e) {
            showRefusal(e); // in use: the message names who holds it
        }
        reload();
    }

    private void allowSignIn() {
        UserRow row = selected();
        if (row != null) {
            new AllowSignInDialog(getSite().getShell(), service, row.user()).open();
        }
    }

    private void deactivate() {
        UserRow row = selected();
        if (row == null || !MessageDialog.openConfirm(getSite().getShell(), Messages.Users_deactivateTitle,
                NLS.bind(Messages.Users_deactivateConfirm, row.user().getDisplayName(), row.user().getLogin()))) {
            return;
        }
        try {
            row.user().setActive(false);
            service.updateUser(row.user());
        } catch (ConcurrentChangeException e) {
            // someone changed the user since the list was read: nothing is written; Reload shows what is stored
            row.user().setActive(true);
            ConflictDialog.askReload(getSite().getShell(), row.user().getDisplayName(), e);
        } catch (RuntimeException e) {
            // refused (no right, a concurrent change…): the row shows what is stored, the message says why
            row.user().setActive(true);
            showRefusal(e);
        }
        reload();
    }

    /** The service's own words for what it refused (it names the right or the field). */
    private void showRefusal(RuntimeException e) {
        MessageDialog.openError(getSite().getShell(), Messages.Users_title, Jobs.message(e));
    }

    @Override
    public void setFocus() {
        usersTable.getControl().setFocus();
    }

    /** For tests: the tables and the tabs. */
    TableViewer usersTable() {
        return usersTable;
    }

    TableViewer rolesTable() {
        return rolesTable;
    }

    TabFolder tabs() {
        return tabs;
    }

    List<UserRow> rows() {
        return rows;
    }

    /** For tests: the same view as someone whose roles are {@code security}'s, through {@code users}. */
    void useServices(UserService users, SecurityService securityService) {
        this.service = users;
        this.security = securityService;
        reload();
    }
}
