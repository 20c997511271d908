package org.salesbench.contracts.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.model.Money;

/**
 * Money received on a contract, written off against its instalments first in, first out; what exceeds them is held
 * as a credit of the customer. A receipt is never deleted nor changed: it is reversed (红冲) by a receipt of the
 * opposite amount that names it ({@link #getReversesId()}), with a reason.
 */
@Entity
@Table(name = "SB_CONTRACT_RECEIPT")
public class Receipt extends AbstractEntity {

    @Column(name = "CONTRACT_ID", nullable = false)
    private long contractId;

    @Column(name = "CUSTOMER_ID")
    private Long customerId;

    @Column(name = "RECEIVED_ON", nullable = false)
    private LocalDate receivedOn;

    /** Negative for a reversal. */
    @Column(name = "AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal amount;

    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "METHOD", length = 20, nullable = false)
    private ReceiptMethod method;

    @Column(name = "REFERENCE", length = 100)
    private String reference;

    /** The part held as the customer's credit (negative on a reversal that takes it back). */
    @Column(name = "CREDITED", precision = 19, scale = 4, nullable = false)
    private BigDecimal credited = BigDecimal.ZERO;

    /** On a reversal: the receipt it reverses. */
    @Column(name = "REVERSES_ID")
    private Long reversesId;

    /** On a reversed receipt: its reversal. */
    @Column(name = "REVERSED_BY_ID")
    private Long reversedById;

    /** On a reversal: why. */
    @Column(name = "REASON", length = 500)
    private String reason;

    protected Receipt() {
        // for JPA
    }

    public Receipt(long contractId, Long customerId, LocalDate receivedOn, Money amount, ReceiptMethod method, String reference) {
        this.contractId = contractId;
        this.customerId = customerId;
        this.receivedOn = receivedOn;
        this.amount = amount.getAmount();
        this.currency = amount.getCurrency();
        this.method = method;
        this.reference = reference;
    }

    /** The reversal of {@code original}, dated {@code on}. */
    public static Receipt reversalOf(Receipt original, LocalDate on, String reason) {
        Receipt r = new Receipt(original.contractId, original.customerId, on, Money.of(original.amount.negate(), original.currency),
                original.method, original.reference);
        r.reversesId = original.getId();
        r.reason = reason;
        r.setOwner(original.getOwner());
        return r;
    }

    public long getContractId() { return contractId; }
    public Long getCustomerId() { return customerId; }

    /** Follows its contract to the customer another was merged into (the one change a receipt takes). */
    public void mergedInto(long customerId) { this.customerId = customerId; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public Money getAmount() { return Money.of(amount, currency); }
    public ReceiptMethod getMethod() { return method; }
    public String getReference() { return reference; }
    public Money getCredited() { return Money.of(credited, currency); }
    public Long getReversesId() { return reversesId; }
    public Long getReversedById() { return reversedById; }
    public String getReason() { return reason; }

    public boolean isReversal() { return reversesId != null; }
    public boolean isReversed() { return reversedById != null; }

    public void setCredited(BigDecimal credited) { this.credited = credited; }
    public void setReversedById(Long reversedById) { this.reversedById = reversedById; }
}
