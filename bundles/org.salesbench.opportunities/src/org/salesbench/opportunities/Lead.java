package org.salesbench.opportunities;

import java.time.Instant;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.salesbench.core.model.DeletableEntity;
import org.salesbench.core.model.Money;

/**
 * A prospective sale not yet qualified: a company and a person who showed interest. Screening
 * gives it a score, a grade and a duplicate flag; conversion turns it into a customer, a contact
 * and an opportunity and keeps the links here.
 */
@Entity
@Table(name = "SB_LEAD")
public class Lead extends DeletableEntity {

    public static final String ENTITY = "lead";

    @Column(name = "COMPANY", length = 200, nullable = false)
    private String company;

    /** The company name folded for duplicate detection; maintained by the service. */
    @Column(name = "NORMALIZED_COMPANY", length = 200, nullable = false)
    private String normalizedCompany;

    @Column(name = "CREDIT_CODE", length = 18)
    private String creditCode;

    @Column(name = "CONTACT_NAME", length = 128)
    private String contactName;

    @Column(name = "CONTACT_TITLE", length = 128)
    private String contactTitle;

    @Column(name = "PHONE", length = 32)
    private String phone;

    /** The phone's digits without a country code, for duplicate detection; maintained by the service. */
    @Column(name = "PHONE_DIGITS", length = 32)
    private String phoneDigits;

    @Column(name = "EMAIL", length = 254)
    private String email;

    /** A {@link LeadSource} code. */
    @Column(name = "SOURCE", length = 64)
    private String source;

    /** The campaign it came from: a {@link LeadSource} code (a migrated campaign is a lead source, its record id the code). */
    @Column(name = "CAMPAIGN", length = 64)
    private String campaign;

    @Column(name = "INDUSTRY", length = 64)
    private String industry;

    /** The code of a value of the picklist {@code companySize}. */
    @Column(name = "COMPANY_SIZE", length = 64)
    private String size;

    @Column(name = "NEED", length = 4000)
    private String need;

    @Embedded
    @AttributeOverrides({ @AttributeOverride(name = "amount", column = @Column(name = "BUDGET_AMOUNT", precision = 19, scale = 4)),
            @AttributeOverride(name = "currency", column = @Column(name = "BUDGET_CURRENCY", length = 3)) })
    private Money budget;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private LeadStatus status = LeadStatus.NEW;

    @Column(name = "DISQUALIFY_REASON", length = 500)
    private String disqualifyReason;

    @Column(name = "SCORE", nullable = false)
    private int score;

    @Column(name = "GRADE", length = 16)
    private String grade;

    @Column(name = "DUPLICATE", nullable = false)
    private boolean duplicate;

    /** What the strongest duplicate match was, when {@link #isDuplicate()}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "DUPLICATE_REASON", length = 16)
    private DuplicateReason duplicateReason;

    /** The existing customer this lead matched, if any: conversion attaches to it. */
    @Column(name = "DUPLICATE_CUSTOMER_ID")
    private Long duplicateCustomerId;

    /** The existing lead this lead matched, if any (and no customer did). */
    @Column(name = "DUPLICATE_LEAD_ID")
    private Long duplicateLeadId;

    @Column(name = "CUSTOMER_ID")
    private Long customerId;

    @Column(name = "CONTACT_ID")
    private Long contactId;

    @Column(name = "OPPORTUNITY_ID")
    private Long opportunityId;

    @Column(name = "CONVERTED_AT")
    private Instant convertedAt;

    public Lead() {
    }

    public Lead(String company) {
        this.company = company;
    }

    public String getCompany() { return company; }
    public void setCompany(String company) { this.company = company; }
    public String getNormalizedCompany() { return normalizedCompany; }
    public void setNormalizedCompany(String normalizedCompany) { this.normalizedCompany = normalizedCompany; }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactTitle() { return contactTitle; }
    public void setContactTitle(String contactTitle) { this.contactTitle = contactTitle; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getPhoneDigits() { return phoneDigits; }
    public void setPhoneDigits(String phoneDigits) { this.phoneDigits = phoneDigits; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getCampaign() { return campaign; }
    public void setCampaign(String campaign) { this.campaign = campaign; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    /** The code of a {@code companySize} picklist value, shown by its label. */
    public String getSize() { return size; }
    public void setSize(String size) { this.size = size; }
    public String getNeed() { return need; }
    public void setNeed(String need) { this.need = need; }
    public Money getBudget() { return budget; }
    public void setBudget(Money budget) { this.budget = budget; }
    public LeadStatus getStatus() { return status; }
    public void setStatus(LeadStatus status) { this.status = status; }
    public String getDisqualifyReason() { return disqualifyReason; }
    public void setDisqualifyReason(String disqualifyReason) { this.disqualifyReason = disqualifyReason; }
    public int getScore() { return score; }
    public void setScore(int score) { this.score = score; }
    public String getGrade() { return grade; }
    public void setGrade(String grade) { this.grade = grade; }
    public boolean isDuplicate() { return duplicate; }
    public void setDuplicate(boolean duplicate) { this.duplicate = duplicate; }
    public DuplicateReason getDuplicateReason() { return duplicateReason; }
    public void setDuplicateReason(DuplicateReason duplicateReason) { this.duplicateReason = duplicateReason; }
    public Long getDuplicateCustomerId() { return duplicateCustomerId; }
    public void setDuplicateCustomerId(Long duplicateCustomerId) { this.duplicateCustomerId = duplicateCustomerId; }
    public Long getDuplicateLeadId() { return duplicateLeadId; }
    public void setDuplicateLeadId(Long duplicateLeadId) { this.duplicateLeadId = duplicateLeadId; }
    /** The customer made (or attached to) at conversion. */
    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    /** The contact made at conversion. */
    public Long getContactId() { return contactId; }
    public void setContactId(Long contactId) { this.contactId = contactId; }
    /** The opportunity made at conversion. */
    public Long getOpportunityId() { return opportunityId; }
    public void setOpportunityId(Long opportunityId) { this.opportunityId = opportunityId; }
    public Instant getConvertedAt() { return convertedAt; }
    public void setConvertedAt(Instant convertedAt) { this.convertedAt = convertedAt; }
}
