package org.salesbench.contracts.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.model.Money;

/**
 * One entry of a customer's credit ledger: an over-payment held for the customer (positive), or its taking back by a
 * reversal (negative). The balance is the sum of the entries; nothing is ever lost nor deleted.
 */
@Entity
@Table(name = "SB_CUSTOMER_CREDIT")
public class CustomerCredit extends AbstractEntity {

    @Column(name = "CUSTOMER_ID")
    private Long customerId;

    @Column(name = "CONTRACT_ID", nullable = false)
    private long contractId;

    @Column(name = "RECEIPT_ID", nullable = false)
    private long receiptId;

    @Column(name = "AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal amount;

    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency;

    @Column(name = "ENTRY_DATE", nullable = false)
    private LocalDate entryDate;

    protected CustomerCredit() {
        // for JPA
    }

    public CustomerCredit(Long customerId, long contractId, long receiptId, Money amount, LocalDate entryDate) {
        this.customerId = customerId;
        this.contractId = contractId;
        this.receiptId = receiptId;
        this.amount = amount.getAmount();
        this.currency = amount.getCurrency();
        this.entryDate = entryDate;
    }

    public Long getCustomerId() { return customerId; }

    /** Moves the entry to the customer this one was merged into: the survivor holds the credit (the one change an entry takes). */
    public void mergedInto(long customerId) { this.customerId = customerId; }
    public long getContractId() { return contractId; }
    public long getReceiptId() { return receiptId; }
    public Money getAmount() { return Money.of(amount, currency); }
    public LocalDate getEntryDate() { return entryDate; }
}
