package org.salesbench.customers;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.eclipse.persistence.annotations.AdditionalCriteria;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.salesbench.core.model.DeletableEntity;

/**
 * One contact record on a customer's timeline: a call, visit, e-mail, meeting or note. Its next
 * step date feeds the customer's next follow-up.
 */
@Entity
@Table(name = "SB_ACTIVITY")
// in the recycle bin (alone or with its customer), it is in no list, no customer's collection, no query
@AdditionalCriteria("this.deletedAt IS NULL")
public class Activity extends DeletableEntity {

    public static final String ENTITY = "activity";

    @ManyToOne(optional = false)
    @JoinColumn(name = "CUSTOMER_ID", nullable = false)
    private Customer customer;

    /** The contact spoken to, if any. */
    @ManyToOne
    @JoinColumn(name = "CONTACT_ID")
    private Contact contact;

    @Enumerated(EnumType.STRING)
    @Column(name = "ACTIVITY_TYPE", length = 16, nullable = false)
    private ActivityType type;

    @Column(name = "OCCURRED_AT", nullable = false)
    private LocalDateTime occurredAt;

    /** Login of the user who had the contact. */
    @Column(name = "PERFORMED_BY", length = 64, nullable = false)
    private String performedBy;

    @Column(name = "SUMMARY", length = 1000, nullable = false)
    private String summary;

    @Column(name = "OUTCOME", length = 1000)
    private String outcome;

    @Column(name = "NEXT_STEP", length = 500)
    private String nextStep;

    @Column(name = "NEXT_STEP_DATE")
    private LocalDate nextStepDate;

    /** How satisfied the customer said they were with this contact, 1 (very unsatisfied) to 5 (very satisfied); null: not asked. */
    @Column(name = "SATISFACTION")
    private Integer satisfaction;

    public Activity() {
    }

    public Activity(ActivityType type, LocalDateTime occurredAt, String summary) {
        this.type = type;
        this.occurredAt = occurredAt;
        this.summary = summary;
    }

    public Customer getCustomer() { return customer; }
    void setCustomer(Customer customer) { this.customer = customer; }
    public Contact getContact() { return contact; }
    public void setContact(Contact contact) { this.contact = contact; }
    public ActivityType getType() { return type; }
    public void setType(ActivityType type) { this.type = type; }
    public LocalDateTime getOccurredAt() { return occurredAt; }
    public void setOccurredAt(LocalDateTime occurredAt) { this.occurredAt = occurredAt; }
    public String getPerformedBy() { return performedBy; }
    public void setPerformedBy(String performedBy) { this.performedBy = performedBy; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getNextStep() { return nextStep; }
    public void setNextStep(String nextStep) { this.nextStep = nextStep; }
    public LocalDate getNextStepDate() { return nextStepDate; }
    public void setNextStepDate(LocalDate nextStepDate) { this.nextStepDate = nextStepDate; }
    public Integer getSatisfaction() { return satisfaction; }
    public void setSatisfaction(Integer satisfaction) { this.satisfaction = satisfaction; }
}
