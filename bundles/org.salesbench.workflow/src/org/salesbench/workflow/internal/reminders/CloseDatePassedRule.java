package org.salesbench.workflow.internal.reminders;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.salesbench.opportunities.StageKind;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.reminders.ReminderContext;
import org.salesbench.workflow.reminders.ReminderOccurrence;
import org.salesbench.workflow.reminders.ReminderRule;

/**
 * An open opportunity's expected close date has passed (within the rule's days): close it or move the date. One task
 * per opportunity and close date, so moving the date and missing it again reminds again.
 */
public class CloseDatePassedRule implements ReminderRule {

    @Override
    public List<ReminderOccurrence> due(ReminderContext context) {
        LocalDate today = context.today();
        LocalDate since = today.minusDays(Math.max(1, context.days()));
        List<Object[]> rows = context.read(em -> em.createQuery(
                "SELECT o.id, o.owner, o.name, o.expectedCloseDate FROM Opportunity o"
                        + " WHERE o.state = :open AND o.expectedCloseDate >= :since AND o.expectedCloseDate < :today", Object[].class)
                .setParameter("open", StageKind.OPEN).setParameter("since", since).setParameter("today", today).getResultList());
        return rows.stream().map(r -> {
            LocalDate date = (LocalDate) r[3];
            return new ReminderOccurrence(new RecordRef("opportunity", (Long) r[0]), (String) r[1],
                    Rules.clip(NLS.bind(Messages.CloseDate_title, r[2], date)),
                    date.plusDays(1).atTime(FollowUpDueRule.DUE_TIME).atZone(context.zone()).toInstant(),
                    "opportunity:" + r[0] + ":" + date);
        }).toList();
    }
}
