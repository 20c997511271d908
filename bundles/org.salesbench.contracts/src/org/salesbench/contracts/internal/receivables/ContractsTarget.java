package org.salesbench.contracts.internal.receivables;

import static org.salesbench.importexport.TargetField.of;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.ContractLine;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.internal.ContractServiceImpl;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.imports.CustomerReference;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.RecordChunks;
import org.salesbench.importexport.targets.RecordVersions;
import org.salesbench.opportunities.Opportunity;

/**
 * Contracts in and out ({@code org.salesbench.importexport.targets}, id {@code contracts}), before their plans and
 * receipts: one row a contract, with its number, customer (name and external id), opportunity (by name, among the
 * customer's), owner (login), title, amount, currency, dates, status, signed date and Version. An imported contract
 * carries its amount as one line. It is created as a draft that goes through approval as any new contract, unless the
 * importing user holds the APPROVE right on the contract (its owner's manager, an administrator), who imports it in the status the file
 * gives (a migration of existing contracts); the audit trail records it as any change. Rows matched by number
 * ({@code --match number --on-match update}) update a draft through {@link ContractService#update}, refused when the
 * row's Version is not the stored one.
 */
public class ContractsTarget implements ImportTarget {

    public static final String ID = "contracts";

    static final String NUMBER = "number", CUSTOMER = CustomerReference.CUSTOMER, CUSTOMER_EXTERNAL_ID = CustomerReference.CUSTOMER_EXTERNAL_ID,
            OPPORTUNITY = "opportunity", OWNER = "owner", TITLE = "title", AMOUNT = "amount", CURRENCY = "currency", START = "startDate",
            END = "endDate", STATUS = "status", SIGNED_ON = "signedOn";

    @Override
    public String entity() {
        return Contract.ENTITY;
    }

    @Override
    public List<TargetField> fields() {
        return List.of(of(NUMBER, Messages.Transfer_contract, FieldType.TEXT, false, "Number", "Contract", "Contract Number", "合同编号", "合同"),
                of(CUSTOMER, CustomerReference.customerLabel(), FieldType.TEXT, false, "Customer", "Account", "Account Name", "客户", "客户名称"),
                of(CUSTOMER_EXTERNAL_ID, CustomerReference.externalIdLabel(), FieldType.TEXT, false, "Customer External ID", "Account ID",
                        "客户编号", "客户外部编号"),
                of(OPPORTUNITY, Messages.Transfer_opportunity, FieldType.TEXT, false, "Opportunity", "Deal", "商机"),
                of(OWNER, Messages.Transfer_owner, FieldType.TEXT, false, "Owner", "负责人"),
                of(TITLE, Messages.Transfer_title, FieldType.TEXT, true, "Title", "Contract Name", "标题", "合同名称"),
                of(AMOUNT, Messages.Field_amount, FieldType.NUMBER, true, "Amount", "Contract Amount", "金额", "合同金额"),
                of(CURRENCY, Messages.Transfer_currency, FieldType.TEXT, false, "Currency", "币种"),
                of(START, Messages.Transfer_startDate, FieldType.DATE, false, "Start Date", "Start", "开始日期"),
                of(END, Messages.Transfer_endDate, FieldType.DATE, false, "End Date", "End", "结束日期"),
                of(STATUS, Messages.Transfer_status, FieldType.TEXT, false, "Status", "状态"),
                of(SIGNED_ON, Messages.Transfer_signedOn, FieldType.DATE, false, "Signed On", "Signed Date", "签订日期"),
                RecordVersions.field());
    }

    @Override
    public List<String> keyFields() {
        return List.of(NUMBER);
    }

    @Override
    public TargetWriter open(ImportContext context) {
        ContractService service = context.service(ContractService.class);
        if (!(service instanceof ContractServiceImpl contracts)) {
            throw new IllegalStateException("contracts: no contract service");
        }
        CustomerService customers = context.service(CustomerService.class);
        return (rows, match) -> context.unitOfWork().write(em -> {
            try {
                Connection connection = em.unwrap(Connection.class);
                List<RowOutcome> outcomes = new ArrayList<>();
                for (ImportRow row : rows) {
                    outcomes.add(write(context, em, connection, contracts, customers, row, match));
                }
                return outcomes;
            } catch (SQLException e) {
                throw new PersistenceException(e.getMessage(), e);
            }
        });
    }

