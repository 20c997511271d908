package org.salesbench.workflow.tests;

import java.util.List;

import org.salesbench.workflow.reminders.ReminderContext;
import org.salesbench.workflow.reminders.ReminderOccurrence;
import org.salesbench.workflow.reminders.ReminderRule;

/** A contributed rule that fails, as a broken add-on would: the engine must record it and run the others. */
public class ThrowingReminderRule implements ReminderRule {

    @Override
    public List<ReminderOccurrence> due(ReminderContext context) {
        throw new IllegalStateException("the test rule fails");
    }
}
