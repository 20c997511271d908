package org.salesbench.users.internal.targets;

import org.eclipse.osgi.util.NLS;

/** Field labels and messages of the users and teams import target. */
public final class ImportMessages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.users.internal.targets.importmessages";

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
        NLS.initializeMessages(BUNDLE_NAME, ImportMessages.class);
    }

    private ImportMessages() {
    }
}
