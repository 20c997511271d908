package org.salesbench.persistence.internal;

import org.eclipse.persistence.platform.server.ServerPlatformBase;
import org.eclipse.persistence.sessions.DatabaseSession;

/**
 * Makes EclipseLink connect through the driver class, not {@code DriverManager}. Inside OSGi
 * DriverManager cannot see the driver and EclipseLink would report "No suitable driver"
 * instead of the real failure (a locked database, a wrong password).
 */
public class DriverOnlyServerPlatform extends ServerPlatformBase {

    public DriverOnlyServerPlatform(DatabaseSession session) {
        super(session);
    }

    @Override
    public boolean shouldUseDriverManager() {
        return false;
    }

    @Override
    public Class<? extends org.eclipse.persistence.sessions.ExternalTransactionController> getExternalTransactionControllerClass() {
        return null; // resource-local transactions only
    }
}
