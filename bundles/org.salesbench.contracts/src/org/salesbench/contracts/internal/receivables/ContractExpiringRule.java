package org.salesbench.contracts.internal.receivables;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.reminders.ReminderContext;
import org.salesbench.workflow.reminders.ReminderOccurrence;
import org.salesbench.workflow.reminders.ReminderRule;

/**
 * A signed or running contract ends within the rule's days: a renewal reminder for its owner, one per contract and end
 * date (a contract extended and about to end again reminds again).
 */
public class ContractExpiringRule implements ReminderRule {

    @Override
    public List<ReminderOccurrence> due(ReminderContext context) {
        LocalDate today = context.today();
        List<Object[]> rows = context.read(em -> em.createQuery(
                "SELECT c.id, c.owner, c.number, c.title, c.endDate FROM Contract c"
                        + " WHERE c.deletedAt IS NULL AND c.status IN :running AND c.endDate BETWEEN :today AND :until", Object[].class)
                .setParameter("running", List.of(ContractStatus.SIGNED, ContractStatus.ACTIVE)).setParameter("today", today)
                .setParameter("until", today.plusDays(context.days())).getResultList());
        return rows.stream().map(r -> {
            LocalDate end = (LocalDate) r[4];
            return new ReminderOccurrence(new RecordRef(Contract.ENTITY, (Long) r[0]), (String) r[1],
                    InstalmentOverdueRule.clip(NLS.bind(Messages.Reminder_contractExpiring, new Object[] { r[2], r[3], end })),
                    end.atTime(InstalmentOverdueRule.DUE_TIME).atZone(context.zone()).toInstant(), "contract:" + r[0] + ":" + end);
        }).toList();
    }
}
