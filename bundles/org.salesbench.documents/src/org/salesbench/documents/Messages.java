package org.salesbench.documents;

import org.eclipse.osgi.util.NLS;

/** Texts of the documents bundle: page numbers and error messages. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.documents.messages";

    public static String Capital_fractionOfFen;
    public static String Capital_notYuan;
    public static String Capital_tooLarge;
    public static String Document_pageOf;
    public static String Document_rowWidth;
    public static String Document_tableWithoutColumns;
    public static String Document_writeFailed;
    public static String Font_notFound;
    public static String Font_unusable;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
