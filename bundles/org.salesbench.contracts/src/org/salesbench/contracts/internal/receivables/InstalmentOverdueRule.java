package org.salesbench.contracts.internal.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.salesbench.contracts.Contract;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.reminders.ReminderContext;
import org.salesbench.workflow.reminders.ReminderOccurrence;
import org.salesbench.workflow.reminders.ReminderRule;

/**
 * An instalment of an approved contract is past due and not fully received (due within the rule's days before today):
 * one task for the contract's owner per instalment, once, whatever is received later.
 */
public class InstalmentOverdueRule implements ReminderRule {

    /** When the task of a reminder about a day falls due: the start of the working day after it. */
    static final LocalTime DUE_TIME = LocalTime.of(9, 0);

    @Override
    public List<ReminderOccurrence> due(ReminderContext context) {
        LocalDate today = context.today();
        LocalDate since = today.minusDays(Math.max(1, context.days()));
        List<Object[]> rows = context.read(em -> em.createQuery(
                "SELECT i.id, c.id, c.owner, c.number, c.title, i.dueDate, i.amount - i.paid, i.position FROM Instalment i, Contract c"
                        + " WHERE c.id = i.contractId AND c.deletedAt IS NULL AND i.active = TRUE AND i.paid < i.amount AND c.status IN :receivable"
                        + " AND i.dueDate >= :since AND i.dueDate < :today", Object[].class)
                .setParameter("receivable", ContractFacts.RECEIVABLE).setParameter("since", since).setParameter("today", today).getResultList());
        return rows.stream().map(r -> {
            LocalDate due = (LocalDate) r[5];
            BigDecimal open = ((BigDecimal) r[6]).setScale(2, java.math.RoundingMode.HALF_UP);
            return new ReminderOccurrence(new RecordRef(Contract.ENTITY, (Long) r[1]), (String) r[2],
                    clip(NLS.bind(Messages.Reminder_instalmentOverdue, new Object[] { r[7], r[3], r[4], due, open.toPlainString() })),
                    due.plusDays(1).atTime(DUE_TIME).atZone(context.zone()).toInstant(), "instalment:" + r[0]);
        }).toList();
    }

    /** A title cut to the task's column (200 characters), a long contract title being no reason to lose the reminder. */
    static String clip(String title) {
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }
}
