package org.salesbench.opportunities.internal.targets;

import org.salesbench.importexport.targets.FilterTerms;
import java.util.HashSet;
import static org.salesbench.importexport.TargetField.of;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.imports.CustomerReference;
import org.salesbench.importexport.BulkWriter;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.persistence.DatabaseSettings.Dialect;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.users.imports.OwnerLookup;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.PicklistCodes;
import org.salesbench.persistence.Picklists;
import org.salesbench.importexport.targets.WritableFields;
import org.salesbench.core.security.SecurityService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.ProductCatalog;
import org.salesbench.opportunities.ProductCatalog.CatalogProduct;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.importexport.targets.RecordChunks;
import org.salesbench.importexport.targets.RecordVersions;
import org.salesbench.importexport.targets.NameLookup;
import org.salesbench.importexport.targets.TargetMessages;
import org.salesbench.users.UserService;

/**
 * Opportunities, written through {@link OpportunityService} so its rules and stage history apply. The file's
 * stage names map to a pipeline's stages by value mapping ({@code --values stage:Won=Closed won}); unknown
 * names are reported. Won and lost deals are created open and then closed with {@code markWon}/{@code markLost}
 * on the file's close date; a lost deal needs a loss reason (a column or a default {@code lossReason:=…}), stored as the
 * {@code lossReason} list's code when it names a value of the list (code or either label), added to it with
 * {@code --add-values}, else kept as written (noted).
 * The account resolves by external id or name; a blank account takes the default {@code customer:=…}, a
 * placeholder customer created on first use. The owner resolves by login, display name or e-mail, the
 * product by code or name.
 */
public class OpportunitiesTarget implements ImportTarget {

    public static final String ID = "opportunities";
    static final String ENTITY = Opportunity.ENTITY;

    @Override
    public String entity() {
        return ENTITY;
    }

    static final String NAME = "name", CUSTOMER = CustomerReference.CUSTOMER, CUSTOMER_EXTERNAL_ID = CustomerReference.CUSTOMER_EXTERNAL_ID,
            AMOUNT = "amount", CURRENCY = "currency", CLOSE_DATE = "expectedCloseDate", ENGAGED_ON = "engagedOn", PIPELINE = "pipeline",
            STAGE = "stage", PROBABILITY = "probability", OWNER = "owner", PRODUCT = "product", LOSS_REASON = "lossReason",
            SOURCE = "source", NEXT_STEP = "nextStep", DESCRIPTION = "description", EXTERNAL_ID = "externalId", CREATED_ON = "createdOn", CAMPAIGN = "campaign";

    /**
     * The standard stages of Salesforce's and Zoho CRM's opportunity and deal exports, as the stages of the New business
     * pipeline (stored names) they stand for; a pipeline's own stage name still comes first.
     */
    static final String[] VENDOR_STAGES = { "Prospecting", "Qualification", "Value Proposition", "Needs analysis",
            "Id. Decision Makers", "Needs analysis", "Identify Decision Makers", "Needs analysis", "Perception Analysis", "Proposal",
            "Proposal/Price Quote", "Proposal", "Negotiation/Review", "Negotiation", "Closed Won", "Closed won", "Closed Lost",
            "Closed lost", "Closed-Lost to Competition", "Closed lost", "Closed Lost to Competition", "Closed lost" };

