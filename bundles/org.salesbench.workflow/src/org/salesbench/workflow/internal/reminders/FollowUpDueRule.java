package org.salesbench.workflow.internal.reminders;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.salesbench.customers.pool.CustomerPool;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.reminders.ReminderContext;
import org.salesbench.workflow.reminders.ReminderOccurrence;
import org.salesbench.workflow.reminders.ReminderRule;

/**
 * A customer's next follow-up date is today or has passed (by at most the rule's days: one that passed long ago was
 * dealt with or forgotten, and a flood of old tasks helps nobody). One task per customer and follow-up date, for its
 * owner; a customer in the public pool has none.
 */
public class FollowUpDueRule implements ReminderRule {

    /** When on the follow-up date the task is due. */
    static final LocalTime DUE_TIME = LocalTime.of(9, 0);

    @Override
    public List<ReminderOccurrence> due(ReminderContext context) {
        LocalDate today = context.today();
        LocalDate since = today.minusDays(context.days());
        List<Object[]> rows = context.read(em -> em.createQuery(
                "SELECT c.id, c.owner, c.name, c.nextFollowUp FROM Customer c"
                        + " WHERE c.nextFollowUp BETWEEN :since AND :today AND c.owner <> :pool", Object[].class)
                .setParameter("since", since).setParameter("today", today).setParameter("pool", CustomerPool.POOL_OWNER)
                .getResultList());
        return rows.stream().map(r -> {
            LocalDate date = (LocalDate) r[3];
            String title = NLS.bind(date.isBefore(today) ? Messages.FollowUp_overdue : Messages.FollowUp_today, r[2], date);
            return new ReminderOccurrence(new RecordRef("customer", (Long) r[0]), (String) r[1], Rules.clip(title),
                    date.atTime(DUE_TIME).atZone(context.zone()).toInstant(), "customer:" + r[0] + ":" + date);
        }).toList();
    }
}
