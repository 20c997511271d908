package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.component.ComponentFactory;
import org.salesbench.audit.ui.AuditHistoryPage;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.internal.CustomerEditor;
import org.salesbench.customers.ui.internal.OverviewPage;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresTeam;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.internal.Messages;
import org.salesbench.ui.internal.RememberedPasswords;
import org.salesbench.ui.internal.TeamServerSignIn;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.users.Role;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * A change made in the workbench on a team server is audited by the server: the workbench signs in to PostgreSQL as a
 * sales rep the way the product does (the sign-in dialog, then the database started as the installation's service, the
 * modules' services coming up over it as that database user), the rep edits their customer in its editor and saves, and
 * the history row the server's trigger wrote names the rep's database user, with the server's clock (CI runs the
 * services' clock a year ahead) and the workbench as the client; the editor's History page shows it.
 * <p>
 * Runs in a test JVM of its own (the {@code postgres-ui} execution of this module): it takes the workbench's database
 * away from the other tests' views.
 */
@Tag("postgres")
class PostgresCustomerEditorAuditUiTest {

    private static final String REP = "ui.rep.audit";

    @TempDir
    Path storage;

    @Test
    void aCustomerEditedInTheWorkbenchAsARepIsAuditedByTheServerAsThatUser() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        @SuppressWarnings("unchecked")
        ComponentFactory<Database> databases = Services.get(ComponentFactory.class, Database.FACTORY_FILTER);
        try (PostgresTeam team = PostgresTeam.create("editor_audit", db -> new UserServiceImpl(db, new RoleSecurityService(db)))) {
            team.person(REP, "界面代表", null, Role.SALES_REP);
            // the workbench's embedded database goes, as when the product starts on a team server instead; the open views
            // keep the services they were made with, so they go first (a view refreshing over the closed database would
            // open an error dialog that blocks the workbench from closing)
            page.closeAllEditors(false);
            for (IViewReference view : page.getViewReferences()) {
                page.hideView(view);
            }
            UiTesting.processEvents();
            Services.get(Database.class).close();
            Database signedIn = null;
            try {
                signedIn = signIn(window, databases, team);
                assertEquals(REP, signedIn.login(), "the database user");
                UiTesting.waitUntil("the services as the rep", () -> REP.equals(Services.find(SecurityService.class)
                        .map(s -> s.currentUser().login()).orElse(null)), 60_000);

                CustomerService customers = Services.get(CustomerService.class);
                Customer created = customers.create(new Customer("界面审计" + unique + "有限公司"));
                assertEquals(REP, created.getOwner());
                CustomerEditor editor = CustomerEditor.open(page, created.getId(), created.getName());
                OverviewPage overview = (OverviewPage) editor.findPage(OverviewPage.ID);
                UiTesting.waitUntil("the overview's fields", () -> overview.field("region") != null);
                UiTesting.type((Text) overview.field("region"), "苏州" + unique);
                assertTrue(editor.isDirty());
                page.saveEditor(editor, false);
                assertFalse(editor.isDirty(), "saved");

                List<String[]> rows = serverHistory(team, created.getId());
                String[] region = rows.stream().filter(r -> "region".equals(r[1])).findFirst().orElse(null);
                assertNotNull(region, "the server recorded the region's change: " + describe(rows));
                assertEquals(List.of("changed", "region", "", "苏州" + unique, REP), List.of(region[0], region[1], region[2], region[3], region[4]),
                        "the trigger's row names the database user");
                assertTrue(Long.parseLong(region[5]) < 300,
                        "written with the server's clock (seconds from the server's now: " + region[5] + "), not the client's");
                for (String[] row : rows) {
                    assertEquals(REP, row[4], "every history row of the rep's customer is the rep's: " + describe(rows));
                }

                AuditHistoryPage history = assertInstanceOf(AuditHistoryPage.class, editor.setActivePage(AuditHistoryPage.ID));
                UiTesting.waitForJobs(Jobs.FAMILY);
                UiTesting.waitUntil("the customer's history", () -> history.table() != null && history.table().getItemCount() == rows.size(), 20_000);
                Table table = history.table();
                TableItem changed = table.getItem(0);
                assertEquals(List.of("changed", "Region", "", "苏州" + unique, REP),
                        List.of(changed.getText(1), changed.getText(2), changed.getText(3), changed.getText(4), changed.getText(5)));
                assertNotNull(region[6], "the server recorded the client");
                assertTrue(changed.getText(6).startsWith(region[6]), "the client the server recorded (" + region[6] + "): " + changed.getText(6));
                assertEquals("created", table.getItem(table.getItemCount() - 1).getText(1));
                UiTesting.screenshot("customer-history-team-server");
                page.closeAllEditors(false);
            } finally {
                if (signedIn != null) {
                    signedIn.close();
                }
                // the embedded database back, and the views over it, so the workbench closes as it opened
                Database.start(databases, DatabaseSettings.fromSystemProperties());
                page.resetPerspective();
                UiTesting.processEvents();
            }
        }
    }

    /** The product's sign-in: the dialog, answered with the rep's password, and the database started as the service. */
    private Database signIn(IWorkbenchWindow window, ComponentFactory<Database> databases, PostgresTeam team) {
        UiTesting.DialogAnswer answer = UiTesting.whenDialogOpens(UiTesting.plain(Messages.SignIn_title), shell -> {
            assertEquals(REP, UiTesting.labelled(shell, UiTesting.plain(Messages.SignIn_user), Text.class).getText(), "the user name is filled in");
            UiTesting.type(UiTesting.labelled(shell, UiTesting.plain(Messages.SignIn_password), Text.class), PostgresTeam.PASSWORD);
            UiTesting.click(shell, UiTesting.plain(Messages.SignIn_button));
        });
        RememberedPasswords remembered = new RememberedPasswords(storage.resolve("secure_storage"), storage.resolve("secure_storage.key"));
        Database database = new TeamServerSignIn(remembered, s -> Database.start(databases, s))
                .signIn(window.getShell(), new DatabaseSettings(team.settings(REP).url(), REP, null));
        answer.assertAnswered();
        assertNotNull(database, "signed in");
        return database;
    }

    /** The customer's history rows as the server holds them, newest first: kind, field, old, new, user, seconds from now, client. */
    private static List<String[]> serverHistory(PostgresTeam team, long id) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = Database.connect(team.schema().settings());
                PreparedStatement select = c.prepareStatement("SELECT KIND, FIELD, COALESCE(OLD_VALUE, ''), COALESCE(NEW_VALUE, ''), USER_NAME,"
                        + " CAST(ABS(EXTRACT(EPOCH FROM (LOCALTIMESTAMP - CHANGED_AT))) AS BIGINT), CLIENT_APP FROM SB_AUDIT_EVENT"
                        + " WHERE ENTITY = 'customer' AND RECORD_ID = ? ORDER BY CHANGED_AT DESC, ID DESC")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[7];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static String describe(List<String[]> rows) {
        return rows.stream().map(java.util.Arrays::toString).toList().toString();
    }
}