    @Override
    public List<TargetField> fields() {
        return List.of(
                of(NAME, ImportMessages.Opportunity_name, FieldType.TEXT, false, "Name", "Opportunity Name", "Deal Name", "Potential Name",
                        "商机名称", "机会名称", "名称"),
                of(CUSTOMER, ImportMessages.Opportunity_customer, FieldType.TEXT, false, "Account", "Account Name", "Company", "Customer",
                        "客户", "客户名称", "公司名称"),
                of(CUSTOMER_EXTERNAL_ID, CustomerReference.externalIdLabel(), FieldType.TEXT, false, "Account ID", "Customer External ID",
                        "客户编号", "客户外部编号"),
                of(AMOUNT, ImportMessages.Opportunity_amount, FieldType.NUMBER, false, "Amount", "close_value", "Close Value", "Deal Value",
                        "Value", "金额", "商机金额", "成交金额"),
                of(CURRENCY, TargetMessages.Field_currency, FieldType.TEXT, false, "Currency", "Opportunity Currency", "Currency ISO Code",
                        "币种", "货币"),
                of(CLOSE_DATE, ImportMessages.Opportunity_closeDate, FieldType.DATE, false, "Close Date", "close_date", "Closing Date",
                        "Expected Close Date", "成交日期", "预计成交日期", "结单日期"),
                of(ENGAGED_ON, ImportMessages.Opportunity_engagedOn, FieldType.DATE, false, "Engaged On", "engage_date", "Engage Date",
                        "开始跟进日期"),
                of(CREATED_ON, ImportMessages.Opportunity_createdOn, FieldType.DATE, false, "Created Date", "Created Time", "Created On",
                        "创建日期", "创建时间"),
                of(PIPELINE, ImportMessages.Opportunity_pipeline, FieldType.TEXT, false, "Pipeline", "Layout", "销售流程", "管道"),
                of(STAGE, ImportMessages.Opportunity_stage, FieldType.PICKLIST, true, "Stage", "StageName", "deal_stage", "Deal Stage",
                        "Sales Stage", "阶段", "销售阶段", "商机阶段").withValueAliases(VENDOR_STAGES),
                of(PROBABILITY, ImportMessages.Opportunity_probability, FieldType.NUMBER, false, "Probability", "Probability (%)", "赢率",
                        "可能性"),
                of(OWNER, TargetMessages.Field_owner, FieldType.TEXT, false, "Owner", "Opportunity Owner", "Deal Owner", "sales_agent",
                        "Sales Agent", "Owner Name", "OwnerId", "Owner ID", "负责人", "销售", "销售代表"),
                of(PRODUCT, ImportMessages.Opportunity_product, FieldType.TEXT, false, "Product", "Product Name", "Product Code", "产品",
                        "产品名称"),
                of(LOSS_REASON, ImportMessages.Opportunity_lossReason, FieldType.TEXT, false, "Loss Reason", "Reason For Loss",
                        "Reason Lost", "输单原因", "丢单原因"),
                of(SOURCE, TargetMessages.Field_source, FieldType.TEXT, false, "Source", "Lead Source", "来源", "商机来源"),
                // the campaign, a lead source's code or name (a migrated campaign is a lead source whose code is its record id)
                of(CAMPAIGN, ImportMessages.Field_campaign, FieldType.TEXT, false, "CampaignId", "Campaign", "Campaign Source", "Primary Campaign Source",
                        "市场活动"),
                of(NEXT_STEP, ImportMessages.Opportunity_nextStep, FieldType.TEXT, false, "Next Step", "下一步"),
                of(DESCRIPTION, TargetMessages.Field_description, FieldType.TEXT, false, "Description", "描述", "备注"),
                of(EXTERNAL_ID, TargetMessages.Field_externalId, FieldType.TEXT, false, "External ID", "opportunity_id", "Opportunity ID",
                        "Deal ID", "Record Id", "Id", "外部编号", "商机编号"),
                RecordVersions.field());
    }

    /** The stage picklist: every stage's stored name and its label in the user's language, of active pipelines. */
    @Override
    public List<TargetField> fields(ImportContext context) {
        Set<String> stages = new LinkedHashSet<>();
        for (Pipeline p : context.service(PipelineService.class).pipelines(true)) {
            for (Stage s : p.getStages()) {
                stages.add(s.getName());
                stages.add(s.getLabel());
            }
        }
        return fields().stream().map(f -> f.name().equals(STAGE) ? f.withPicklist(List.copyOf(stages)) : f).toList();
    }

    @Override
    public List<String> keyFields() {
        return List.of(EXTERNAL_ID);
    }

    @Override
    public TargetWriter open(ImportContext context) {
        return new Writer(context);
    }

    static final class Writer implements BulkWriter {
        final ImportContext context;
        final OpportunityService service;
        private final CustomerService customers;
        final OwnerLookup relations;
        final NameLookup<CatalogProduct> products;
        private final List<Pipeline> pipelines;
        /** A source's or campaign's code for the file's text (LeadsTarget.sources). */
        final UnaryOperator<String> sources;
        final String placeholder;
        /** The loss reasons' codes of this run: a code, either language's label, or added with --add-values (else kept as written). */
        final UnaryOperator<String> lossReasons;
        private Long placeholderId;
        /** Accounts found so far by external id and name: a query a row would flush the growing persistence context each time. */
        private final Map<String, Long> customerIds = new HashMap<>();
        /** The fields the user may only read or not see, resolved per batch: a row may not write them. */
        private WritableFields rules;

