package org.salesbench.customers.internal.targets;

import static org.salesbench.importexport.TargetField.of;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.importexport.BulkWriter;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.persistence.DatabaseSettings.Dialect;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.RecordWriter.Column;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.WritableFields;
import org.salesbench.importexport.targets.RecordChunks;
import org.salesbench.importexport.targets.TargetMessages;

/**
 * Activities (calls, visits, e-mails…) on a customer's timeline, logged through
 * {@link CustomerService#logActivity} so its rules apply (a next-step date moves the customer's next
 * follow-up). The customer resolves as for contacts; the contact, if given, by name within it.
 * Rows match only on their external id.
 */
public class ActivitiesTarget implements ImportTarget {

    public static final String ID = "activities";
    static final String ENTITY = "activity";

    @Override
    public String entity() {
        return ENTITY;
    }

    static final String CUSTOMER = ContactsTarget.CUSTOMER, CUSTOMER_EXTERNAL_ID = ContactsTarget.CUSTOMER_EXTERNAL_ID, TYPE = "type",
            OCCURRED_AT = "occurredAt", SUMMARY = "summary", OUTCOME = "outcome", NEXT_STEP = "nextStep", NEXT_STEP_DATE = "nextStepDate",
            CONTACT = "contact", SATISFACTION = "satisfaction", EXTERNAL_ID = "externalId";

    /** The activity types of Salesforce's task and event subtypes and Zoho CRM's call types. */
    static final String[] VENDOR_TYPES = { "Task", "NOTE", "Call", "CALL", "Email", "EMAIL", "ListEmail", "EMAIL", "Event", "MEETING",
            "Outbound", "CALL", "Inbound", "CALL", "Missed", "CALL" };

    @Override
    public List<TargetField> fields() {
        return List.of(
                of(CUSTOMER, ImportMessages.Contact_customer, FieldType.TEXT, false, "Customer", "Account Name", "Account", "Company", "客户",
                        "客户名称", "公司名称"),
                of(CUSTOMER_EXTERNAL_ID, ImportMessages.Contact_customerExternalId, FieldType.TEXT, false, "Customer External ID", "Account ID",
                        "客户编号", "客户外部编号"),
                of(TYPE, ImportMessages.Activity_type, FieldType.PICKLIST, true, "Type", "Activity Type", "Task Subtype", "Event Subtype", "Call Type", "类型",
                        "活动类型").withPicklist(Arrays.stream(ActivityType.values()).map(Enum::name).toList()).withValueAliases(VENDOR_TYPES),
                of(OCCURRED_AT, ImportMessages.Activity_occurredAt, FieldType.DATETIME, true, "Date", "Occurred At", "Activity Date", "ActivityDateTime", "StartDateTime",
                        "Start DateTime", "Call Start Time", "Due Date",
                        "日期", "时间", "活动时间"),
                of(SUMMARY, ImportMessages.Activity_summary, FieldType.TEXT, true, "Summary", "Subject", "Event Title", "主题", "摘要", "内容"),
                of(OUTCOME, ImportMessages.Activity_outcome, FieldType.TEXT, false, "Outcome", "Result", "Comments", "Description", "结果"),
                of(NEXT_STEP, ImportMessages.Activity_nextStep, FieldType.TEXT, false, "Next Step", "下一步", "下一步计划"),
                of(NEXT_STEP_DATE, ImportMessages.Activity_nextStepDate, FieldType.DATE, false, "Next Step Date", "下一步日期"),
                of(CONTACT, ImportMessages.Activity_contact, FieldType.TEXT, false, "Contact", "Contact Name", "Name", "联系人"),
                of(SATISFACTION, ImportMessages.Activity_satisfaction, FieldType.NUMBER, false, "Satisfaction", "CSAT", "Customer Satisfaction", "满意度",
                        "客户满意度"),
                of(EXTERNAL_ID, TargetMessages.Field_externalId, FieldType.TEXT, false, "External ID", "Activity ID", "Task ID", "Id", "Record Id", "外部编号"));
    }

