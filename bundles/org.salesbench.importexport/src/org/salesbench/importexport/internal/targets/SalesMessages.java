package org.salesbench.importexport.internal.targets;

import org.eclipse.osgi.util.NLS;

/** Texts of the sales targets: leads, opportunities, products, users and teams. */
public final class SalesMessages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.importexport.internal.targets.salesmessages";

    public static String User_login;
    public static String User_displayName;
    public static String User_email;
    public static String User_manager;
    public static String User_team;
    public static String User_region;
    public static String User_active;
    public static String User_loginNeeded;
    public static String Note_loginDerived;
    public static String Note_managerCreated;
    public static String Note_teamCreated;
    public static String Note_teamNamedAfterManager;

    static {
        NLS.initializeMessages(BUNDLE_NAME, SalesMessages.class);
    }

    private SalesMessages() {
    }
}
