package org.salesbench.workflow.internal.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.salesbench.opportunities.StageKind;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.reminders.ReminderContext;
import org.salesbench.workflow.reminders.ReminderOccurrence;
import org.salesbench.workflow.reminders.ReminderRule;

/** An open opportunity has stayed in its stage for the rule's days: one task per stay in a stage, for its owner. */
public class OpportunityIdleRule implements ReminderRule {

    @Override
    public List<ReminderOccurrence> due(ReminderContext context) {
        if (context.days() <= 0) {
            return List.of();
        }
        Duration idle = Duration.ofDays(context.days());
        Instant cutoff = context.now().minus(idle);
        List<Object[]> rows = context.read(em -> em.createQuery(
                "SELECT o.id, o.owner, o.name, o.stageEnteredAt, o.stage.id, o.stage.name FROM Opportunity o"
                        + " WHERE o.state = :open AND o.stageEnteredAt <= :cutoff", Object[].class)
                .setParameter("open", StageKind.OPEN).setParameter("cutoff", cutoff).getResultList());
        return rows.stream().map(r -> {
            Instant entered = (Instant) r[3];
            String title = NLS.bind(Messages.Idle_title, new Object[] {r[2], r[5], context.days()});
            return new ReminderOccurrence(new RecordRef("opportunity", (Long) r[0]), (String) r[1], Rules.clip(title),
                    entered.plus(idle), "opportunity:" + r[0] + ":" + r[4] + ":" + entered.getEpochSecond());
        }).toList();
    }
}