        Writer(ImportContext context) {
            this.context = context;
            this.service = context.service(OpportunityService.class);
            this.customers = context.service(CustomerService.class);
            this.relations = new OwnerLookup(context.service(UserService.class));
            this.products = new NameLookup<>(context.service(ProductCatalog.class).list(false), p -> p,
                    List.of(CatalogProduct::code, CatalogProduct::name), ImportMessages.Product_unknown, TargetMessages.Value_ambiguous);
            this.pipelines = context.service(PipelineService.class).pipelines(true);
            this.sources = LeadsTarget.sources(context);
            String name = context.values().defaultFor(CUSTOMER);
            this.placeholder = name == null || name.isBlank() ? null : name.strip();
            this.lossReasons = PicklistCodes.of(context, Picklists.LOSS_REASON, ImportMessages.Opportunity_lossReason);
        }

        /**
         * A large file takes the bulk load on embedded Derby ({@link OpportunityBulkLoad}), unless new deals are assigned
         * automatically (the assignment service decides each deal's owner as it is created).
         */
        @Override
        public boolean bulkApplies(ImportSettings settings) {
            return context.unitOfWork().settings().dialect() == Dialect.DERBY && service instanceof OpportunityServiceImpl impl
                    && !impl.assignsNewDeals();
        }

        @Override
        public Staging stage(MatchPolicy match) {
            return new OpportunityBulkLoad(this, (OpportunityServiceImpl) service, match);
        }

        @Override
        public List<RowOutcome> write(List<ImportRow> rows, MatchPolicy match) {
            return context.unitOfWork().write(em -> {
                try {
                    Connection connection = em.unwrap(Connection.class);
                    List<RowOutcome> outcomes = new ArrayList<>();
                    Map<String, Long> externalIds = new HashMap<>();
                    rules = WritableFields.of(context.service(SecurityService.class), ENTITY);
                    for (ImportRow row : rows) {
                        outcomes.add(write(em, connection, row, match, externalIds));
                    }
                    ExternalIds.put(connection, ENTITY, externalIds);
                    // the batch is written: a persistence context that grows over the whole file makes every flush slower
                    em.flush();
                    em.clear();
                    return outcomes;
                } catch (SQLException e) {
                    throw new PersistenceException(e.getMessage(), e);
                }
            });
        }

        private RowOutcome write(EntityManager em, Connection connection, ImportRow row, MatchPolicy match, Map<String, Long> externalIds)
                throws SQLException {
            String external = row.text(EXTERNAL_ID) == null ? null : row.text(EXTERNAL_ID).strip();
            Long existing = null;
            if (external != null && match.onMatch() != OnMatch.CREATE && match.keys().contains(EXTERNAL_ID)) {
                existing = ExternalIds.find(connection, ENTITY, "SB_OPPORTUNITY", List.of(external)).get(external);
            }
            if (existing != null && match.onMatch() == OnMatch.SKIP) {
                return RowOutcome.skipped(existing);
            }
            if (existing != null) { // changed since the file was exported: the other person's change stays
                Opportunity current = em.find(Opportunity.class, existing);
                RowOutcome stale = RecordVersions.refusal(row, current, current.getName());
                if (stale != null) {
                    return stale;
                }
            }
            List<FieldError> errors = new ArrayList<>();
            Pipeline pipeline = pipelineOf(row, errors);
            Stage stage = pipeline == null ? null : stageOf(pipeline, row, errors);
            boolean keepsAccount = existing != null && blank(row.text(CUSTOMER)) && blank(row.text(CUSTOMER_EXTERNAL_ID));
            Customer customer = keepsAccount ? null : customerOf(em, connection, row, errors);
            String owner = null;
            if (row.text(OWNER) != null) {
                Object found = relations.login(OWNER, row.text(OWNER));
                if (found instanceof FieldError e) errors.add(e); else owner = (String) found;
            }
            CatalogProduct product = null;
            if (row.text(PRODUCT) != null) {
                Object found = products.find(PRODUCT, row.text(PRODUCT));
                if (found instanceof FieldError e) errors.add(e); else product = (CatalogProduct) found;
            }
            LocalDate close = (LocalDate) row.get(CLOSE_DATE);
            boolean closed = stage != null && stage.isClosed();
            if (closed && close == null) {
                errors.add(new FieldError(CLOSE_DATE, ImportMessages.Closed_needsCloseDate, null));
            }
            if (stage != null && stage.getKind() == StageKind.LOST && blank(row.text(LOSS_REASON))) {
                errors.add(new FieldError(LOSS_REASON, ImportMessages.Lost_needsReason, null));
            }
            if (!errors.isEmpty()) {
                return RowOutcome.failed(errors);
            }
            Opportunity o = existing != null ? em.find(Opportunity.class, existing) : new Opportunity();
            Map<String, Object> before = existing != null ? rules.before(o) : null;
            if (existing == null) {
                o.setCustomer(customer);
                o.setPipeline(pipeline);
                o.setStage(closed ? null : stage);
            } else if (customer != null) {
                o.setCustomer(customer);
            }
            apply(row, o, product, owner, sources);
            RowOutcome unwritable = rules.refusal(row, o, before);
            if (unwritable != null) {
                if (existing != null) {
                    em.refresh(o);
                }
                return unwritable;
            }
            completed(row, o, product, closed, close);
            try {
                Opportunity saved = existing == null ? service.create(o) : service.update(o);
                long id = saved.getId();
                if (stage != null && (existing == null ? closed : !stage.getId().equals(saved.getStage().getId()))) {
                    switch (stage.getKind()) {
                    case WON -> service.markWon(id, close);
                    case LOST -> {
                        service.markLost(id, lossReasons.apply(row.text(LOSS_REASON)), close);
                        if (row.text(LOSS_REASON).equals(context.values().defaultFor(LOSS_REASON))) {
                            context.note(NLS.bind(ImportMessages.Note_lostWithDefaultReason, row.text(LOSS_REASON)));
                        }
                    }
                    case OPEN -> service.moveToStage(id, stage.getId());
                    }
                }
                if (external != null && !external.isEmpty()) {
                    externalIds.put(external, id);
                }
                return existing == null ? RowOutcome.created(id) : RowOutcome.updated(id);
            } catch (ValidationException e) {
                if (existing != null) {
                    em.refresh(o);
                }
                return RowOutcome.failed(e.getErrors());
            }
        }

