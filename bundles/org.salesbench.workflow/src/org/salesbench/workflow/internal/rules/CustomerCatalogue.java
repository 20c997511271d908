package org.salesbench.workflow.internal.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerSort;
import org.salesbench.workflow.rules.FieldType;
import org.salesbench.workflow.rules.RuleServices;

/** The customer fields rules compare and set. */
public class CustomerCatalogue extends EntityCatalogue<Customer> {

    @Override
    protected List<Field<Customer>> definitions() {
        return List.of(read("name", Messages.Field_name, FieldType.TEXT, Customer::getName),
                coded(org.salesbench.persistence.Picklists.INDUSTRY, readWrite("industry", Messages.Field_industry, FieldType.TEXT, Customer::getIndustry, (c, v) -> c.setIndustry((String) v))),
                readWrite("region", Messages.Field_region, FieldType.TEXT, Customer::getRegion, (c, v) -> c.setRegion((String) v)),
                readWrite("grade", Messages.Field_grade, FieldType.TEXT, Customer::getGrade, (c, v) -> c.setGrade((String) v)),
                coded(org.salesbench.persistence.Picklists.LEAD_SOURCE, readWrite("source", Messages.Field_source, FieldType.TEXT, Customer::getSource, (c, v) -> c.setSource((String) v))),
                read("status", Messages.Field_status, FieldType.TEXT, c -> name(c.getStatus())),
                coded(org.salesbench.persistence.Picklists.COMPANY_SIZE, read("size", Messages.Field_size, FieldType.TEXT, Customer::getSize)),
                readWrite("nextFollowUp", Messages.Field_nextFollowUp, FieldType.DATE, Customer::getNextFollowUp,
                        (c, v) -> c.setNextFollowUp((LocalDate) v)));
    }

    @Override
    protected Optional<Customer> find(RuleServices services, long id) {
        return services.get(CustomerService.class).find(id);
    }

    @Override
    protected void update(RuleServices services, Customer record) {
        services.get(CustomerService.class).update(record);
    }

    @Override
    public long[] ids(RuleServices services) {
        return services.get(CustomerService.class).ids(CustomerFilter.ALL, CustomerSort.DEFAULT);
    }
}