    private static RowOutcome write(ImportContext context, EntityManager em, Connection connection, ContractServiceImpl service,
            CustomerService customers, ImportRow row, MatchPolicy match) throws SQLException {
        String number = blank(row.text(NUMBER)) ? null : row.text(NUMBER).strip();
        Contract existing = null;
        if (number != null && match.onMatch() != OnMatch.CREATE && match.keys().contains(NUMBER)) {
            existing = em.createQuery("SELECT c FROM Contract c WHERE c.number = :n AND c.deletedAt IS NULL", Contract.class)
                    .setParameter("n", number).getResultList().stream().findFirst().orElse(null);
        }
        if (existing != null && match.onMatch() == OnMatch.SKIP) {
            return RowOutcome.skipped(existing.getId());
        }
        if (existing != null) {
            RowOutcome stale = RecordVersions.refusal(row, existing, existing.getNumber());
            if (stale != null) {
                return stale;
            }
        }
        List<FieldError> errors = new ArrayList<>();
        Customer customer = null;
        if (existing == null || !blank(row.text(CUSTOMER)) || !blank(row.text(CUSTOMER_EXTERNAL_ID))) {
            Object resolved = CustomerReference.resolve(em, connection, customers, row);
            if (resolved instanceof FieldError e) {
                errors.add(e);
            } else {
                customer = (Customer) resolved;
            }
        }
        ContractStatus status = null;
        if (!blank(row.text(STATUS))) {
            try {
                status = ContractStatus.valueOf(row.text(STATUS).strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(STATUS, NLS.bind(Messages.Transfer_badStatus, row.text(STATUS).strip(),
                        Arrays.stream(ContractStatus.values()).map(Enum::name).collect(Collectors.joining(", "))), row.text(STATUS)));
            }
        }
        BigDecimal amount = (BigDecimal) row.get(AMOUNT);
        if (amount != null && amount.signum() <= 0) {
            errors.add(new FieldError(AMOUNT, NLS.bind(Messages.Transfer_amountPositive, amount.toPlainString()), amount));
        }
        Opportunity deal = null;
        if (!blank(row.text(OPPORTUNITY)) && customer != null) {
            deal = em.createQuery("SELECT o FROM Opportunity o WHERE o.name = :n AND o.customer.id = :c", Opportunity.class)
                    .setParameter("n", row.text(OPPORTUNITY).strip()).setParameter("c", customer.getId()).getResultList().stream().findFirst()
                    .orElse(null);
            if (deal == null) {
                errors.add(new FieldError(OPPORTUNITY, NLS.bind(Messages.Transfer_noOpportunity, row.text(OPPORTUNITY).strip(), customer.getName()),
                        row.text(OPPORTUNITY)));
            }
        }
        if (!errors.isEmpty()) {
            return RowOutcome.failed(errors);
        }
        try {
            if (existing == null) {
                String currency = blank(row.text(CURRENCY)) ? org.salesbench.core.model.Money.DEFAULT_CURRENCY
                        : row.text(CURRENCY).strip().toUpperCase(Locale.ROOT);
                Contract c = new Contract(customer, row.text(TITLE), currency);
                c.setNumber(number);
                c.setOpportunity(deal);
                c.setOwner(blank(row.text(OWNER)) ? context.service(org.salesbench.core.security.SecurityService.class).currentUser().login()
                        : row.text(OWNER).strip());
                c.setStartDate((LocalDate) row.get(START));
                c.setEndDate((LocalDate) row.get(END));
                c.setSignedOn((LocalDate) row.get(SIGNED_ON));
                c.addLine(new ContractLine(null, row.text(TITLE), BigDecimal.ONE, amount, BigDecimal.ZERO, BigDecimal.ZERO));
                Contract saved = service.importContract(c, status);
                if (status != null && saved.getStatus() != status) {
                    context.note(NLS.bind(Messages.Transfer_importedAsDraft, org.salesbench.contracts.internal.Messages.status(status)));
                }
                return RowOutcome.created(saved.getId());
            }
            Contract c = service.find(existing.getId()).orElseThrow();
            if (customer != null && !customer.getId().equals(c.getCustomer().getId())) {
                em.clear();
                return RowOutcome.failed(List.of(new FieldError(CUSTOMER, Messages.Transfer_customerFixed, row.text(CUSTOMER))));
            }
            if (row.has(TITLE)) c.setTitle(row.text(TITLE));
            if (row.has(START)) c.setStartDate((LocalDate) row.get(START));
            if (row.has(END)) c.setEndDate((LocalDate) row.get(END));
            if (!blank(row.text(OWNER))) c.setOwner(row.text(OWNER).strip());
            if (deal != null) c.setOpportunity(deal);
            if (amount != null && amount.compareTo(c.getAmount().getAmount()) != 0) {
                if (c.getLines().size() != 1) { // which line's price would change is not the file's to say
                    em.clear();
                    return RowOutcome.failed(List.of(new FieldError(AMOUNT, NLS.bind(Messages.Transfer_amountLines, c.getLines().size()), amount)));
                }
                ContractLine line = c.getLines().get(0);
                line.setQuantity(BigDecimal.ONE);
                line.setUnitPrice(amount);
                line.setDiscountPercent(BigDecimal.ZERO);
                line.setTaxRate(BigDecimal.ZERO);
            }
            return RowOutcome.updated(service.update(c).getId());
        } catch (ValidationException e) {
            if (existing != null) {
                em.clear(); // what the refused row changed on the contract is not written
            }
            return RowOutcome.failed(e.getErrors());
        }
    }