        /** A composed name where the row has none, and the day selling began from the record's created date or its close. */
        void completed(ImportRow row, Opportunity o, CatalogProduct product, boolean closed, LocalDate close) {
            if (blank(o.getName())) {
                o.setName(composedName(o.getCustomer(), product));
                context.note(ImportMessages.Note_nameComposed);
            }
            LocalDate created = (LocalDate) row.get(CREATED_ON);
            if (created != null && o.getEngagedOn() == null) {
                // the day the source system recorded the deal is when selling began, unless it closed (or was due) before
                LocalDate until = closed ? close : o.getExpectedCloseDate();
                o.setEngagedOn(until != null && until.isBefore(created) ? until : created);
                if (until != null && until.isBefore(created)) {
                    context.note(ImportMessages.Note_createdAfterClose);
                }
            }
            if (closed && o.getEngagedOn() == null) {
                o.setEngagedOn(close); // selling began by the day it closed at the latest; today would be after it
                context.note(ImportMessages.Note_engagedOnClose);
            }
        }

        /** The row's fields onto {@code o}; a source or campaign named by a lead source's code or name is stored as its code. */
        static void apply(ImportRow row, Opportunity o, CatalogProduct product, String owner, UnaryOperator<String> sources) {
            if (row.has(NAME)) o.setName(row.text(NAME));
            if (row.has(CLOSE_DATE)) o.setExpectedCloseDate((LocalDate) row.get(CLOSE_DATE));
            if (row.has(ENGAGED_ON)) o.setEngagedOn((LocalDate) row.get(ENGAGED_ON));
            if (row.has(PROBABILITY) && row.get(PROBABILITY) != null) o.setProbability(((BigDecimal) row.get(PROBABILITY)).intValue());
            if (row.has(SOURCE)) o.setSource(sources.apply(row.text(SOURCE)));
            if (row.has(CAMPAIGN)) o.setCampaign(sources.apply(row.text(CAMPAIGN)));
            if (row.has(NEXT_STEP)) o.setNextStep(row.text(NEXT_STEP));
            if (row.has(DESCRIPTION)) o.setDescription(row.text(DESCRIPTION));
            if (product != null) o.setProductId(product.id());
            if (owner != null) o.setOwner(owner);
            if (row.has(AMOUNT)) {
                BigDecimal amount = (BigDecimal) row.get(AMOUNT);
                String currency = row.text(CURRENCY);
                if (blank(currency)) {
                    currency = o.getAmount() != null ? o.getAmount().getCurrency()
                            : product != null && product.listPrice() != null ? product.listPrice().getCurrency() : Money.DEFAULT_CURRENCY;
                }
                o.setAmount(amount == null ? null : Money.of(amount, currency.strip().toUpperCase(Locale.ROOT)));
            }
        }

