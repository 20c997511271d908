package org.salesbench.opportunities.internal.targets;

import static org.salesbench.importexport.TargetField.of;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.TargetMessages;
import org.salesbench.opportunities.CampaignMember;
import org.salesbench.opportunities.Lead;
import org.salesbench.persistence.Picklists;

/**
 * Campaign members another CRM kept (Salesforce's CampaignMember): a lead (by its external id) or a contact in a
 * campaign, which a migration made a lead source (its record id the code). Each row is kept as a
 * {@link CampaignMember}; a lead with no source or campaign of its own gets the campaign as both. Rows remember their
 * own ids, so a second run skips them and changes nothing. The user needs the right to edit the lead.
 */
public class CampaignMembersTarget implements ImportTarget {

    static final String ENTITY = CampaignMember.ENTITY;
    static final String CAMPAIGN = "campaign", LEAD = "leadExternalId", CONTACT = "contactExternalId", STATUS = "status", RESPONDED = "responded",
            JOINED_AT = "joinedAt", EXTERNAL_ID = "externalId";

    @Override
    public List<TargetField> fields() {
        return List.of(of(CAMPAIGN, ImportMessages.Member_campaign, FieldType.TEXT, true, "CampaignId", "Campaign", "Campaign ID", "市场活动"),
                of(LEAD, ImportMessages.Member_lead, FieldType.TEXT, false, "LeadId", "Lead ID", "线索外部编号"),
                of(CONTACT, ImportMessages.Member_contact, FieldType.TEXT, false, "ContactId", "Contact ID", "联系人外部编号"),
                of(STATUS, ImportMessages.Member_status, FieldType.TEXT, false, "Status", "Member Status", "状态"),
                of(RESPONDED, ImportMessages.Member_responded, FieldType.BOOLEAN, false, "HasResponded", "Responded", "已响应"),
                of(JOINED_AT, ImportMessages.Member_joinedAt, FieldType.DATETIME, false, "CreatedDate", "Created Time", "加入时间"),
                of(EXTERNAL_ID, TargetMessages.Field_externalId, FieldType.TEXT, false, "Id", "Record Id", "External ID", "外部编号"));
    }

    @Override
    public List<String> keyFields() {
        return List.of(EXTERNAL_ID);
    }

    @Override
    public TargetWriter open(ImportContext context) {
        SecurityService security = context.service(SecurityService.class);
        Picklists picklists = context.service(Picklists.class);
        return (rows, match) -> {
            // a campaign named by its code (the vendor's id, as the campaigns' import stores it) or either label
            UnaryOperator<String> campaigns = text -> picklists.resolve(Picklists.LEAD_SOURCE, text).orElse(null);
            return context.unitOfWork().write(em -> {
                try {
                    return write(em, security, campaigns, rows, match);
                } catch (SQLException e) {
                    throw new PersistenceException(e.getMessage(), e);
                }
            });
        };
    }

    private static List<RowOutcome> write(EntityManager em, SecurityService security, UnaryOperator<String> campaigns, List<ImportRow> rows,
            MatchPolicy match)
            throws SQLException {
        Connection connection = em.unwrap(Connection.class);
        List<RowOutcome> outcomes = new ArrayList<>();
        Map<String, Long> externalIds = new HashMap<>();
        for (ImportRow row : rows) {
            String id = text(row, EXTERNAL_ID);
            if (id != null && match.onMatch() != OnMatch.CREATE) {
                Long known = externalIds.containsKey(id) ? externalIds.get(id) : ExternalIds.find(connection, ENTITY, "SB_CAMPAIGN_MEMBER", List.of(id)).get(id);
                if (known != null) {
                    outcomes.add(RowOutcome.skipped(known));
                    continue;
                }
            }
            String given = text(row, CAMPAIGN);
            String campaign = campaigns.apply(given);
            if (campaign == null) {
                outcomes.add(failed(CAMPAIGN, NLS.bind(ImportMessages.Member_noCampaign, given), given));
                continue;
            }
            String leadRef = text(row, LEAD);
            String contactRef = text(row, CONTACT);
            Long leadId = leadRef == null ? null : ExternalIds.find(connection, Lead.ENTITY, "SB_LEAD", List.of(leadRef)).get(leadRef);
            Long contactId = contactRef == null ? null : ExternalIds.find(connection, "contact", "SB_CONTACT", List.of(contactRef)).get(contactRef);
            if (leadRef == null && contactRef == null) {
                outcomes.add(failed(LEAD, ImportMessages.Member_nobody, null));
                continue;
            }
            if (leadRef != null && leadId == null) {
                outcomes.add(failed(LEAD, NLS.bind(ImportMessages.Member_noLead, leadRef), leadRef));
                continue;
            }
            if (leadRef == null && contactId == null) {
                outcomes.add(failed(CONTACT, NLS.bind(ImportMessages.Member_noContact, contactRef), contactRef));
                continue;
            }
            if (leadId != null) {
                Lead lead = em.find(Lead.class, leadId);
                security.check(Action.UPDATE, Lead.ENTITY, lead.getOwner());
                if (lead.getSource() == null || lead.getSource().isBlank()) {
                    lead.setSource(campaign);
                }
                if (lead.getCampaign() == null || lead.getCampaign().isBlank()) {
                    lead.setCampaign(campaign);
                }
            } else {
                security.check(Action.CREATE, Lead.ENTITY, null);
            }
            CampaignMember member = new CampaignMember(campaign, leadId, contactId);
            member.setStatus(text(row, STATUS));
            member.setResponded(Boolean.TRUE.equals(row.get(RESPONDED)));
            if (row.get(JOINED_AT) instanceof LocalDateTime at) {
                member.setJoinedAt(at.atZone(ZoneId.systemDefault()).toInstant());
            }
            em.persist(member);
            em.flush();
            outcomes.add(RowOutcome.created(member.getId()));
            if (id != null) {
                externalIds.put(id, member.getId());
            }
        }
        ExternalIds.put(connection, ENTITY, externalIds);
        return outcomes;
    }

    private static String text(ImportRow row, String field) {
        String value = row.has(field) ? row.text(field) : null;
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static RowOutcome failed(String field, String message, Object value) {
        return RowOutcome.failed(List.of(new FieldError(field, message, value)));
    }
}
