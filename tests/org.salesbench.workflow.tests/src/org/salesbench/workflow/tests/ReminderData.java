package org.salesbench.workflow.tests;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

import org.salesbench.core.model.Money;
import org.salesbench.customers.Customer;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.persistence.Database;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteStatus;

/** Records of other modules as a test sets them up: rows with just the columns the reminder rules read. */
final class ReminderData {

    private final Database db;
    private Pipeline pipeline;
    private Stage stage;
    private int quoteVersions;

    ReminderData(Database db) {
        this.db = db;
    }

    long customer(String name, String owner, LocalDate nextFollowUp) {
        return db.write(em -> {
            Customer c = new Customer(name);
            c.setNormalizedName(name.toLowerCase(Locale.ROOT));
            c.setOwner(owner);
            c.setNextFollowUp(nextFollowUp);
            em.persist(c);
            em.flush();
            return c.getId();
        });
    }

    void followUp(long customerId, LocalDate next) {
        db.write(em -> {
            em.find(Customer.class, customerId).setNextFollowUp(next);
            return null;
        });
    }

    long opportunity(long customerId, String name, String owner, StageKind state, Instant stageEntered, LocalDate closeDate) {
        return db.write(em -> {
            if (pipeline == null) {
                pipeline = new Pipeline("Standard");
                stage = pipeline.addStage(new Stage("Proposal", 50, StageKind.OPEN));
                em.persist(pipeline);
            }
            Opportunity o = new Opportunity(em.find(Customer.class, customerId), name, Money.of(new BigDecimal("100000"), "CNY"));
            o.setPipeline(em.merge(pipeline));
            o.setStage(em.merge(stage));
            o.setState(state);
            o.setStageEnteredAt(stageEntered);
            o.setExpectedCloseDate(closeDate);
            o.setOwner(owner);
            em.persist(o);
            em.flush();
            return o.getId();
        });
    }

    long quote(long opportunityId, String owner, QuoteStatus status, LocalDate validUntil) {
        return db.write(em -> {
            Quote q = new Quote(em.find(Opportunity.class, opportunityId), validUntil);
            q.setStatus(status);
            q.setVersionNumber(++quoteVersions);
            q.setOwner(owner);
            em.persist(q);
            em.flush();
            return q.getId();
        });
    }

    /** A warning as the pool's sweep leaves it in the table customers publishes. */
    void poolWarning(long customerId, String owner, LocalDateTime warnedAt, LocalDateTime returnOn) {
        db.write(em -> em.createNativeQuery("INSERT INTO SB_CUSTOMER_POOL_WARNING (CUSTOMER_ID, OWNER, FOLLOW_UP_AT, WARNED_AT, RETURN_ON)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, customerId).setParameter(2, owner)
                .setParameter(3, Timestamp.valueOf(warnedAt.minusDays(23))).setParameter(4, Timestamp.valueOf(warnedAt))
                .setParameter(5, Timestamp.valueOf(returnOn)).executeUpdate());
    }
}