        static String composedName(Customer customer, CatalogProduct product) {
            String account = customer == null ? "" : customer.getName();
            return product == null ? account : account + " – " + product.name();
        }

        Pipeline pipelineOf(ImportRow row, List<FieldError> errors) {
            String name = row.text(PIPELINE);
            if (blank(name)) {
                return pipelines.isEmpty() ? null : pipelines.get(0);
            }
            for (Pipeline p : pipelines) {
                if (p.getName().equalsIgnoreCase(name.strip()) || p.getLabel().equalsIgnoreCase(name.strip())) {
                    return p;
                }
            }
            errors.add(new FieldError(PIPELINE, NLS.bind(ImportMessages.Pipeline_unknown, name.strip()), name));
            return null;
        }

        static Stage stageOf(Pipeline pipeline, ImportRow row, List<FieldError> errors) {
            String name = row.text(STAGE);
            if (blank(name)) {
                return pipeline.firstStage(StageKind.OPEN).orElse(null);
            }
            for (Stage s : pipeline.getStages()) {
                if (s.getName().equalsIgnoreCase(name.strip()) || s.getLabel().equalsIgnoreCase(name.strip())) {
                    return s;
                }
            }
            errors.add(new FieldError(STAGE, NLS.bind(ImportMessages.Stage_notInPipeline, new Object[] { name.strip(), pipeline.getLabel(),
                    String.join(", ", pipeline.getStages().stream().map(Stage::getLabel).toList()) }), name));
            return null;
        }

        /** The row's account; the placeholder customer (created once) when the row names the default. */
        private Customer customerOf(EntityManager em, Connection connection, ImportRow row, List<FieldError> errors) throws SQLException {
            if (placeholder != null && placeholder.equals(row.text(CUSTOMER)) && blank(row.text(CUSTOMER_EXTERNAL_ID))) {
                if (placeholderId == null || em.find(Customer.class, placeholderId) == null) { // none yet, or its batch rolled back
                    // exactly the placeholder's name: a customer whose name only folds to it is not the placeholder
                    List<Long> ids = customers.idsByName(placeholder).stream()
                            .filter(id -> placeholder.equals(em.find(Customer.class, id).getName())).toList();
                    placeholderId = ids.isEmpty() ? customers.create(new Customer(placeholder)).getId() : ids.get(0);
                }
                context.note(NLS.bind(ImportMessages.Note_placeholderCustomer, placeholder));
                return em.find(Customer.class, placeholderId);
            }
            String key = row.text(CUSTOMER_EXTERNAL_ID) + '\u0000' + row.text(CUSTOMER);
            Long known = customerIds.get(key);
            if (known != null) {
                Customer customer = em.find(Customer.class, known);
                if (customer != null) {
                    return customer;
                }
            }
            Object resolved = CustomerReference.resolve(em, connection, customers, row);
            if (resolved instanceof FieldError e) {
                errors.add(e);
                return null;
            }
            customerIds.put(key, ((Customer) resolved).getId());
            return (Customer) resolved;
        }
    }

    static final String FILTER_KEYS = "text, pipeline, stage, state, owner, quarter, overdue";

    @Override
    public boolean canFilter() {
        return true;
    }

