package org.salesbench.core.validation;

import org.eclipse.osgi.util.NLS;

/** Validation messages shared by every module. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.core.validation.messages";

    public static String Validation_required;
    public static String Validation_tooLong;
    public static String Validation_email;
    public static String Validation_phone;
    public static String Validation_creditCodeLength;
    public static String Validation_creditCodeCharacters;
    public static String Validation_creditCodeChecksum;
    public static String Validation_negative;
    public static String Validation_notInList;
    public static String Validation_dateBefore;
    public static String Validation_tooLarge;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