    @Override
    public boolean canExport() {
        return true;
    }

    /**
     * The contracts the user may read, by number: the columns the import reads back (the amount as one figure, the
     * customer by name and external id, the owner by login, the opportunity by name).
     */
    @Override
    public void export(ImportContext context, Object filter, RecordWriter out, IProgressMonitor monitor) throws IOException {
        List<TargetField> fields = fields();
        ContractService service = context.service(ContractService.class);
        long[] ids = service.list(filter instanceof ContractFilter f ? f : ContractFilter.all(), 0, Integer.MAX_VALUE).stream()
                .sorted(java.util.Comparator.comparing(Contract::getNumber)).mapToLong(Contract::getId).toArray();
        RecordChunks.export(context, ids, fields, out, monitor,
                (em, chunk) -> em.createQuery("SELECT c FROM Contract c JOIN FETCH c.customer LEFT JOIN FETCH c.opportunity WHERE c.id IN :ids",
                        Contract.class).setParameter("ids", chunk).getResultList(),
                Contract::getId, (em, list) -> {
                    Map<Long, String> customerExternal = ExternalIds.of(em, CustomerReference.entity(),
                            list.stream().map(c -> c.getCustomer().getId()).distinct().toList());
                    return list.stream().map(c -> fields.stream().map(f -> (Object) switch (f.name()) {
                    case NUMBER -> c.getNumber();
                    case CUSTOMER -> c.getCustomer().getName();
                    case CUSTOMER_EXTERNAL_ID -> customerExternal.get(c.getCustomer().getId());
                    case OPPORTUNITY -> c.getOpportunity() == null ? null : c.getOpportunity().getName();
                    case OWNER -> c.getOwner();
                    case TITLE -> c.getTitle();
                    case AMOUNT -> RecordChunks.amount(c.getAmount());
                    case CURRENCY -> c.getCurrency();
                    case START -> c.getStartDate();
                    case END -> c.getEndDate();
                    case STATUS -> c.getStatus().name();
                    case SIGNED_ON -> c.getSignedOn();
                    case RecordVersions.FIELD -> RecordVersions.exported(c);
                    default -> null;
                    }).toList()).toList();
                });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
