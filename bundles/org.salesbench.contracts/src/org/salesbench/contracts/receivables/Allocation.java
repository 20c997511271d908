package org.salesbench.contracts.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * The part of a receipt written off against one instalment (negative for a reversal), dated by the receipt, so the
 * open amount of an instalment on any past day is its amount less its write-offs up to that day.
 */
@Entity
@Table(name = "SB_CONTRACT_ALLOCATION")
public class Allocation extends AbstractEntity {

    @Column(name = "CONTRACT_ID", nullable = false)
    private long contractId;

    @Column(name = "RECEIPT_ID", nullable = false)
    private long receiptId;

    @Column(name = "INSTALMENT_ID", nullable = false)
    private long instalmentId;

    @Column(name = "AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal amount;

    @Column(name = "ON_DATE", nullable = false)
    private LocalDate onDate;

    protected Allocation() {
        // for JPA
    }

    public Allocation(long contractId, long receiptId, long instalmentId, BigDecimal amount, LocalDate onDate) {
        this.contractId = contractId;
        this.receiptId = receiptId;
        this.instalmentId = instalmentId;
        this.amount = amount;
        this.onDate = onDate;
    }

    public long getContractId() { return contractId; }
    public long getReceiptId() { return receiptId; }
    public long getInstalmentId() { return instalmentId; }
    public BigDecimal getAmount() { return amount; }
    public LocalDate getOnDate() { return onDate; }
}
