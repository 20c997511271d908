package org.salesbench.workflow.internal.rules;

import java.util.List;
import java.util.Optional;

import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadFilter;
import org.salesbench.opportunities.LeadService;
import org.salesbench.workflow.rules.FieldType;
import org.salesbench.workflow.rules.RuleServices;

/** The lead fields rules compare and set. */
public class LeadCatalogue extends EntityCatalogue<Lead> {

    @Override
    protected List<Field<Lead>> definitions() {
        return List.of(read("company", Messages.Field_company, FieldType.TEXT, Lead::getCompany),
                read("contactName", Messages.Field_contactName, FieldType.TEXT, Lead::getContactName),
                coded(org.salesbench.persistence.Picklists.LEAD_SOURCE, readWrite("source", Messages.Field_source, FieldType.TEXT, Lead::getSource, (l, v) -> l.setSource((String) v))),
                coded(org.salesbench.persistence.Picklists.INDUSTRY, readWrite("industry", Messages.Field_industry, FieldType.TEXT, Lead::getIndustry, (l, v) -> l.setIndustry((String) v))),
                read("status", Messages.Field_status, FieldType.TEXT, l -> name(l.getStatus())),
                read("score", Messages.Field_score, FieldType.NUMBER, Lead::getScore),
                readWrite("grade", Messages.Field_grade, FieldType.TEXT, Lead::getGrade, (l, v) -> l.setGrade((String) v)),
                read("budget", Messages.Field_budget, FieldType.NUMBER, l -> amount(l.getBudget())),
                readWrite("need", Messages.Field_need, FieldType.TEXT, Lead::getNeed, (l, v) -> l.setNeed((String) v)));
    }

    @Override
    protected Optional<Lead> find(RuleServices services, long id) {
        return services.get(LeadService.class).find(id);
    }

    @Override
    protected void update(RuleServices services, Lead record) {
        services.get(LeadService.class).update(record);
    }

    @Override
    public long[] ids(RuleServices services) {
        return services.get(LeadService.class).ids(LeadFilter.ALL);
    }
}
