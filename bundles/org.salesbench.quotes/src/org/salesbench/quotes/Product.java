package org.salesbench.quotes;

import java.math.BigDecimal;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.model.Money;

/**
 * An item of the product catalogue: what a quote line sells. The code is unique; a product that is no longer
 * sold is made inactive rather than deleted, because old quotes still point at it.
 */
@Entity
@Table(name = "SB_PRODUCT")
public class Product extends AbstractEntity {

    public static final String ENTITY = "product";

    @Column(name = "CODE", length = 32, nullable = false, unique = true)
    private String code;

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    /** The unit a quantity counts, e.g. "套", "user/year", "hour". */
    @Column(name = "UNIT", length = 16, nullable = false)
    private String unit;

    @Embedded
    @AttributeOverrides({ @AttributeOverride(name = "amount", column = @Column(name = "LIST_PRICE", precision = 19, scale = 4)),
            @AttributeOverride(name = "currency", column = @Column(name = "CURRENCY", length = 3)) })
    private Money listPrice;

    /** Value-added tax in percent, e.g. 13 or 6. */
    @Column(name = "TAX_RATE", precision = 7, scale = 4, nullable = false)
    private BigDecimal taxRate;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active = true;

    @Column(name = "DESCRIPTION", length = 1000)
    private String description;

    public Product() {
    }

    public Product(String code, String name, String unit, Money listPrice, BigDecimal taxRate) {
        this.code = code;
        this.name = name;
        this.unit = unit;
        this.listPrice = listPrice;
        this.taxRate = taxRate;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public Money getListPrice() { return listPrice; }
    public void setListPrice(Money listPrice) { this.listPrice = listPrice; }
    public BigDecimal getTaxRate() { return taxRate; }
    public void setTaxRate(BigDecimal taxRate) { this.taxRate = taxRate; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }

    @Override
    public String toString() {
        return code + " " + name;
    }
}
