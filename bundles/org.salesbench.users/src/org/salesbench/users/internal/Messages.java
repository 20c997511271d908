package org.salesbench.users.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.users.internal.messages";

    public static String User_login;
    public static String User_loginFormat;
    public static String User_loginTaken;
    public static String User_displayName;
    public static String User_email;
    public static String User_manager;
    public static String User_unknown;
    public static String Team_name;
    public static String Team_manager;
    public static String Team_members;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
