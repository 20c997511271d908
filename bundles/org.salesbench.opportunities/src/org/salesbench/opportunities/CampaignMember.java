package org.salesbench.opportunities;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * A lead or a contact in a campaign (a lead source's code, as a migrated campaign becomes one): Salesforce's
 * CampaignMember. Kept as it came, with the vendor's member status and whether the person responded.
 */
@Entity
@Table(name = "SB_CAMPAIGN_MEMBER")
public class CampaignMember extends AbstractEntity {

    public static final String ENTITY = "campaignMember";

    @Column(name = "CAMPAIGN", length = 64, nullable = false)
    private String campaign;

    @Column(name = "LEAD_ID")
    private Long leadId;

    @Column(name = "CONTACT_ID")
    private Long contactId;

    @Column(name = "STATUS", length = 64)
    private String status;

    @Column(name = "RESPONDED", nullable = false)
    private boolean responded;

    @Column(name = "JOINED_AT")
    private Instant joinedAt;

    public CampaignMember() {
    }

    public CampaignMember(String campaign, Long leadId, Long contactId) {
        this.campaign = campaign;
        this.leadId = leadId;
        this.contactId = contactId;
    }

    public String getCampaign() { return campaign; }
    public Long getLeadId() { return leadId; }
    public Long getContactId() { return contactId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public boolean isResponded() { return responded; }
    public void setResponded(boolean responded) { this.responded = responded; }
    public Instant getJoinedAt() { return joinedAt; }
    public void setJoinedAt(Instant joinedAt) { this.joinedAt = joinedAt; }
}
