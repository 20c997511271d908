package org.salesbench.contracts;

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
import org.salesbench.customers.Customer;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.quotes.Quote;

/**
 * A contract with a customer, made from a won opportunity or an accepted quote: its number (drawn from the configured
 * scheme when it is created), lines and amount in one currency, dates, and its {@link ContractStatus}. The amount is the
 * sum of the lines' amounts, computed and stored by the service. The owner (the record's {@code OWNER}) is the
 * salesperson answerable for it; the version column guards against lost updates.
 */
@Entity
@Table(name = "SB_CONTRACT")
public class Contract extends DeletableEntity {

    /** The entity name in permissions, events, the audit trail and approvals. */
    public static final String ENTITY = "contract";

    @Column(name = "CONTRACT_NUMBER", length = 64, nullable = false, unique = true)
    private String number;

    @Column(name = "TITLE", length = 200, nullable = false)
    private String title;

    @ManyToOne(optional = false)
    @JoinColumn(name = "CUSTOMER_ID", nullable = false)
    private Customer customer;

    @ManyToOne
    @JoinColumn(name = "OPPORTUNITY_ID")
    private Opportunity opportunity;

    @ManyToOne
    @JoinColumn(name = "QUOTE_ID")
    private Quote quote;

    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency = Money.DEFAULT_CURRENCY;

    @Column(name = "NET_TOTAL", precision = 19, scale = 4, nullable = false)
    private BigDecimal netTotal = BigDecimal.ZERO;

    @Column(name = "TAX_TOTAL", precision = 19, scale = 4, nullable = false)
    private BigDecimal taxTotal = BigDecimal.ZERO;

    /** What the customer pays: the lines' amounts with tax. */
    @Column(name = "AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal amount = BigDecimal.ZERO;

    @Column(name = "SIGNED_ON")
    private LocalDate signedOn;

    @Column(name = "START_DATE")
    private LocalDate startDate;

    @Column(name = "END_DATE")
    private LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private ContractStatus status = ContractStatus.DRAFT;

    @Column(name = "STATUS_CHANGED_AT")
    private Instant statusChangedAt;

    /** Why the status last changed where a reason is asked for: the approver's comment, the termination's reason. */
    @Column(name = "STATUS_NOTE", length = 1000)
    private String statusNote;

    /** Who approved or rejected it last. */
    @Column(name = "DECIDED_BY", length = 64)
    private String decidedBy;

    @OneToMany(mappedBy = "contract", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderColumn(name = "POSITION")
    private List<ContractLine> lines = new ArrayList<>();

    /** The contract this one renews (its predecessor), by id. */
    @Column(name = "RENEWS_ID")
    private Long renewsId;

    @Column(name = "RENEWAL_OPPORTUNITY_ID")
    private Long renewalOpportunityId;

    public Contract() {
    }

    public Contract(Customer customer, String title, String currency) {
        this.customer = customer;
        this.title = title;
        this.currency = currency;
    }

    /** Adds a line at the end and returns it. */
    public ContractLine addLine(ContractLine line) {
        line.setContract(this);
        lines.add(line);
        return line;
    }

    public void removeLine(ContractLine line) {
        if (lines.remove(line)) {
            line.setContract(null);
        }
    }

    public List<ContractLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    /** Computes and stores the lines' amounts and the totals; called by the service on every save. */
    public void applyTotals() {
        Money net = Money.zero(currency);
        Money tax = net;
        Money total = net;
        for (ContractLine line : lines) {
            line.applyAmounts(currency);
            net = net.plus(line.getNetAmount());
            tax = tax.plus(line.getTaxAmount());
            total = total.plus(line.getAmount());
        }
        netTotal = net.getAmount();
        taxTotal = tax.getAmount();
        amount = total.getAmount();
    }

    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Customer getCustomer() { return customer; }
    public void setCustomer(Customer customer) { this.customer = customer; }
    public Opportunity getOpportunity() { return opportunity; }
    public void setOpportunity(Opportunity opportunity) { this.opportunity = opportunity; }
    public Quote getQuote() { return quote; }
    public void setQuote(Quote quote) { this.quote = quote; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    /** Stored totals, as of the last save. */
    public Money getNetTotal() { return Money.of(netTotal, currency); }
    public Money getTaxTotal() { return Money.of(taxTotal, currency); }
    public Money getAmount() { return Money.of(amount, currency); }
    public LocalDate getSignedOn() { return signedOn; }
    public void setSignedOn(LocalDate signedOn) { this.signedOn = signedOn; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public ContractStatus getStatus() { return status; }
    public void setStatus(ContractStatus status) { this.status = status; }
    public Instant getStatusChangedAt() { return statusChangedAt; }
    public void setStatusChangedAt(Instant statusChangedAt) { this.statusChangedAt = statusChangedAt; }
    public String getStatusNote() { return statusNote; }
    public void setStatusNote(String statusNote) { this.statusNote = statusNote; }
    /** The id of the contract this one renews; {@code null} for a first contract. */
    public Long getRenewsId() { return renewsId; }
    public void setRenewsId(Long renewsId) { this.renewsId = renewsId; }
    /** The renewal opportunity made from this contract ({@link ContractService#createRenewalOpportunity}), if any. */
    public Long getRenewalOpportunityId() { return renewalOpportunityId; }
    public void setRenewalOpportunityId(Long renewalOpportunityId) { this.renewalOpportunityId = renewalOpportunityId; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }
}