    @Override
    public List<String> keyFields() {
        return List.of(EXTERNAL_ID);
    }

    @Override
    public TargetWriter open(ImportContext context) {
        CustomerService service = context.service(CustomerService.class);
        SecurityService security = context.service(SecurityService.class);
        return new BulkWriter() {
            @Override
            public List<RowOutcome> write(List<ImportRow> rows, MatchPolicy match) {
                return context.unitOfWork().write(em -> {
                    try {
                        return ActivitiesTarget.write(em, service, security, rows, match);
                    } catch (SQLException e) {
                        throw new PersistenceException(e.getMessage(), e);
                    }
                });
            }

            @Override
            public boolean bulkApplies(ImportSettings settings) {
                // the bulk insert reads the rows from this process through a table function: embedded Derby only
                return context.unitOfWork().settings().dialect() == Dialect.DERBY;
            }

            @Override
            public Staging stage(MatchPolicy match) {
                return new ActivityBulkLoad(context, service, security, CustomerSearch.of(context.unitOfWork().settings()),
                        CustomersTarget.events(context), match);
            }
        };
    }

    private static List<RowOutcome> write(EntityManager em, CustomerService service, SecurityService security, List<ImportRow> rows,
            MatchPolicy match) throws SQLException {
        Connection connection = em.unwrap(Connection.class);
        List<RowOutcome> outcomes = new ArrayList<>();
        WritableFields rules = WritableFields.of(security, ENTITY);
        Map<String, Long> externalIds = new HashMap<>();
        for (ImportRow row : rows) {
            FieldError notWhole = notWhole(row);
            if (notWhole != null) {
                outcomes.add(RowOutcome.failed(List.of(notWhole)));
                continue;
            }
            String external = row.text(EXTERNAL_ID) == null ? null : row.text(EXTERNAL_ID).strip();
            Long existing = null;
            if (external != null && match.onMatch() != OnMatch.CREATE && match.keys().contains(EXTERNAL_ID)) {
                existing = ExternalIds.find(connection, ENTITY, "SB_ACTIVITY", List.of(external)).get(external);
            }
            if (existing != null && match.onMatch() == OnMatch.SKIP) {
                outcomes.add(RowOutcome.skipped(existing));
                continue;
            }
            if (existing != null) {
                Activity activity = em.find(Activity.class, existing);
                Map<String, Object> before = rules.before(activity);
                apply(row, activity);
                RowOutcome unwritable = rules.refusal(row, activity, before);
                if (unwritable != null) {
                    em.refresh(activity);
                    outcomes.add(unwritable);
                    continue;
                }
                try {
                    service.update(activity.getCustomer());
                    outcomes.add(RowOutcome.updated(existing));
                } catch (ValidationException e) {
                    em.refresh(activity);
                    outcomes.add(RowOutcome.failed(e.getErrors()));
                }
                continue;
            }
            Object resolved = ContactsTarget.customerOf(em, connection, service, row);
            if (resolved instanceof FieldError error) {
                outcomes.add(RowOutcome.failed(List.of(error)));
                continue;
            }
            Customer customer = (Customer) resolved;
            Activity activity = new Activity();
            apply(row, activity);
            RowOutcome unwritable = rules.refusal(row, activity, null);
            if (unwritable != null) {
                outcomes.add(unwritable);
                continue;
            }
            String contactName = row.text(CONTACT);
            if (contactName != null && !contactName.isBlank()) {
                Contact contact = customer.getContacts().stream().filter(k -> contactName.strip().equals(k.getName())).findFirst().orElse(null);
                if (contact == null) {
                    outcomes.add(RowOutcome.failed(List.of(new FieldError(CONTACT, NLS.bind(ImportMessages.Activity_noContact, customer.getName(),
                            contactName), contactName))));
                    continue;
                }
                activity.setContact(contact);
            }
            try {
                Activity logged = service.logActivity(customer.getId(), activity);
                em.flush();
                outcomes.add(RowOutcome.created(logged.getId()));
                if (external != null && !external.isEmpty()) {
                    externalIds.put(external, logged.getId());
                }
            } catch (ValidationException e) {
                outcomes.add(RowOutcome.failed(e.getErrors()));
            }
        }
        ExternalIds.put(connection, ENTITY, externalIds);
        return outcomes;
    }

