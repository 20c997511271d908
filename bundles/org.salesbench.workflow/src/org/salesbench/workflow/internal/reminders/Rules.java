package org.salesbench.workflow.internal.reminders;

/** What the production rules share. */
final class Rules {

    /** The longest title a task has. */
    private static final int TITLE_LENGTH = 200;

    private Rules() {
    }

    /** A title cut to the task's column, a long record name being no reason to lose the reminder. */
    static String clip(String title) {
        return title.length() <= TITLE_LENGTH ? title : title.substring(0, TITLE_LENGTH - 1) + "…";
    }
}
