package org.salesbench.ui.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.component.ComponentFactory;
import org.salesbench.persistence.ClientName;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.ui.Services;

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
        ClientName.declare(ClientName.WORKBENCH);
        Display display = PlatformUI.createDisplay();
        Database database = null;
        try {
            try {
                @SuppressWarnings("unchecked")
                ComponentFactory<Database> databases = Services.get(ComponentFactory.class, Database.FACTORY_FILTER);
                database = Database.start(databases, DatabaseSettings.fromSystemProperties());
            } catch (DatabaseException | IllegalArgumentException e) {
                System.err.println("salesbench: " + e.getMessage());
                context.applicationRunning();
                MessageDialog.openError(null, Messages.Application_databaseErrorTitle, e.getMessage());
                return EXIT_DATABASE;
            }
            int code = PlatformUI.createAndRunWorkbench(display, new SalesbenchWorkbenchAdvisor());
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            if (database != null) {
                database.close();
            }
            display.dispose();
        }
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
