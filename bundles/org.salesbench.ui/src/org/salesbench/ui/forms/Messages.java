package org.salesbench.ui.forms;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.ui.forms.messages";

    public static String Conflict_changed;
    public static String Conflict_changedBy;
    public static String Editor_conflict;
    public static String Editor_conflictBy;
    public static String Editor_conflictTitle;
    public static String Editor_errors;
    public static String Editor_keepMine;
    public static String Editor_reload;
    public static String Grid_chooseColumns;
    public static String Grid_hideColumn;
    public static String Grid_showAllColumns;
    public static String Undo_edit;
    public static String Undo_editGone;
    public static String Undo_gone;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
