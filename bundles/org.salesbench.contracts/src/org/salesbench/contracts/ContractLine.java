package org.salesbench.contracts;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.model.Money;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.QuoteLine;
import org.salesbench.quotes.QuoteTotals;

/**
 * One line of a contract: what is sold (a catalogue product, or only a description), the quantity, the unit price
 * agreed, a discount and the tax rate, copied from the quote or deal the contract came from so a later change there
 * never alters the contract. Amounts are the quotes' rounding ({@link QuoteTotals#line}) and are stored.
 */
@Entity
@Table(name = "SB_CONTRACT_LINE")
public class ContractLine extends AbstractEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "CONTRACT_ID", nullable = false)
    private Contract contract;

    @ManyToOne
    @JoinColumn(name = "PRODUCT_ID")
    private Product product;

    @Column(name = "DESCRIPTION", length = 500, nullable = false)
    private String description;

    @Column(name = "QUANTITY", precision = 19, scale = 4, nullable = false)
    private BigDecimal quantity;

    /** In the contract's currency. */
    @Column(name = "UNIT_PRICE", precision = 19, scale = 4, nullable = false)
    private BigDecimal unitPrice;

    /** Percent, 0 to 100. */
    @Column(name = "DISCOUNT_PERCENT", precision = 7, scale = 4, nullable = false)
    private BigDecimal discountPercent = BigDecimal.ZERO;

    /** Percent, 0 to 100. */
    @Column(name = "TAX_RATE", precision = 7, scale = 4, nullable = false)
    private BigDecimal taxRate = BigDecimal.ZERO;

    /** After discount, before tax. */
    @Column(name = "NET_AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal netAmount = BigDecimal.ZERO;

    @Column(name = "TAX_AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal taxAmount = BigDecimal.ZERO;

    /** Net plus tax: what the customer pays for the line. */
    @Column(name = "AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal amount = BigDecimal.ZERO;

    public ContractLine() {
    }

    public ContractLine(Product product, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
            BigDecimal taxRate) {
        this.product = product;
        this.description = description;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.discountPercent = discountPercent;
        this.taxRate = taxRate;
    }

    /** A copy of a quote's line, as agreed there. */
    public static ContractLine of(QuoteLine line) {
        return new ContractLine(line.getProduct(), line.getDescription() == null ? line.getProduct().getName() : line.getDescription(),
                line.getQuantity(), line.getUnitPrice(), line.getDiscountPercent(), line.getTaxRate());
    }

    /** The line's amounts in {@code currency}, rounded as a quote's are. */
    public QuoteTotals.LineAmounts amounts(String currency) {
        return QuoteTotals.line(currency, quantity, unitPrice, discountPercent, taxRate);
    }

    /** Stores the computed amounts; called by the service on every save. */
    void applyAmounts(String currency) {
        QuoteTotals.LineAmounts a = amounts(currency);
        netAmount = a.net().getAmount();
        taxAmount = a.tax().getAmount();
        amount = a.total().getAmount();
    }

    public Contract getContract() { return contract; }
    void setContract(Contract contract) { this.contract = contract; }
    public Product getProduct() { return product; }
    public void setProduct(Product product) { this.product = product; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public BigDecimal getQuantity() { return quantity; }
    public void setQuantity(BigDecimal quantity) { this.quantity = quantity; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public void setUnitPrice(BigDecimal unitPrice) { this.unitPrice = unitPrice; }
    public BigDecimal getDiscountPercent() { return discountPercent; }
    public void setDiscountPercent(BigDecimal discountPercent) { this.discountPercent = discountPercent; }
    public BigDecimal getTaxRate() { return taxRate; }
    public void setTaxRate(BigDecimal taxRate) { this.taxRate = taxRate; }
    /** Stored amounts, as of the last save, in the contract's currency. */
    public Money getNetAmount() { return money(netAmount); }
    public Money getTaxAmount() { return money(taxAmount); }
    public Money getAmount() { return money(amount); }

    private Money money(BigDecimal value) {
        return contract == null || value == null ? null : Money.of(value, contract.getCurrency());
    }
}
