package org.salesbench.contracts.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.model.Money;

/**
 * One instalment of a contract's payment plan: what is due when, and how much of it receipts have written off. A plan
 * that is replaced (before signing, or by an amendment after) keeps its instalments as history, no longer active.
 */
@Entity
@Table(name = "SB_CONTRACT_INSTALMENT")
public class Instalment extends AbstractEntity {

    @Column(name = "CONTRACT_ID", nullable = false)
    private long contractId;

    /** 1, 2, 3… in due order within the plan. */
    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "DUE_DATE", nullable = false)
    private LocalDate dueDate;

    @Column(name = "AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal amount;

    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency;

    /** The percentage of the contract amount it was given as, or null when it was given as an amount. */
    @Column(name = "PERCENT", precision = 7, scale = 4)
    private BigDecimal percent;

    /** What receipts have written off so far (reversals subtracted). */
    @Column(name = "PAID", precision = 19, scale = 4, nullable = false)
    private BigDecimal paid = BigDecimal.ZERO;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active = true;

    @Column(name = "DESCRIPTION", length = 200)
    private String description;

    /** The contract's customer, kept here so ageing by customer reads one index, not the contracts. */
    @Column(name = "CUSTOMER_ID")
    private Long customerId;

    /** Whether the contract's status makes its instalments receivables (approved or later; the recycle bin aside). */
    @Column(name = "CONTRACT_RECEIVABLE", nullable = false)
    private boolean contractReceivable;

    /**
     * Whether this instalment is open money owed now: active, of a receivable contract, not paid in full. Kept with
     * every change of those, in the same transaction, for the ageing index.
     */
    @Column(name = "RECEIVABLE", nullable = false)
    private boolean receivable;

    protected Instalment() {
        // for JPA
    }

    public Instalment(long contractId, int position, LocalDate dueDate, Money amount, BigDecimal percent, String description) {
        this.contractId = contractId;
        this.position = position;
        this.dueDate = dueDate;
        this.amount = amount.getAmount();
        this.currency = amount.getCurrency();
        this.percent = percent;
        this.description = description;
    }

    public long getContractId() { return contractId; }
    public int getPosition() { return position; }
    public LocalDate getDueDate() { return dueDate; }
    public Money getAmount() { return Money.of(amount, currency); }
    public BigDecimal getPercent() { return percent; }
    public Money getPaid() { return Money.of(paid, currency); }
    /** What is still to be received. */
    public Money getOpen() { return Money.of(amount.subtract(paid), currency); }
    public boolean isActive() { return active; }
    public String getDescription() { return description; }

    /** Adds a write-off (negative for a reversal); the service keeps it between zero and the amount. */
    public void addPaid(BigDecimal writtenOff) {
        paid = paid.add(writtenOff);
        receivable = computeReceivable();
    }

    /** Replaced by a new plan; kept as history. */
    public void retire() {
        active = false;
        receivable = computeReceivable();
    }

    public Long getCustomerId() { return customerId; }
    public boolean isContractReceivable() { return contractReceivable; }
    /** Open money owed now: active, of a receivable contract, not paid in full. */
    public boolean isReceivable() { return receivable; }

    /** Follows its contract: its customer and whether its status makes it a receivable. */
    public void follow(Long customerId, boolean contractReceivable) {
        this.customerId = customerId;
        this.contractReceivable = contractReceivable;
        receivable = computeReceivable();
    }

    private boolean computeReceivable() {
        return active && contractReceivable && paid.compareTo(amount) < 0;
    }
}
