package org.salesbench.workflow.internal.reminders;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.reminders.ReminderContext;
import org.salesbench.workflow.reminders.ReminderOccurrence;
import org.salesbench.workflow.reminders.ReminderRule;

/** An approved or sent quote is valid for at most the rule's days more: one task per quote and valid-until date. */
public class QuoteExpiringRule implements ReminderRule {

    @Override
    public List<ReminderOccurrence> due(ReminderContext context) {
        LocalDate today = context.today();
        List<Object[]> rows = context.read(em -> em.createQuery(
                "SELECT q.id, q.owner, q.opportunity.name, q.validUntil FROM Quote q"
                        + " WHERE q.status IN :live AND q.validUntil BETWEEN :today AND :until", Object[].class)
                .setParameter("live", List.of(QuoteStatus.APPROVED, QuoteStatus.SENT)).setParameter("today", today)
                .setParameter("until", today.plusDays(context.days())).getResultList());
        return rows.stream().map(r -> {
            LocalDate date = (LocalDate) r[3];
            return new ReminderOccurrence(new RecordRef("quote", (Long) r[0]), (String) r[1],
                    Rules.clip(NLS.bind(Messages.Quote_title, r[2], date)),
                    date.atTime(FollowUpDueRule.DUE_TIME).atZone(context.zone()).toInstant(), "quote:" + r[0] + ":" + date);
        }).toList();
    }
}
