package org.salesbench.contracts.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.model.Money;

/** An invoice (发票) of a contract for some of its instalments: requested → issued | void. */
@Entity
@Table(name = "SB_CONTRACT_INVOICE")
public class Invoice extends AbstractEntity {

    @Column(name = "CONTRACT_ID", nullable = false)
    private long contractId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private InvoiceStatus status = InvoiceStatus.REQUESTED;

    /** The tax authority's number, given when issued; unique. */
    @Column(name = "NUMBER", length = 64)
    private String number;

    @Column(name = "INVOICE_DATE")
    private LocalDate invoiceDate;

    /** Including tax. */
    @Column(name = "AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal amount;

    @Column(name = "TAX", precision = 19, scale = 4, nullable = false)
    private BigDecimal tax;

    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency;

    @Column(name = "VOID_REASON", length = 500)
    private String voidReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "SB_CONTRACT_INVOICE_INSTALMENT", joinColumns = @JoinColumn(name = "INVOICE_ID"))
    @Column(name = "INSTALMENT_ID")
    private Set<Long> instalmentIds = new LinkedHashSet<>();

    protected Invoice() {
        // for JPA
    }

    public Invoice(long contractId, Money amount, Money tax, Set<Long> instalmentIds) {
        this.contractId = contractId;
        this.amount = amount.getAmount();
        this.tax = tax.getAmount();
        this.currency = amount.getCurrency();
        this.instalmentIds = new LinkedHashSet<>(instalmentIds);
    }

    public long getContractId() { return contractId; }
    public InvoiceStatus getStatus() { return status; }
    public String getNumber() { return number; }
    public LocalDate getInvoiceDate() { return invoiceDate; }
    public Money getAmount() { return Money.of(amount, currency); }
    public Money getTax() { return Money.of(tax, currency); }
    public String getVoidReason() { return voidReason; }
    public Set<Long> getInstalmentIds() { return Set.copyOf(instalmentIds); }

    public void issue(String issuedNumber, LocalDate date) {
        status = InvoiceStatus.ISSUED;
        number = issuedNumber;
        invoiceDate = date;
    }

    public void voidIt(String reason) {
        status = InvoiceStatus.VOID;
        voidReason = reason;
    }
}
