package org.salesbench.customers;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.persistence.annotations.AdditionalCriteria;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.salesbench.core.model.DeletableEntity;

/** A person at a customer. */
@Entity
@Table(name = "SB_CONTACT")
// in the recycle bin (alone or with its customer), it is in no list, no customer's collection, no query
@AdditionalCriteria("this.deletedAt IS NULL")
public class Contact extends DeletableEntity {

    public static final String ENTITY = "contact";

    @ManyToOne(optional = false)
    @JoinColumn(name = "CUSTOMER_ID", nullable = false)
    private Customer customer;

    @Column(name = "NAME", length = 128, nullable = false)
    private String name;

    @Column(name = "TITLE", length = 128)
    private String title;

    @Column(name = "DEPARTMENT", length = 128)
    private String department;

    @ElementCollection
    @CollectionTable(name = "SB_CONTACT_PHONE", joinColumns = @JoinColumn(name = "CONTACT_ID"))
    @OrderColumn(name = "POSITION")
    @Column(name = "PHONE", length = 32)
    private List<String> phones = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "SB_CONTACT_EMAIL", joinColumns = @JoinColumn(name = "CONTACT_ID"))
    @OrderColumn(name = "POSITION")
    @Column(name = "EMAIL", length = 254)
    private List<String> emails = new ArrayList<>();

    /** The code of a value of the picklist {@code decisionRole}. */
    @Column(name = "DECISION_ROLE", length = 64)
    private String decisionRole;

    @Column(name = "IS_PRIMARY", nullable = false)
    private boolean primary;

    public Contact() {
    }

    public Contact(String name) {
        this.name = name;
    }

    public Customer getCustomer() { return customer; }
    void setCustomer(Customer customer) { this.customer = customer; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public List<String> getPhones() { return phones; }
    public List<String> getEmails() { return emails; }
    /** The code of a {@code decisionRole} picklist value ({@code DECISION_MAKER}), shown by its label. */
    public String getDecisionRole() { return decisionRole; }
    public void setDecisionRole(String decisionRole) { this.decisionRole = decisionRole; }
    public boolean isPrimary() { return primary; }
    public void setPrimary(boolean primary) { this.primary = primary; }
}
