package org.salesbench.customers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.salesbench.core.model.DeletableEntity;

/** A customer (account): a company we sell to, with its contacts and its timeline of activities. */
@Entity
@Table(name = "SB_CUSTOMER")
public class Customer extends DeletableEntity {

    public static final String ENTITY = "customer";

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Column(name = "SHORT_NAME", length = 64)
    private String shortName;

    /** 统一社会信用代码, normalised (upper case, no spaces). */
    @Column(name = "CREDIT_CODE", length = 18)
    private String creditCode;

    /** The name folded for duplicate detection (see the service); maintained by the service. */
    @Column(name = "NORMALIZED_NAME", length = 200, nullable = false)
    private String normalizedName;

    @Column(name = "INDUSTRY", length = 64)
    private String industry;

    @Column(name = "REGION", length = 64)
    private String region;

    @Column(name = "ADDRESS", length = 255)
    private String address;

    /** The code of a value of the picklist {@code companySize} (head-count band). */
    @Column(name = "COMPANY_SIZE", length = 64)
    private String size;

    /** One of the configured grades (A, B, C, D by default). */
    @Column(name = "GRADE", length = 16)
    private String grade;

    /** The code of a value of the picklist {@code leadSource}, as a converted lead's source (a text no value has as written). */
    @Column(name = "SOURCE", length = 64)
    private String source;

    @ElementCollection
    @CollectionTable(name = "SB_CUSTOMER_TAG", joinColumns = @JoinColumn(name = "CUSTOMER_ID"))
    @Column(name = "TAG", length = 64)
    private Set<String> tags = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private CustomerStatus status = CustomerStatus.PROSPECT;

    @Column(name = "NEXT_FOLLOW_UP")
    private LocalDate nextFollowUp;

    @Column(name = "NEEDS", length = 4000)
    private String needs;

    @Column(name = "NOTES", length = 4000)
    private String notes;

    // a contact or activity taken off the list goes to the recycle bin (CustomerService.update), so no orphan removal
    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL)
    @OrderBy("primary DESC, name ASC")
    private List<Contact> contacts = new ArrayList<>();

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL)
    @OrderBy("occurredAt DESC")
    private List<Activity> activities = new ArrayList<>();

    public Customer() {
    }

    public Customer(String name) {
        this.name = name;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getShortName() { return shortName; }
    public void setShortName(String shortName) { this.shortName = shortName; }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public String getNormalizedName() { return normalizedName; }
    public void setNormalizedName(String normalizedName) { this.normalizedName = normalizedName; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    /** The code of a {@code companySize} picklist value ({@code MEDIUM}), shown by its label. */
    public String getSize() { return size; }
    public void setSize(String size) { this.size = size; }
    public String getGrade() { return grade; }
    public void setGrade(String grade) { this.grade = grade; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public Set<String> getTags() { return tags; }
    public CustomerStatus getStatus() { return status; }
    public void setStatus(CustomerStatus status) { this.status = status; }
    public LocalDate getNextFollowUp() { return nextFollowUp; }
    public void setNextFollowUp(LocalDate nextFollowUp) { this.nextFollowUp = nextFollowUp; }
    public String getNeeds() { return needs; }
    public void setNeeds(String needs) { this.needs = needs; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public List<Contact> getContacts() { return contacts; }
    public List<Activity> getActivities() { return activities; }

    public Contact addContact(Contact contact) {
        contact.setCustomer(this);
        contacts.add(contact);
        return contact;
    }

    public Activity addActivity(Activity activity) {
        activity.setCustomer(this);
        activities.add(activity);
        return activity;
    }
}
