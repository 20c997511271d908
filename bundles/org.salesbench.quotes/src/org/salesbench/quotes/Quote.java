package org.salesbench.quotes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.salesbench.core.model.DeletableEntity;
import org.salesbench.core.model.Money;
import org.salesbench.opportunities.Opportunity;

/**
 * A priced offer to the customer of an opportunity. Each change of substance makes a new version (1, 2, 3 … per
 * opportunity), so what was sent stays as it was sent. Totals are computed by {@link QuoteTotals} and stored by the
 * service, so reports sum quotes in SQL.
 */
@Entity
@Table(name = "SB_QUOTE")
public class Quote extends DeletableEntity {

    public static final String ENTITY = "quote";

    @ManyToOne(optional = false)
    @JoinColumn(name = "OPPORTUNITY_ID", nullable = false)
    private Opportunity opportunity;

    /** 1 for the opportunity's first quote, then one more per new version; assigned by the service. */
    @Column(name = "QUOTE_VERSION", nullable = false)
    private int versionNumber;

    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency = Money.DEFAULT_CURRENCY;

    @Column(name = "VALID_UNTIL")
    private LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private QuoteStatus status = QuoteStatus.DRAFT;

    @Column(name = "NOTES", length = 2000)
    private String notes;

    @OneToMany(mappedBy = "quote", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderColumn(name = "POSITION")
    private List<QuoteLine> lines = new ArrayList<>();

    @Column(name = "SUBTOTAL", precision = 19, scale = 4)
    private BigDecimal subtotal;

    @Column(name = "DISCOUNT_TOTAL", precision = 19, scale = 4)
    private BigDecimal discountTotal;

    @Column(name = "NET_TOTAL", precision = 19, scale = 4)
    private BigDecimal netTotal;

    @Column(name = "TAX_TOTAL", precision = 19, scale = 4)
    private BigDecimal taxTotal;

    @Column(name = "GRAND_TOTAL", precision = 19, scale = 4)
    private BigDecimal grandTotal;

    @Column(name = "SUBMITTED_AT")
    private Instant submittedAt;

    /** Why approval was needed or how it was decided: the approval service's reason or the approver's comment. */
    @Column(name = "APPROVAL_NOTE", length = 1000)
    private String approvalNote;

    @Column(name = "DECIDED_BY", length = 64)
    private String decidedBy;

    @Column(name = "DECIDED_AT")
    private Instant decidedAt;

    /** The customer's reason when the quote was rejected. */
    @Column(name = "REJECTION_REASON", length = 1000)
    private String rejectionReason;

    public Quote() {
    }

    public Quote(Opportunity opportunity, LocalDate validUntil) {
        this.opportunity = opportunity;
        this.validUntil = validUntil;
        if (opportunity != null && opportunity.getAmount() != null) {
            this.currency = opportunity.getAmount().getCurrency();
        }
    }

    /** Adds a line at the end and returns it. */
    public QuoteLine addLine(QuoteLine line) {
        line.setQuote(this);
        lines.add(line);
        return line;
    }

    public void removeLine(QuoteLine line) {
        if (lines.remove(line)) {
            line.setQuote(null);
        }
    }

    public List<QuoteLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    /** A new draft with this quote's lines, numbered {@code nextVersion}; used by the service for a new version. */
    public Quote copyAsDraft(int nextVersion) {
        Quote copy = new Quote(opportunity, validUntil);
        copy.currency = currency;
        copy.notes = notes;
        copy.versionNumber = nextVersion;
        lines.forEach(l -> copy.addLine(l.copy()));
        return copy;
    }

    /** Stores the computed totals; called by the service on every save. */
    public void applyTotals(QuoteTotals totals) {
        subtotal = totals.subtotal().getAmount();
        discountTotal = totals.discount().getAmount();
        netTotal = totals.net().getAmount();
        taxTotal = totals.tax().getAmount();
        grandTotal = totals.total().getAmount();
    }

    private Money money(BigDecimal amount) {
        return amount == null ? null : Money.of(amount, currency);
    }

    public Opportunity getOpportunity() { return opportunity; }
    public void setOpportunity(Opportunity opportunity) { this.opportunity = opportunity; }
    public int getVersionNumber() { return versionNumber; }
    public void setVersionNumber(int versionNumber) { this.versionNumber = versionNumber; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
    public QuoteStatus getStatus() { return status; }
    public void setStatus(QuoteStatus status) { this.status = status; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    /** Stored totals, as of the last save; null before the first. */
    public Money getSubtotal() { return money(subtotal); }
    public Money getDiscountTotal() { return money(discountTotal); }
    public Money getNetTotal() { return money(netTotal); }
    public Money getTaxTotal() { return money(taxTotal); }
    public Money getGrandTotal() { return money(grandTotal); }
    public Instant getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(Instant submittedAt) { this.submittedAt = submittedAt; }
    public String getApprovalNote() { return approvalNote; }
    public void setApprovalNote(String approvalNote) { this.approvalNote = approvalNote; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Instant decidedAt) { this.decidedAt = decidedAt; }
    public String getRejectionReason() { return rejectionReason; }
    public void setRejectionReason(String rejectionReason) { this.rejectionReason = rejectionReason; }
}