    /** A satisfaction that is not a whole number (4.5): refused here; 1 to 5 is the service's rule. */
    static FieldError notWhole(ImportRow row) {
        if (row.has(SATISFACTION) && row.get(SATISFACTION) instanceof Number n) {
            BigDecimal value = new BigDecimal(n.toString());
            if (value.stripTrailingZeros().scale() > 0 || value.abs().compareTo(BigDecimal.valueOf(100)) > 0) {
                return new FieldError(SATISFACTION, NLS.bind(ImportMessages.Activity_satisfactionWhole, value.toPlainString()), value);
            }
        }
        return null;
    }

    static void apply(ImportRow row, Activity a) {
        if (row.has(TYPE)) a.setType(row.get(TYPE) == null ? null : ActivityType.valueOf(row.text(TYPE)));
        if (row.has(OCCURRED_AT)) a.setOccurredAt((LocalDateTime) row.get(OCCURRED_AT));
        if (row.has(SUMMARY)) a.setSummary(row.text(SUMMARY));
        if (row.has(OUTCOME)) a.setOutcome(row.text(OUTCOME));
        if (row.has(NEXT_STEP)) a.setNextStep(row.text(NEXT_STEP));
        if (row.has(NEXT_STEP_DATE)) a.setNextStepDate((LocalDate) row.get(NEXT_STEP_DATE));
        if (row.has(SATISFACTION)) a.setSatisfaction(row.get(SATISFACTION) == null ? null : new BigDecimal(row.get(SATISFACTION).toString()).intValueExact());
    }

    @Override
    public boolean canExport() {
        return true;
    }

    /** The activities of the customers {@code filter} (a {@link CustomerFilter}, {@code null} for all) selects, oldest first per customer. */
    @Override
    public void export(ImportContext context, Object filter, RecordWriter out, IProgressMonitor monitor) throws IOException {
        List<TargetField> fields = fields();
        CustomerChunks.export(context, filter, fields, out, monitor, (em, chunk) -> {
            List<Activity> activities = em.createQuery("SELECT a FROM Activity a JOIN FETCH a.customer WHERE a.customer.id IN :ids "
                    + "ORDER BY a.occurredAt, a.id", Activity.class).setParameter("ids", chunk).getResultList();
            Map<Long, String> external = activities.isEmpty() ? Map.of()
                    : ExternalIds.of(em, ENTITY, activities.stream().map(Activity::getId).toList());
            Map<Long, String> customerExternal = ExternalIds.of(em, CustomersTarget.ENTITY, chunk);
            List<List<Object>> result = new ArrayList<>();
            for (Activity a : activities) {
                result.add(fields.stream().map(f -> RecordChunks.typed(switch (f.name()) {
                case CUSTOMER -> a.getCustomer().getName();
                case CUSTOMER_EXTERNAL_ID -> customerExternal.get(a.getCustomer().getId());
                case TYPE -> a.getType();
                case OCCURRED_AT -> a.getOccurredAt();
                case SUMMARY -> a.getSummary();
                case OUTCOME -> a.getOutcome();
                case NEXT_STEP -> a.getNextStep();
                case NEXT_STEP_DATE -> a.getNextStepDate();
                case CONTACT -> a.getContact() == null ? null : a.getContact().getName();
                case SATISFACTION -> a.getSatisfaction();
                case EXTERNAL_ID -> external.get(a.getId());
                default -> null;
                })).toList());
            }
            return result;
        });
    }
}
