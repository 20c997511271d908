package org.salesbench.persistence.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import jakarta.persistence.spi.PersistenceUnitInfo;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.salesbench.persistence.ClientName;
import org.salesbench.persistence.DatabaseSettings;

/** Builds the EclipseLink unit: which classes, which loader, which settings. */
public final class PersistenceUnits {

    private PersistenceUnits() {
    }

    public static PersistenceUnitInfo unitInfo(List<String> classNames, Set<Bundle> bundles, DatabaseSettings settings) {
        Bundle self = FrameworkUtil.getBundle(PersistenceUnits.class);
        ClassLoader loader = new ContributionClassLoader(PersistenceUnits.class.getClassLoader(), bundles);
        return new AssembledUnitInfo(classNames, loader, self.getEntry("/"), new Properties());
    }

    /**
     * The unit's settings; {@code maskingViews} (table → view) are the masking views the session's SELECTs read
     * through ({@link MaskedReads}).
     */
    public static Map<String, Object> properties(DatabaseSettings settings, Map<String, String> maskingViews) {
        Map<String, Object> p = new HashMap<>();
        if (!maskingViews.isEmpty()) {
            p.put(PersistenceUnitProperties.SESSION_CUSTOMIZER, new MaskedReads(maskingViews));
            p.put(MaskedReads.PROPERTY, Map.copyOf(maskingViews)); // the session's properties, for MaskingViews
        }
        p.put(PersistenceUnitProperties.JDBC_DRIVER, settings.dialect().driverClass);
        p.put(PersistenceUnitProperties.JDBC_URL, settings.url());
        if (settings.user() != null) {
            p.put(PersistenceUnitProperties.JDBC_USER, settings.user());
        }
        if (settings.password() != null) {
            p.put(PersistenceUnitProperties.JDBC_PASSWORD, settings.password());
        }
        if (settings.dialect() == DatabaseSettings.Dialect.POSTGRESQL) {
            p.put(PersistenceUnitProperties.JDBC_PROPERTY + "ApplicationName", ClientName.current()); // the audit trail's client
        }
        p.put(PersistenceUnitProperties.TARGET_DATABASE, settings.dialect().platformClass);
        p.put(PersistenceUnitProperties.TARGET_SERVER, DriverOnlyServerPlatform.class.getName());
        // the schema belongs to the migrations, never to EclipseLink's DDL generation
        p.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE);
        p.put(PersistenceUnitProperties.WEAVING, "false");
        p.put(PersistenceUnitProperties.BATCH_WRITING, "JDBC");
        p.put(PersistenceUnitProperties.BATCH_WRITING_SIZE, "200");
        // several Salesbench clients may share one PostgreSQL server: read what is committed, not a stale cache
        p.put(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false");
        // connections are opened when needed (one at login) and up to this many are kept once opened: EclipseLink closes
        // any connection given back above it. With one, every call made while another ran opened a connection of its
        // own, which on PostgreSQL is a new server process and a password exchange (some 30-100 ms, under the pool's
        // lock): two clients ticking scheduled rules with their engines' events took 20 s on PostgreSQL, 0.5 s on Derby
        p.put(PersistenceUnitProperties.JDBC_CONNECTIONS_MIN, "4");
        p.put(PersistenceUnitProperties.LOGGING_LEVEL, System.getProperty("salesbench.db.log", "WARNING"));
        p.put(PersistenceUnitProperties.LOGGING_LOGGER, "DefaultLogger");
        return p;
    }
}
