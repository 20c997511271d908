package org.salesbench.ui.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.component.ComponentFactory;
import org.salesbench.core.time.AfterFirstView;
import org.salesbench.persistence.ClientName;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.ui.Services;
import org.salesbench.ui.StartupTimes;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.internal.preferences.UiPreferences;

/**
 * The Salesbench workbench application: starts the database named by the {@code salesbench.db.*}
 * system properties (the launcher sets them), which makes it the {@link UnitOfWork} service, runs the
 * workbench, and closes the database on exit.
 */
public class Application implements IApplication {

    /** Exit code when the database cannot be opened (another Salesbench has it, a wrong URL …). */
    public static final Integer EXIT_DATABASE = 3;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        StartupTimes.phase("application");
        // the first grid's one-time work, on a thread of its own while the display is made and the database opens
        VirtualGrid.primeInBackground();
        // before the database opens and the components that schedule start-up work come up with it: that work waits
        // for the first view's paint (StartupTimes)
        AfterFirstView.hold();
        ClientName.declare(ClientName.WORKBENCH);
        Display display = PlatformUI.createDisplay();
        StartupTimes.phase("display");
        forgetStoredPassword();
        Database database = null;
        try {
            try {
                @SuppressWarnings("unchecked")
                ComponentFactory<Database> databases = Services.get(ComponentFactory.class, Database.FACTORY_FILTER);
                DatabaseSettings settings = DatabaseSettings.fromSystemProperties();
                database = settings.dialect() == DatabaseSettings.Dialect.POSTGRESQL && settings.password() == null
                        ? signIn(context, databases, settings)
                        // off the user interface thread, with a window saying so when it takes long (a first start)
                        : OpeningProgress.open(display, settings, () -> Database.start(databases, settings));
                if (database == null) {
                    return IApplication.EXIT_OK; // the user cancelled the sign-in
                }
                StartupTimes.phase("database");
                if (!database.notices().isEmpty()) { // e.g. a lock a crashed Salesbench left, released
                    OpeningProgress.close(); // the message is read before the workbench comes
                    MessageDialog.openWarning(null, Messages.Application_databaseNoticeTitle, String.join("\n\n", database.notices()));
                }
            } catch (DatabaseException | IllegalArgumentException e) {
                OpeningProgress.close();
                System.err.println("salesbench: " + e.getMessage());
                context.applicationRunning();
                MessageDialog.openError(null, Messages.Application_databaseErrorTitle, e.getMessage());
                return EXIT_DATABASE;
            }
            int code = PlatformUI.createAndRunWorkbench(display, new SalesbenchWorkbenchAdvisor());
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            OpeningProgress.close(); // if the workbench never showed its window
            if (database != null) {
                database.close();
            }
            display.dispose();
        }
    }

    /** Earlier versions kept the database password in the preferences, in plain text: it goes. */
    private static void forgetStoredPassword() {
        if (UiPreferences.store().contains(UiPreferences.OBSOLETE_DB_PASSWORD)) {
            UiPreferences.store().setToDefault(UiPreferences.OBSOLETE_DB_PASSWORD);
            try {
                UiPreferences.store().save();
            } catch (java.io.IOException e) {
                System.err.println("salesbench: " + e.getMessage());
            }
        }
    }

    /**
     * A team server: the person signs in as their own database user. A refused password asks again, with the server's
     * reason; the user name is remembered, the password only if they ask (in secure storage).
     */
    private static Database signIn(IApplicationContext context, ComponentFactory<Database> databases, DatabaseSettings settings) {
        context.applicationRunning();
        return new TeamServerSignIn(RememberedPasswords.ofConfiguration(), s -> Database.start(databases, s)).signIn(null, settings);
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        var workbench = PlatformUI.getWorkbench();
        var display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
