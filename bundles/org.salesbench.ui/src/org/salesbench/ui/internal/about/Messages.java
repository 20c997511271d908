package org.salesbench.ui.internal.about;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.ui.internal.about.messages";

    public static String About_title;
    public static String About_version;
    public static String About_text;
    public static String About_libraries;
    public static String About_library;
    public static String About_libraryVersion;
    public static String About_licence;
    public static String About_licenceUnknown;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
