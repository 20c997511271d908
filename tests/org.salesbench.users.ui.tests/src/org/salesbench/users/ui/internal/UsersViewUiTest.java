package org.salesbench.users.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.ui.SalesbenchUi;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.users.Role;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * The Users & Roles view in the real workbench under Xvfb, on the embedded Derby database (whose owner may do
 * everything): its buttons and dialogs pressed and filled as a user would, checked against what the users service
 * then holds.
 */
class UsersViewUiTest {

    private IWorkbenchWindow window;
    private IWorkbenchPage page;
    private UserService users;
    private UsersView view;
    private String unique;

    @BeforeEach
    void setUp() throws Exception {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(SalesbenchUi.PERSPECTIVE_MANAGER, window);
        page = window.getActivePage();
        users = Services.get(UserService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
        view = (UsersView) page.showView(UsersView.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
    }

    @AfterEach
    void tearDown() {
        page.hideView(view);
    }

    private Composite viewArea() {
        return view.tabs();
    }

    private int rowOf(String login) {
        List<UserRow> rows = view.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).user().getLogin().equals(login)) {
                return i;
            }
        }
        throw new AssertionError(login + " is not listed: " + rows.stream().map(r -> r.user().getLogin()).toList());
    }

    private void select(String login) {
        UiTesting.selectRow(view.usersTable().getTable(), rowOf(login));
    }

    private User created(String login, String name) {
        return users.createUser(new User(login, name));
    }

    private static Button roleBox(Composite root, String role) {
        List<Button> boxes = UiTesting.find(root, Button.class, b -> role.equals(b.getData()));
        assertEquals(1, boxes.size(), "one box for the role " + role);
        return boxes.get(0);
    }

    @Test
    void theViewBelongsToTheManagerPerspectiveAndListsTheRolesWithTheirGrants() {
        IViewPart shown = page.findView(UsersView.ID);
        assertNotNull(shown);
        String[] shortcuts = page.getShowViewShortcuts();
        assertTrue(List.of(shortcuts).contains(UsersView.ID), "Window > Show View offers it: " + List.of(shortcuts));
        List<?> grants = (List<?>) view.rolesTable().getInput();
        assertTrue(grants.stream().map(GrantRow.class::cast).anyMatch(g -> g.role().name().equals(Role.SALES_REP)
                && g.grant() != null), "the built-in sales rep role is listed with its grants: " + grants);
        assertEquals(grants.size(), view.rolesTable().getTable().getItemCount());
    }

    @Test
    void anAdministratorAddsAUserWhoseRefusedFieldsAreMarkedThenGivesRolesAndDeactivates() {
        String boss = "boss." + unique;
        created(boss, "Boss " + unique);
        view.reload();
        UiTesting.waitForJobs(Jobs.FAMILY);
        String login = "rep." + unique;
        assertFalse(UiTesting.button(viewArea(), Messages.Users_editRoles).isEnabled(), "Roles… needs a selected user");

        UiTesting.DialogAnswer add = UiTesting.whenDialogOpens(Messages.UserDialog_title, shell -> {
            UserDialog dialog = (UserDialog) shell.getData();
            UiTesting.type(UiTesting.labelled(shell, Messages.Users_login, Text.class), "no spaces " + unique);
            UiTesting.type(UiTesting.labelled(shell, Messages.Users_email, Text.class), "not-an-address");
            UiTesting.click(shell, IDialogConstants.OK_LABEL);
            assertFalse(shell.isDisposed(), "a refused user keeps the dialog open");
            for (String field : List.of("login", "displayName", "email")) {
                assertTrue(dialog.fields().decoration(field).isVisible(), field + " is marked");
                assertFalse(dialog.fields().decoration(field).getDescriptionText().isBlank());
            }
            assertFalse(dialog.fields().decoration("manager").isVisible());
            UiTesting.screenshot("users-add-refused-" + Platform.getNL());

            UiTesting.type(UiTesting.labelled(shell, Messages.Users_login, Text.class), login);
            UiTesting.type(UiTesting.labelled(shell, Messages.Users_displayName, Text.class), "Rep 销售 " + unique);
            UiTesting.type(UiTesting.labelled(shell, Messages.Users_email, Text.class), login + "@example.com");
            UiTesting.choose(UiTesting.labelled(shell, Messages.Users_manager, Combo.class),
                    NLS.bind("{0} ({1})", "Boss " + unique, boss));
            UiTesting.click(roleBox(shell, Role.SALES_REP));
            UiTesting.click(shell, IDialogConstants.OK_LABEL);
        });
        UiTesting.click(viewArea(), Messages.Users_add);
        add.assertAnswered();
        UiTesting.waitForJobs(Jobs.FAMILY);

        User saved = users.findUser(login).orElseThrow();
        assertEquals("Rep 销售 " + unique, saved.getDisplayName());
        assertEquals(login + "@example.com", saved.getEmail());
        assertEquals(boss, saved.getManager());
        assertEquals(List.of(Role.SALES_REP), users.rolesOf(login));
        int row = rowOf(login);
        assertEquals("Boss " + unique, view.usersTable().getTable().getItem(row).getText(3), "the manager by name");
        assertEquals(Labels.role(Role.SALES_REP), view.usersTable().getTable().getItem(row).getText(5), "the roles as people read them");

        select(login);
        UiTesting.DialogAnswer roles = UiTesting.whenDialogOpens(NLS.bind(Messages.RolesDialog_title, saved.getDisplayName()), shell -> {
            assertTrue(roleBox(shell, Role.SALES_REP).getSelection(), "the roles held are ticked");
            UiTesting.click(roleBox(shell, Role.SALES_REP));
            UiTesting.click(roleBox(shell, Role.SALES_MANAGER));
            UiTesting.click(roleBox(shell, Role.FINANCE));
            UiTesting.screenshot("users-roles-dialog-" + Platform.getNL());
            UiTesting.click(shell, IDialogConstants.OK_LABEL);
        });
        UiTesting.click(viewArea(), Messages.Users_editRoles);
        roles.assertAnswered();
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals(Set.of(Role.SALES_MANAGER, Role.FINANCE), Set.copyOf(users.rolesOf(login)));
        assertEquals(Set.of(Role.SALES_MANAGER, Role.FINANCE), Set.copyOf(view.rows().get(rowOf(login)).roles()));

        select(login);
        assertTrue(UiTesting.button(viewArea(), Messages.Users_deactivate).isEnabled(), "a selected active user can be deactivated");
        screenshots();
        UiTesting.DialogAnswer confirm = UiTesting.whenDialogOpensPress(Messages.Users_deactivateTitle, IDialogConstants.OK_LABEL);
        UiTesting.click(viewArea(), Messages.Users_deactivate);
        confirm.assertAnswered();
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertFalse(users.findUser(login).orElseThrow().isActive());
        assertEquals(Messages.Users_no, view.usersTable().getTable().getItem(rowOf(login)).getText(4));
        select(login);
        assertFalse(UiTesting.button(viewArea(), Messages.Users_deactivate).isEnabled(), "an inactive user cannot be deactivated again");
    }

    private static Combo line(Shell shell, String key) {
        List<Combo> combos = UiTesting.find(shell, Combo.class, c -> key.equals(c.getData(RoleDialog.FIELD_KEY)));
        assertEquals(1, combos.size(), "one combo " + key);
        return combos.get(0);
    }

    @Test
    void anAdministratorMakesARoleThatHidesAFieldRefusedFirstForAnUnknownFieldThenGivesItToAUser() {
        String login = "intern." + unique;
        User intern = created(login, "Intern " + unique);
        String roleName = "intern_" + unique;
        view.reload();
        UiTesting.waitForJobs(Jobs.FAMILY);
        view.tabs().setSelection(1);
        UiTesting.processEvents();
        assertFalse(UiTesting.button(viewArea(), Messages.Roles_edit).isEnabled(), "Edit role… needs a selected role");

        String[] refusal = new String[1];
        UiTesting.DialogAnswer create = UiTesting.whenDialogOpens(Messages.RoleDialog_newTitle, shell -> {
            RoleDialog dialog = (RoleDialog) shell.getData();
            UiTesting.type(UiTesting.labelled(shell, Messages.Users_role, Text.class), roleName);
            UiTesting.type(UiTesting.labelled(shell, Messages.Users_description, Text.class), "实习生：看不到客户备注");
            UiTesting.click(shell, Messages.RoleDialog_addGrant);
            UiTesting.type(line(shell, "grants[0].entity"), "customer");
            UiTesting.choose(line(shell, "grants[0].action"), Messages.Action_READ);
            UiTesting.choose(line(shell, "grants[0].scope"), Messages.Scope_OWN);
            UiTesting.click(shell, Messages.RoleDialog_addFieldRule);
            UiTesting.type(line(shell, "fields[0].entity"), "customer");
            assertTrue(List.of(line(shell, "fields[0].field").getItems()).contains("notes"), "the customer's fields are offered");
            UiTesting.type(line(shell, "fields[0].field"), "margin");
            UiTesting.choose(line(shell, "fields[0].access"), Messages.Access_HIDDEN);
            UiTesting.click(shell, IDialogConstants.OK_LABEL);
            assertFalse(shell.isDisposed(), "an unknown field keeps the form open");
            refusal[0] = dialog.getErrorMessage();
            assertTrue(dialog.decorations().decoration("fields[0].field").isVisible(), "the line with the unknown field is marked");
            UiTesting.screenshot("users-role-refused-" + Platform.getNL());
            UiTesting.type(line(shell, "fields[0].field"), "notes");
            UiTesting.click(shell, IDialogConstants.OK_LABEL);
        });
        UiTesting.click(viewArea(), Messages.Roles_new);
        create.assertAnswered();
        assertTrue(refusal[0] != null && refusal[0].contains("margin"), "the refusal names the field: " + refusal[0]);
        assertTrue(users.roles().stream().noneMatch(r -> r.name().equals(roleName) && r.fields().stream().anyMatch(f -> f.field().equals("margin"))));
        UiTesting.waitForJobs(Jobs.FAMILY);

        Role made = users.roles().stream().filter(r -> r.name().equals(roleName)).findFirst().orElseThrow();
        assertEquals(List.of(new Role.Grant("customer", Action.READ, org.salesbench.core.security.Scope.OWN)), made.grants());
        assertEquals(List.of(new Role.FieldRule("customer", "notes", org.salesbench.core.security.FieldAccess.HIDDEN)), made.fields());
        List<?> lines = (List<?>) view.rolesTable().getInput();
        assertTrue(lines.stream().map(GrantRow.class::cast).anyMatch(g -> g.role().name().equals(roleName)
                && g.fieldRulesLabel().contains("customer.notes") && g.fieldRulesLabel().contains(Messages.Access_HIDDEN)),
                "the roles tab lists its field rule");

        view.tabs().setSelection(0);
        UiTesting.processEvents();
        select(login);
        UiTesting.DialogAnswer give = UiTesting.whenDialogOpens(NLS.bind(Messages.RolesDialog_title, intern.getDisplayName()), shell -> {
            UiTesting.click(roleBox(shell, roleName));
            UiTesting.click(shell, IDialogConstants.OK_LABEL);
        });
        UiTesting.click(viewArea(), Messages.Users_editRoles);
        give.assertAnswered();
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals(List.of(roleName), users.rolesOf(login));

        // held by someone: the role is not deleted, and the refusal names the holder
        view.tabs().setSelection(1);
        UiTesting.processEvents();
        int row = lines.indexOf(lines.stream().map(GrantRow.class::cast).filter(g -> g.role().name().equals(roleName)).findFirst().orElseThrow());
        UiTesting.selectRow(view.rolesTable().getTable(), row);
        String[] shown = new String[1];
        UiTesting.DialogAnswer confirm = UiTesting.whenDialogOpensPress(Messages.Roles_deleteTitle, IDialogConstants.OK_LABEL);
        UiTesting.DialogAnswer inUse = UiTesting.whenDialogOpens(Messages.Users_title, shell -> {
            shown[0] = UiTesting.shownText(shell);
            UiTesting.click(shell, IDialogConstants.OK_LABEL);
        });
        UiTesting.click(viewArea(), Messages.Roles_delete);
        confirm.assertAnswered();
        inUse.assertAnswered();
        assertTrue(shown[0].contains(login), "names who holds it: " + shown[0]);
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertTrue(users.roles().stream().anyMatch(r -> r.name().equals(roleName)));
        view.tabs().setSelection(0);
    }

    /** The view maximised, on each tab, for a person to look at (with SALESBENCH_SCREENSHOTS set). */
    private void screenshots() {
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        settle();
        UiTesting.screenshot("users-roles-" + Platform.getNL());
        view.tabs().setSelection(1);
        settle();
        UiTesting.screenshot("users-roles-grants-" + Platform.getNL());
        view.tabs().setSelection(0);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
        UiTesting.processEvents();
    }

    /** Gives GTK a moment to paint what changed (enabled buttons, the other tab) before a picture is taken. */
    private static void settle() {
        long until = System.currentTimeMillis() + 500;
        UiTesting.waitUntil("the screen painted", () -> System.currentTimeMillis() >= until, 5_000);
    }

    @Test
    void signInIsOfferedOnlyOnATeamServerAndItsPasswordsAreTypedTwice() {
        assertFalse(Services.get(Database.class).isShared(), "these tests run on embedded Derby");
        assertTrue(UiTesting.find(viewArea(), Button.class, b -> Messages.Users_allowSignIn.equals(b.getText())).isEmpty(),
                "an embedded database has one person, who needs no sign-in");

        String login = "signin." + unique;
        User user = created(login, "Sign In " + unique);
        AllowSignInDialog dialog = new AllowSignInDialog(window.getShell(), users, user);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        Text password = UiTesting.labelled(shell, Messages.SignInDialog_password, Text.class);
        Text repeat = UiTesting.labelled(shell, Messages.SignInDialog_repeat, Text.class);
        assertTrue((password.getStyle() & org.eclipse.swt.SWT.PASSWORD) != 0, "typed blind");
        assertTrue((repeat.getStyle() & org.eclipse.swt.SWT.PASSWORD) != 0, "typed blind");
        UiTesting.type(password, "correct horse");
        UiTesting.type(repeat, "correct hors");
        UiTesting.click(shell, IDialogConstants.OK_LABEL);
        assertEquals(Messages.SignInDialog_mismatch, dialog.getErrorMessage());
        UiTesting.screenshot("users-sign-in-mismatch-" + Platform.getNL());

        UiTesting.type(repeat, "correct horse");
        UiTesting.click(shell, IDialogConstants.OK_LABEL);
        assertFalse(shell.isDisposed(), "the embedded database refuses a sign-in, and the dialog says so");
        assertNotNull(dialog.getErrorMessage());
        assertFalse(dialog.getErrorMessage().equals(Messages.SignInDialog_mismatch), dialog.getErrorMessage());
        UiTesting.click(shell, IDialogConstants.CANCEL_LABEL);
        assertTrue(shell.isDisposed());
    }

    /** Someone whose roles give no right to change roles: every read of the real service, no write. */
    private static SecurityService readOnly() {
        return new SecurityService() {
            @Override
            public CurrentUser currentUser() {
                return new CurrentUser("looker", "Looker", List.of(Role.SALES_REP), false);
            }

            @Override
            public boolean isPermitted(Action action, String entity, String owner) {
                return action == Action.READ;
            }
        };
    }

    @Test
    void withoutTheRightToChangeRolesTheButtonsAreDisabledAndARefusalIsShownInTheServicesWords() {
        String login = "looked.at." + unique;
        created(login, "Looked At " + unique);
        SecurityService looker = readOnly();
        view.useServices(users, looker);
        UiTesting.waitForJobs(Jobs.FAMILY);
        select(login);
        for (String label : List.of(Messages.Users_add, Messages.Users_editRoles, Messages.Users_deactivate)) {
            assertFalse(UiTesting.button(viewArea(), label).isEnabled(), label + " is disabled for a reader");
        }
        assertTrue(UiTesting.button(viewArea(), Messages.Users_refresh).isEnabled());
        assertEquals(1, UiTesting.find(viewArea(), org.eclipse.swt.widgets.Label.class,
                l -> l.isVisible() && Messages.Users_readOnly.equals(l.getText())).size(), "the view says why");

        // rights taken away after the view enabled its buttons: the service refuses, checking as it always does
        UserService refusing = (UserService) Proxy.newProxyInstance(UserService.class.getClassLoader(),
                new Class<?>[] {UserService.class}, (proxy, method, args) -> {
                    if (!List.of("users", "findUser", "roles", "rolesOf", "teams", "shares").contains(method.getName())) {
                        looker.check(Action.UPDATE, "user", null);
                    }
                    try {
                        return method.invoke(users, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        view.useServices(refusing, Services.get(SecurityService.class));
        UiTesting.waitForJobs(Jobs.FAMILY);
        select(login);
        String[] shown = new String[1];
        UiTesting.DialogAnswer confirm = UiTesting.whenDialogOpensPress(Messages.Users_deactivateTitle, IDialogConstants.OK_LABEL);
        UiTesting.DialogAnswer refusal = UiTesting.whenDialogOpens(Messages.Users_title, shell -> {
            shown[0] = UiTesting.shownText(shell);
            UiTesting.click(shell, IDialogConstants.OK_LABEL);
        });
        UiTesting.click(viewArea(), Messages.Users_deactivate);
        confirm.assertAnswered();
        refusal.assertAnswered();
        assertTrue(shown[0].contains("looker"), "the refusal names who was refused: " + shown[0]);
        assertTrue(users.findUser(login).orElseThrow().isActive(), "nothing was changed");
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals(Messages.Users_yes, view.usersTable().getTable().getItem(rowOf(login)).getText(4));
    }
}
