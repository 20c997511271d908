package org.salesbench.addons.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.addons.internal.messages";

    public static String Addons_noP2;
    public static String Addons_noAgent;
    public static String Addons_noProfile;
    public static String Addons_noSite;
    public static String Addons_notOnSite;
    public static String Addons_notInstalled;
    public static String Addons_notRoot;
    public static String Addons_cannotInstall;
    public static String Addons_cannotUninstall;
    public static String Addons_cancelled;
    public static String Transport_notFound;
    public static String Transport_failed;
    public static String Transport_scheme;
    public static String Transport_status;
    public static String Command_help;
    public static String Command_unknownAction;
    public static String Command_noSite;
    public static String Command_installed;
    public static String Command_uninstalled;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