    /**
     * {@code text=…,pipeline=NAME,stage=NAME,state=OPEN|WON|LOST,owner=LOGIN|LOGIN,quarter=true,overdue=true}, as the
     * Opportunities view filters. A pipeline or stage is named by its stored name or its label (ignoring case); a stage
     * without a pipeline is looked for in every active pipeline.
     */
    @Override
    public Object parseFilter(String text, ImportContext context) {
        String search = null;
        String pipelineName = null;
        String stageName = null;
        Set<StageKind> states = new HashSet<>();
        Set<String> owners = new HashSet<>();
        boolean quarter = false;
        boolean overdue = false;
        for (FilterTerms.Term t : FilterTerms.parse(text)) {
            switch (t.key()) {
            case "text" -> search = t.value();
            case "pipeline" -> pipelineName = t.value();
            case "stage" -> stageName = t.value();
            case "state" -> states.addAll(t.choices(Set.of(StageKind.values())));
            case "owner" -> owners.addAll(t.alternatives());
            case "quarter" -> quarter = t.yes();
            case "overdue" -> overdue = t.yes();
            default -> throw t.unknownKey(FILTER_KEYS);
            }
        }
        Long pipelineId = null;
        Set<Long> stageIds = new HashSet<>();
        if (pipelineName != null || stageName != null) {
            List<Pipeline> active = context.service(PipelineService.class).pipelines(true);
            List<Pipeline> pipelines = active;
            if (pipelineName != null) {
                String name = pipelineName;
                Pipeline pipeline = active.stream().filter(p -> p.getName().equalsIgnoreCase(name) || p.getLabel().equalsIgnoreCase(name))
                        .findFirst().orElseThrow(() -> FilterTerms.badChoice("pipeline", name, active.stream().map(Pipeline::getName).toList()));
                pipelineId = pipeline.getId();
                pipelines = List.of(pipeline);
            }
            if (stageName != null) {
                for (Pipeline p : pipelines) {
                    for (Stage s : p.getStages()) {
                        if (s.getName().equalsIgnoreCase(stageName) || s.getLabel().equalsIgnoreCase(stageName)) {
                            stageIds.add(s.getId());
                        }
                    }
                }
                if (stageIds.isEmpty()) {
                    throw FilterTerms.badChoice("stage", stageName,
                            pipelines.stream().flatMap(p -> p.getStages().stream()).map(Stage::getName).distinct().toList());
                }
            }
        }
        return new OpportunityFilter(search, pipelineId, stageIds, states, owners, quarter, overdue);
    }

    @Override
    public boolean canExport() {
        return true;
    }

    /**
     * The opportunities {@code filter} (an {@link OpportunityFilter}, {@code null} for all) selects, in the list's
     * order. The stage is written as its stored name next to its pipeline's, which the import reads back; a won or
     * lost deal's close date is the day it closed, which the import closes it on. The account is written by name
     * and external id, the owner by login, the product by code.
     */
    @Override
    public void export(ImportContext context, Object filter, RecordWriter out, IProgressMonitor monitor) throws IOException {
        List<TargetField> fields = fields();
        long[] ids = context.service(OpportunityService.class).ids(filter instanceof OpportunityFilter f ? f : OpportunityFilter.ALL);
        Map<Long, String> productCodes = context.service(ProductCatalog.class).list(false).stream()
                .collect(Collectors.toMap(CatalogProduct::id, CatalogProduct::code));
        RecordChunks.export(context, ids, fields, out, monitor,
                (em, chunk) -> em.createQuery("SELECT o FROM Opportunity o JOIN FETCH o.customer JOIN FETCH o.pipeline LEFT JOIN FETCH o.stage"
                        + " WHERE o.id IN :ids", Opportunity.class).setParameter("ids", chunk).getResultList(),
                Opportunity::getId, (em, deals) -> {
                    Map<Long, String> external = ExternalIds.of(em, ENTITY, deals.stream().map(Opportunity::getId).toList());
                    Map<Long, String> customerExternal = ExternalIds.of(em, CustomerReference.entity(),
                            deals.stream().map(o -> o.getCustomer().getId()).distinct().toList());
                    return deals.stream().map(o -> fields.stream().map(f -> (Object) switch (f.name()) {
                    case NAME -> o.getName();
                    case CUSTOMER -> o.getCustomer().getName();
                    case CUSTOMER_EXTERNAL_ID -> customerExternal.get(o.getCustomer().getId());
                    case AMOUNT -> RecordChunks.amount(o.getAmount());
                    case CURRENCY -> RecordChunks.currency(o.getAmount());
                    case CLOSE_DATE -> o.isClosed() && o.getClosedOn() != null ? o.getClosedOn() : o.getExpectedCloseDate();
                    case ENGAGED_ON -> o.getEngagedOn();
                    case PIPELINE -> o.getPipeline().getName();
                    case STAGE -> o.getStage() == null ? null : o.getStage().getName();
                    case PROBABILITY -> o.getProbability();
                    case OWNER -> o.getOwner();
                    case PRODUCT -> o.getProductId() == null ? null : productCodes.get(o.getProductId());
                    case LOSS_REASON -> o.getLossReason();
                    case SOURCE -> o.getSource();
                    case CAMPAIGN -> o.getCampaign();
                    case NEXT_STEP -> o.getNextStep();
                    case DESCRIPTION -> o.getDescription();
                    case EXTERNAL_ID -> external.get(o.getId());
                    case RecordVersions.FIELD -> RecordVersions.exported(o);
                    default -> null;
                    }).toList()).toList();
                });
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
