package org.salesbench.workflow.internal.reminders;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.reminders.ReminderContext;
import org.salesbench.workflow.reminders.ReminderOccurrence;
import org.salesbench.workflow.reminders.ReminderRule;

/**
 * A customer is about to return to the public pool: the pool's sweep warned its owner (customers publishes the warnings
 * in {@code SB_CUSTOMER_POOL_WARNING}). One task per warning, due when the customer would return.
 */
public class PoolReturnRule implements ReminderRule {

    @Override
    public List<ReminderOccurrence> due(ReminderContext context) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = context.read(em -> em.createNativeQuery(
                "SELECT CUSTOMER_ID, OWNER, WARNED_AT, RETURN_ON FROM SB_CUSTOMER_POOL_WARNING").getResultList());
        return rows.stream().map(r -> {
            long customer = ((Number) r[0]).longValue();
            LocalDateTime warned = ((Timestamp) r[2]).toLocalDateTime();
            LocalDateTime returnOn = ((Timestamp) r[3]).toLocalDateTime();
            return new ReminderOccurrence(new RecordRef("customer", customer), (String) r[1],
                    Rules.clip(NLS.bind(Messages.Pool_title, customer, returnOn.toLocalDate())),
                    returnOn.atZone(context.zone()).toInstant(), "customer:" + customer + ":" + warned.toLocalDate());
        }).toList();
    }
}
