package org.salesbench.quotes;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * One line of a quote: a product, a quantity, the unit price agreed (the list price unless negotiated), a discount
 * and the tax rate, all copied onto the line so a later price change in the catalogue never alters a quote.
 * Amounts are computed by {@link QuoteTotals}.
 */
@Entity
@Table(name = "SB_QUOTE_LINE")
public class QuoteLine extends AbstractEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "QUOTE_ID", nullable = false)
    private Quote quote;

    @ManyToOne
    @JoinColumn(name = "PRODUCT_ID", nullable = false)
    private Product product;

    /** What the customer reads on the line; the product's name unless changed. */
    @Column(name = "DESCRIPTION", length = 500)
    private String description;

    @Column(name = "QUANTITY", precision = 19, scale = 4, nullable = false)
    private BigDecimal quantity;

    /** In the quote's currency. */
    @Column(name = "UNIT_PRICE", precision = 19, scale = 4, nullable = false)
    private BigDecimal unitPrice;

    /** Percent, 0 to 100. */
    @Column(name = "DISCOUNT_PERCENT", precision = 7, scale = 4, nullable = false)
    private BigDecimal discountPercent = BigDecimal.ZERO;

    /** Percent, 0 to 100. */
    @Column(name = "TAX_RATE", precision = 7, scale = 4, nullable = false)
    private BigDecimal taxRate;

    public QuoteLine() {
    }

    /** A line at the product's list price and tax rate, without discount. */
    public QuoteLine(Product product, BigDecimal quantity) {
        this.product = product;
        this.quantity = quantity;
        if (product != null) {
            this.description = product.getName();
            this.unitPrice = product.getListPrice() == null ? null : product.getListPrice().getAmount();
            this.taxRate = product.getTaxRate();
        }
    }

    public QuoteLine(Product product, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate) {
        this.product = product;
        this.description = product == null ? null : product.getName();
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.discountPercent = discountPercent;
        this.taxRate = taxRate;
    }

    /** A copy for a new version of the quote. */
    QuoteLine copy() {
        QuoteLine c = new QuoteLine(product, quantity, unitPrice, discountPercent, taxRate);
        c.description = description;
        return c;
    }

    public Quote getQuote() { return quote; }
    void setQuote(Quote quote) { this.quote = quote; }
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
}
