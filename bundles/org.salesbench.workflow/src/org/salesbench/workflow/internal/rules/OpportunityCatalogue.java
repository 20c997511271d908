package org.salesbench.workflow.internal.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.workflow.rules.FieldType;
import org.salesbench.workflow.rules.RuleServices;

/** The opportunity fields rules compare and set; a stage and a pipeline by their stored (English or typed) name. */
public class OpportunityCatalogue extends EntityCatalogue<Opportunity> {

    @Override
    protected List<Field<Opportunity>> definitions() {
        return List.of(read("name", Messages.Field_name, FieldType.TEXT, Opportunity::getName),
                read("customer", Messages.Field_customer, FieldType.TEXT, o -> o.getCustomer() == null ? null : o.getCustomer().getName()),
                read("amount", Messages.Field_amount, FieldType.NUMBER, o -> amount(o.getAmount())),
                read(StageChangedTrigger.STAGE, Messages.Field_stage, FieldType.TEXT, o -> o.getStage() == null ? null : o.getStage().getName()),
                read("pipeline", Messages.Field_pipeline, FieldType.TEXT, o -> o.getPipeline() == null ? null : o.getPipeline().getName()),
                read("state", Messages.Field_state, FieldType.TEXT, o -> name(o.getState())),
                read("probability", Messages.Field_probability, FieldType.NUMBER, Opportunity::getProbability),
                readWrite("expectedCloseDate", Messages.Field_expectedCloseDate, FieldType.DATE, Opportunity::getExpectedCloseDate,
                        (o, v) -> o.setExpectedCloseDate((LocalDate) v)),
                readWrite("nextStep", Messages.Field_nextStep, FieldType.TEXT, Opportunity::getNextStep, (o, v) -> o.setNextStep((String) v)),
                coded(org.salesbench.persistence.Picklists.LEAD_SOURCE, readWrite("source", Messages.Field_source, FieldType.TEXT, Opportunity::getSource, (o, v) -> o.setSource((String) v))),
                coded(org.salesbench.persistence.Picklists.INDUSTRY, readWrite("industry", Messages.Field_industry, FieldType.TEXT, Opportunity::getIndustry, (o, v) -> o.setIndustry((String) v))));
    }

    @Override
    protected Optional<Opportunity> find(RuleServices services, long id) {
        return services.get(OpportunityService.class).find(id);
    }

    @Override
    protected List<Opportunity> findAll(RuleServices services, long[] ids) {
        return services.get(OpportunityService.class).findAll(ids);
    }

    @Override
    protected void update(RuleServices services, Opportunity record) {
        services.get(OpportunityService.class).update(record);
    }

    @Override
    public long[] ids(RuleServices services) {
        return services.get(OpportunityService.class).ids(OpportunityFilter.ALL);
    }
}
