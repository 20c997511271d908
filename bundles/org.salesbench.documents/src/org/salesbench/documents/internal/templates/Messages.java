package org.salesbench.documents.internal.templates;

import org.eclipse.osgi.util.NLS;

/** Texts of the template engine: why a template is refused or cannot be rendered. */
final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.documents.internal.templates.messages";

    public static String Template_capital;
    public static String Template_providerFailed;
    public static String Template_rawValue;
    public static String Template_renderFailed;
    public static String Template_sectionAsValue;
    public static String Template_unknownPlaceholder;
    public static String Template_unknownSection;
    public static String Template_unreadable;
    public static String Template_unsupported;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
