package org.salesbench.contracts.internal.receivables;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.contracts.receivables.Allocation;
import org.salesbench.contracts.receivables.ContractBalance;
import org.salesbench.contracts.receivables.OpenInstalment;
import org.salesbench.contracts.receivables.CustomerCredit;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.Invoice;
import org.salesbench.contracts.receivables.InvoiceStatus;
import org.salesbench.contracts.receivables.PlanAmendment;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.contracts.receivables.ReceivablesSort;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.UnitOfWork;

/**
 * Plans, receipts, reversals, credit and invoices in one transaction per call. Every check that can refuse runs before
 * the first write, and a refusal rolls the unit of work back, so nothing is half-written. Concurrent receipts on one
 * contract meet on the instalments' versions: the later one fails with a concurrent change and writes nothing.
 */
@Component(service = ReceivablesService.class)
public class ReceivablesServiceImpl implements ReceivablesService {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;
    private final Supplier<Clock> clock;

    @Activate
    public ReceivablesServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference DomainEventPublisher events) {
        this(unitOfWork, security, events, Clocks::system);
    }

    /** With the clock that dates reversals (tests). */
    public ReceivablesServiceImpl(UnitOfWork unitOfWork, SecurityService security, DomainEventPublisher events, Supplier<Clock> clock) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.get());
    }

    @Override
    public org.salesbench.contracts.receivables.AgeingDayMove bringAgeingToToday() {
        return ContractAgeing.moveTo(unitOfWork, today());
    }

    // ---- plans

    @Override
    public List<Instalment> plan(long contractId) {
        return unitOfWork.read(em -> {
            ContractFacts contract = ContractFacts.load(em, contractId);
            security.check(Action.READ, ContractFacts.ENTITY, contract.owner());
            return activePlan(em, contractId);
        });
    }

    static List<Instalment> activePlan(EntityManager em, long contractId) {
        return em.createQuery("SELECT i FROM Instalment i WHERE i.contractId = :c AND i.active = TRUE ORDER BY i.dueDate, i.position", Instalment.class)
                .setParameter("c", contractId).getResultList();
    }

    @Override
    public List<Instalment> setPlan(long contractId, List<PlannedInstalment> plan, String reason) {
        return unitOfWork.write(em -> {
            ContractFacts contract = ContractFacts.load(em, contractId);
            security.check(Action.UPDATE, ContractFacts.ENTITY, contract.owner());
            boolean amendment;
            if (contract.planEditable()) {
                amendment = false;
            } else if (contract.planAmendable()) {
                amendment = true;
                if (reason == null || reason.isBlank()) {
                    throw refused("reason", NLS.bind(Messages.Plan_reasonRequired, contract.label()), reason);
                }
            } else {
                throw refused("plan", NLS.bind(Messages.Plan_closed, contract.label(), contract.status()), null);
            }
            List<PlannedAmount> amounts = PaymentPlans.amounts(contract.amount(), plan);
            List<Instalment> old = activePlan(em, contractId);
            String before = PaymentPlans.describe(old);
            // what receipts had written off, per receipt in the order received, to write off again on the new plan
            // (a reversed receipt and its reversal cancel out, so neither is written off again)
            List<Object[]> paidByReceipt = em.createQuery("SELECT r.id, SUM(a.amount), r.receivedOn FROM Allocation a, Instalment i, Receipt r"
                    + " WHERE i.id = a.instalmentId AND r.id = a.receiptId AND i.active = TRUE AND i.contractId = :c"
                    + " AND r.reversesId IS NULL AND r.reversedById IS NULL GROUP BY r.id, r.receivedOn ORDER BY r.receivedOn, r.id", Object[].class)
                    .setParameter("c", contractId).getResultList();
            old.forEach(Instalment::retire);
            List<Instalment> created = new ArrayList<>();
            int position = 1;
            for (PlannedAmount p : amounts) {
                Instalment instalment = new Instalment(contractId, position++, p.dueDate(), p.amount(), p.percent(), p.description());
                instalment.setOwner(contract.owner());
                instalment.follow(contract.customerId(), contract.receivable());
                em.persist(instalment);
                created.add(instalment);
            }
            em.flush();
            for (Object[] row : paidByReceipt) {
                BigDecimal paid = (BigDecimal) row[1];
                if (paid.signum() > 0) {
                    writeOff(em, contract, (Long) row[0], paid, (LocalDate) row[2], created);
                }
            }
            if (amendment) {
                PlanAmendment record = new PlanAmendment(contractId, reason.strip(), before, PaymentPlans.describe(created));
                record.setOwner(contract.owner());
                em.persist(record);
            }
            em.flush();
            announce(contractId);
            return created;
        });
    }

    @Override
    public List<PlanAmendment> amendments(long contractId) {
        return unitOfWork.read(em -> {
            ContractFacts contract = ContractFacts.load(em, contractId);
            security.check(Action.READ, ContractFacts.ENTITY, contract.owner());
            return em.createQuery("SELECT a FROM PlanAmendment a WHERE a.contractId = :c ORDER BY a.id", PlanAmendment.class)
                    .setParameter("c", contractId).getResultList();
        });
    }

    // ---- receipts

    @Override
    public Receipt recordReceipt(long contractId, LocalDate receivedOn, Money amount, ReceiptMethod method, String reference) {
        return unitOfWork.write(em -> {
            ContractFacts contract = ContractFacts.load(em, contractId);
            security.check(Action.UPDATE, ContractFacts.ENTITY, contract.owner());
            List<FieldError> errors = new ArrayList<>();
            if (!contract.receivable()) {
                errors.add(new FieldError("contract", NLS.bind(Messages.Receipt_notApproved, contract.label(), contract.status()), contractId));
            }
            if (amount == null) {
                errors.add(required("amount", Messages.Field_amount, null));
            } else if (amount.getAmount().signum() <= 0) {
                errors.add(new FieldError("amount", NLS.bind(Messages.Receipt_positive, amount), amount));
            } else if (!amount.getCurrency().equals(contract.amount().getCurrency())) {
                errors.add(new FieldError("currency", NLS.bind(Messages.Receipt_currency,
                        new Object[] { amount.getCurrency(), contract.label(), contract.amount().getCurrency() }), amount.getCurrency()));
            }
            if (receivedOn == null) {
                errors.add(required("receivedOn", Messages.Field_receivedOn, null));
            }
            if (method == null) {
                errors.add(required("method", Messages.Field_method, null));
            } else if (method == ReceiptMethod.CREDIT) {
                errors.add(new FieldError("method", Messages.Receipt_creditMethod, method));
            }
            if (reference != null && reference.strip().length() > 100) {
                errors.add(new FieldError("reference", NLS.bind(org.salesbench.core.validation.Messages.Validation_tooLong, Messages.Field_reference, 100), reference));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            Receipt receipt = new Receipt(contractId, contract.customerId(), receivedOn, amount, method,
                    reference == null || reference.isBlank() ? null : reference.strip());
            receipt.setOwner(contract.owner());
            em.persist(receipt);
            em.flush();
            BigDecimal left = writeOff(em, contract, receipt.getId(), amount.getAmount(), receivedOn, activePlan(em, contractId));
            if (left.signum() > 0) {
                receipt.setCredited(left);
                CustomerCredit credit = new CustomerCredit(contract.customerId(), contractId, receipt.getId(), Money.of(left, amount.getCurrency()), receivedOn);
                credit.setOwner(contract.owner());
                em.persist(credit);
            }
            em.flush();
            announce(contractId);
            return receipt;
        });
    }

    @Override
    public Receipt applyCredit(long instalmentId, Money amount, LocalDate on) {
        return unitOfWork.write(em -> {
            Instalment instalment = em.find(Instalment.class, instalmentId);
            if (instalment == null || !instalment.isActive()) {
                throw refused("instalment", NLS.bind(Messages.Credit_noInstalment, instalmentId), instalmentId);
            }
            ContractFacts contract = ContractFacts.load(em, instalment.getContractId());
            security.check(Action.UPDATE, ContractFacts.ENTITY, contract.owner());
            String currency = contract.amount().getCurrency();
            List<FieldError> errors = new ArrayList<>();
            if (!contract.receivable()) {
                errors.add(new FieldError("contract", NLS.bind(Messages.Receipt_notApproved, contract.label(), contract.status()), contract.id()));
            }
            if (on == null) {
                errors.add(required("date", Messages.Field_date, null));
            }
            if (amount == null) {
                errors.add(required("amount", Messages.Field_amount, null));
            } else if (amount.getAmount().signum() <= 0) {
                errors.add(new FieldError("amount", NLS.bind(Messages.Receipt_positive, amount), amount));
            } else if (!amount.getCurrency().equals(currency)) {
                errors.add(new FieldError("currency", NLS.bind(Messages.Receipt_currency, new Object[] { amount.getCurrency(), contract.label(), currency }),
                        amount.getCurrency()));
            } else {
                if (amount.getAmount().compareTo(instalment.getOpen().getAmount()) > 0) {
                    errors.add(new FieldError("amount", NLS.bind(Messages.Credit_moreThanOpen, new Object[] { amount, instalment.getPosition(),
                            contract.label(), instalment.getOpen() }), amount));
                }
                Money balance = balance(em, contract.customerId(), currency);
                if (amount.getAmount().compareTo(balance.getAmount()) > 0) {
                    errors.add(new FieldError("amount", NLS.bind(Messages.Credit_moreThanCredit, amount, balance), amount));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            Receipt receipt = new Receipt(contract.id(), contract.customerId(), on, amount, ReceiptMethod.CREDIT, null);
            receipt.setOwner(contract.owner());
            em.persist(receipt);
            em.flush();
            instalment.addPaid(amount.getAmount());
            Allocation allocation = new Allocation(contract.id(), receipt.getId(), instalment.getId(), amount.getAmount(), on);
            allocation.setOwner(contract.owner());
            em.persist(allocation);
            CustomerCredit spent = new CustomerCredit(contract.customerId(), contract.id(), receipt.getId(), Money.of(amount.getAmount().negate(), currency), on);
            spent.setOwner(contract.owner());
            em.persist(spent);
            em.flush();
            announce(contract.id());
            return receipt;
        });
    }

    /** The customer's credit balance in the currency, in the caller's transaction. */
    private static Money balance(EntityManager em, Long customerId, String currency) {
        BigDecimal sum = em.createQuery("SELECT SUM(c.amount) FROM CustomerCredit c WHERE c.customerId = :c AND c.currency = :cur", BigDecimal.class)
                .setParameter("c", customerId).setParameter("cur", currency).getSingleResult();
        return Money.of(sum == null ? BigDecimal.ZERO : sum, currency);
    }

    @Override
    public List<CustomerCredit> creditEntries(long customerId) {
        security.check(Action.READ, ContractFacts.ENTITY, null);
        return unitOfWork.read(em -> em.createQuery("SELECT c FROM CustomerCredit c WHERE c.customerId = :c ORDER BY c.entryDate DESC, c.id DESC",
                CustomerCredit.class).setParameter("c", customerId).getResultList());
    }

    /** Writes {@code amount} off against the open instalments, earliest due first; returns what is left over. */
    private static BigDecimal writeOff(EntityManager em, ContractFacts contract, long receiptId, BigDecimal amount, LocalDate on, List<Instalment> plan) {
        BigDecimal left = amount;
        List<Instalment> ordered = plan.stream().sorted(Comparator.comparing(Instalment::getDueDate).thenComparing(Instalment::getPosition)).toList();
        for (Instalment instalment : ordered) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal open = instalment.getOpen().getAmount();
            if (open.signum() <= 0) {
                continue;
            }
            BigDecimal part = open.min(left);
            instalment.addPaid(part);
            Allocation allocation = new Allocation(contract.id(), receiptId, instalment.getId(), part, on);
            allocation.setOwner(contract.owner());
            em.persist(allocation);
            left = left.subtract(part);
        }
        return left;
    }

    @Override
    public Receipt reverse(long receiptId, String reason) {
        return unitOfWork.write(em -> {
            Receipt original = em.find(Receipt.class, receiptId);
            if (original == null) {
                throw refused("receipt", NLS.bind(Messages.Receipt_unknown, receiptId), receiptId);
            }
            ContractFacts contract = ContractFacts.load(em, original.getContractId());
            security.check(Action.UPDATE, ContractFacts.ENTITY, contract.owner());
            if (original.isReversal()) {
                throw refused("receipt", NLS.bind(Messages.Reverse_ofReversal, receiptId), receiptId);
            }
            if (original.isReversed()) {
                throw refused("receipt", NLS.bind(Messages.Reverse_already, receiptId, original.getReversedById()), receiptId);
            }
            if (reason == null || reason.isBlank()) {
                throw new ValidationException(List.of(required("reason", Messages.Field_reason, reason)));
            }
            if (reason.strip().length() > 500) {
                throw refused("reason", NLS.bind(org.salesbench.core.validation.Messages.Validation_tooLong, Messages.Field_reason, 500), reason);
            }
            BigDecimal held = original.getCredited().getAmount();
            if (held.signum() > 0) {
                Money balance = balance(em, original.getCustomerId(), original.getAmount().getCurrency());
                if (balance.getAmount().compareTo(held) < 0) {
                    throw refused("receipt", NLS.bind(Messages.Reverse_creditSpent, new Object[] { receiptId, original.getCredited(), balance }), receiptId);
                }
            }
            LocalDate on = today();
            Receipt reversal = Receipt.reversalOf(original, on, reason.strip());
            em.persist(reversal);
            em.flush();
            // the receipt's write-offs on the plan in force (an amendment wrote them off again on its new instalments)
            List<Object[]> written = em.createQuery("SELECT a.instalmentId, SUM(a.amount) FROM Allocation a, Instalment i"
                    + " WHERE i.id = a.instalmentId AND i.active = TRUE AND a.receiptId = :r GROUP BY a.instalmentId", Object[].class)
                    .setParameter("r", receiptId).getResultList();
            for (Object[] row : written) {
                BigDecimal part = (BigDecimal) row[1];
                if (part.signum() == 0) {
                    continue;
                }
                Instalment instalment = em.find(Instalment.class, row[0]);
                instalment.addPaid(part.negate());
                Allocation undo = new Allocation(contract.id(), reversal.getId(), instalment.getId(), part.negate(), on);
                undo.setOwner(original.getOwner());
                em.persist(undo);
            }
            BigDecimal credited = original.getCredited().getAmount();
            if (credited.signum() != 0) {
                reversal.setCredited(credited.negate());
                CustomerCredit takeBack = new CustomerCredit(original.getCustomerId(), contract.id(), reversal.getId(),
                        Money.of(credited.negate(), original.getAmount().getCurrency()), on);
                takeBack.setOwner(original.getOwner());
                em.persist(takeBack);
            }
            if (original.getMethod() == ReceiptMethod.CREDIT) {
                // credit applied and now reversed: the customer has it back
                CustomerCredit back = new CustomerCredit(original.getCustomerId(), contract.id(), reversal.getId(), original.getAmount(), on);
                back.setOwner(original.getOwner());
                em.persist(back);
            }
            original.setReversedById(reversal.getId());
            em.flush();
            announce(contract.id());
            return reversal;
        });
    }

    @Override
    public List<Receipt> receipts(long contractId) {
        return unitOfWork.read(em -> {
            ContractFacts contract = ContractFacts.load(em, contractId);
            security.check(Action.READ, ContractFacts.ENTITY, contract.owner());
            return em.createQuery("SELECT r FROM Receipt r WHERE r.contractId = :c ORDER BY r.id", Receipt.class).setParameter("c", contractId).getResultList();
        });
    }

    @Override
    public List<Allocation> allocations(long receiptId) {
        return unitOfWork.read(em -> {
            Receipt receipt = em.find(Receipt.class, receiptId);
            if (receipt == null) {
                throw refused("receipt", NLS.bind(Messages.Receipt_unknown, receiptId), receiptId);
            }
            security.check(Action.READ, ContractFacts.ENTITY, receipt.getOwner());
            return em.createQuery("SELECT a FROM Allocation a WHERE a.receiptId = :r ORDER BY a.id", Allocation.class).setParameter("r", receiptId).getResultList();
        });
    }

    @Override
    public Money credit(long customerId, String currency) {
        security.check(Action.READ, ContractFacts.ENTITY, null);
        BigDecimal sum = unitOfWork.read(em -> em.createQuery("SELECT SUM(c.amount) FROM CustomerCredit c WHERE c.customerId = :c AND c.currency = :cur",
                BigDecimal.class).setParameter("c", customerId).setParameter("cur", currency).getSingleResult());
        return Money.of(sum == null ? BigDecimal.ZERO : sum, currency);
    }

    // ---- invoices

    @Override
    public Invoice requestInvoice(long contractId, Money amount, Money tax, Set<Long> instalmentIds) {
        return unitOfWork.write(em -> {
            ContractFacts contract = ContractFacts.load(em, contractId);
            security.check(Action.UPDATE, ContractFacts.ENTITY, contract.owner());
            List<FieldError> errors = new ArrayList<>();
            if (!contract.receivable()) {
                errors.add(new FieldError("contract", NLS.bind(Messages.Invoice_notApproved, contract.label(), contract.status()), contractId));
            }
            String currency = contract.amount().getCurrency();
            if (amount == null || amount.getAmount().signum() <= 0) {
                errors.add(new FieldError("amount", NLS.bind(Messages.Receipt_positive, amount), amount));
            } else if (!amount.getCurrency().equals(currency)) {
                errors.add(new FieldError("currency", NLS.bind(Messages.Receipt_currency, new Object[] { amount.getCurrency(), contract.label(), currency }), amount));
            }
            if (tax == null || tax.getAmount().signum() < 0) {
                errors.add(new FieldError("tax", NLS.bind(org.salesbench.core.validation.Messages.Validation_negative, Messages.Field_tax), tax));
            } else if (!tax.getCurrency().equals(currency)) {
                errors.add(new FieldError("currency", NLS.bind(Messages.Receipt_currency, new Object[] { tax.getCurrency(), contract.label(), currency }), tax));
            } else if (amount != null && amount.getCurrency().equals(currency) && tax.getAmount().compareTo(amount.getAmount()) > 0) {
                errors.add(new FieldError("tax", NLS.bind(Messages.Invoice_taxExceeds, tax, amount), tax));
            }
            Set<Long> ids = instalmentIds == null ? Set.of() : instalmentIds;
            Set<Long> planned = activePlan(em, contractId).stream().map(Instalment::getId).collect(Collectors.toSet());
            for (Long id : ids) {
                if (!planned.contains(id)) {
                    errors.add(new FieldError("instalments", NLS.bind(Messages.Invoice_instalment, id, contract.label()), id));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            Invoice invoice = new Invoice(contractId, amount, tax, ids);
            invoice.setOwner(contract.owner());
            em.persist(invoice);
            em.flush();
            announce(contractId);
            return invoice;
        });
    }

    @Override
    public Invoice issueInvoice(long invoiceId, String number, LocalDate date) {
        return unitOfWork.write(em -> {
            Invoice invoice = loadInvoice(em, invoiceId, InvoiceStatus.ISSUED);
            List<FieldError> errors = new ArrayList<>();
            if (number == null || number.isBlank()) {
                errors.add(required("number", Messages.Field_number, number));
            } else if (number.strip().length() > 64) {
                errors.add(new FieldError("number", NLS.bind(org.salesbench.core.validation.Messages.Validation_tooLong, Messages.Field_number, 64), number));
            } else if (!em.createQuery("SELECT i.id FROM Invoice i WHERE i.number = :n", Long.class).setParameter("n", number.strip()).getResultList().isEmpty()) {
                errors.add(new FieldError("number", NLS.bind(Messages.Invoice_numberTaken, number.strip()), number));
            }
            if (date == null) {
                errors.add(required("date", Messages.Field_date, null));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            invoice.issue(number.strip(), date);
            em.flush();
            announce(invoice.getContractId());
            return invoice;
        });
    }

    @Override
    public Invoice voidInvoice(long invoiceId, String reason) {
        return unitOfWork.write(em -> {
            Invoice invoice = loadInvoice(em, invoiceId, InvoiceStatus.VOID);
            if (reason == null || reason.isBlank()) {
                throw new ValidationException(List.of(required("reason", Messages.Field_reason, reason)));
            }
            invoice.voidIt(reason.strip());
            em.flush();
            announce(invoice.getContractId());
            return invoice;
        });
    }

    private Invoice loadInvoice(EntityManager em, long invoiceId, InvoiceStatus to) {
        Invoice invoice = em.find(Invoice.class, invoiceId);
        if (invoice == null) {
            throw refused("invoice", NLS.bind(Messages.Invoice_unknown, invoiceId), invoiceId);
        }
        security.check(Action.UPDATE, ContractFacts.ENTITY, invoice.getOwner());
        boolean legal = invoice.getStatus() == InvoiceStatus.REQUESTED || invoice.getStatus() == InvoiceStatus.ISSUED && to == InvoiceStatus.VOID;
        if (!legal) {
            throw refused("status", NLS.bind(Messages.Invoice_transition, new Object[] { invoiceId, invoice.getStatus(), to }), invoice.getStatus());
        }
        return invoice;
    }

    @Override
    public List<Invoice> invoices(long contractId) {
        return unitOfWork.read(em -> {
            ContractFacts contract = ContractFacts.load(em, contractId);
            security.check(Action.READ, ContractFacts.ENTITY, contract.owner());
            return em.createQuery("SELECT i FROM Invoice i WHERE i.contractId = :c ORDER BY i.id", Invoice.class).setParameter("c", contractId).getResultList();
        });
    }

    // ---- across contracts

    /** The contracts' condition of the open-instalment queries: not in the recycle bin, receivable statuses, and only the user's own when that is all they may read. */
    private String visible(java.util.Map<String, Object> params) {
        security.check(Action.READ, ContractFacts.ENTITY, null);
        params.put("receivable", ContractFacts.RECEIVABLE);
        String where = " c.id = i.contractId AND c.deletedAt IS NULL AND i.active = TRUE AND c.status IN :receivable";
        if (!security.currentUser().localOwner() && security.scope(Action.READ, ContractFacts.ENTITY) == org.salesbench.core.security.Scope.OWN) {
            params.put("me", security.currentUser().login());
            where += " AND c.owner = :me";
        }
        return where;
    }

    @Override
    public List<OpenInstalment> openInstalments(LocalDate asOf, boolean overdueOnly, int offset, int limit) {
        return openInstalments(asOf, overdueOnly, ReceivablesSort.DEFAULT, offset, limit);
    }

    /** {@code sort} as JPQL; the list's own order keeps its tie-breakers (contract number, instalment), the others the id. */
    private static String orderBy(ReceivablesSort sort) {
        if (sort == null || sort.equals(ReceivablesSort.DEFAULT)) {
            return " ORDER BY i.dueDate, c.number, i.position, i.id";
        }
        String direction = sort.ascending() ? "" : " DESC";
        String key = switch (sort.column()) {
            case CONTRACT_NUMBER -> "c.number" + direction + ", i.position" + direction;
            case CUSTOMER -> "c.customer.name" + direction;
            case INSTALMENT -> "i.position" + direction;
            case DUE_DATE -> "i.dueDate" + direction;
            case AMOUNT -> "i.amount" + direction;
            case OPEN -> "(i.amount - i.paid)" + direction;
            case DAYS_OVERDUE -> "i.dueDate" + (sort.ascending() ? " DESC" : "");
            case OWNER -> "c.owner" + direction;
        };
        return " ORDER BY " + key + ", i.id" + direction;
    }

    @Override
    public List<OpenInstalment> openInstalments(LocalDate asOf, boolean overdueOnly, ReceivablesSort sort, int offset, int limit) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        String where = visible(params) + " AND i.paid < i.amount" + (overdueOnly ? " AND i.dueDate < :asOf" : "");
        return unitOfWork.read(em -> {
            var query = em.createQuery("SELECT i, c.number, c.customer.name, c.owner FROM Instalment i, Contract c WHERE" + where
                    + orderBy(sort), Object[].class);
            params.forEach(query::setParameter);
            if (overdueOnly) {
                query.setParameter("asOf", asOf);
            }
            return query.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(0, limit)).getResultList().stream().map(r -> {
                Instalment i = (Instalment) r[0];
                return new OpenInstalment(i.getId(), i.getContractId(), (String) r[1], (String) r[2], (String) r[3], i.getPosition(), i.getDueDate(),
                        i.getAmount(), i.getOpen());
            }).toList();
        });
    }

    @Override
    public long countOpenInstalments(LocalDate asOf, boolean overdueOnly) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        String where = visible(params) + " AND i.paid < i.amount" + (overdueOnly ? " AND i.dueDate < :asOf" : "");
        return unitOfWork.read(em -> {
            var query = em.createQuery("SELECT COUNT(i) FROM Instalment i, Contract c WHERE" + where, Long.class);
            params.forEach(query::setParameter);
            if (overdueOnly) {
                query.setParameter("asOf", asOf);
            }
            return query.getSingleResult();
        });
    }

    @Override
    public java.util.Map<Long, ContractBalance> balances(java.util.Collection<Long> contractIds, LocalDate asOf) {
        java.util.Map<Long, ContractBalance> balances = new java.util.HashMap<>();
        if (contractIds == null || contractIds.isEmpty()) {
            return balances;
        }
        security.check(Action.READ, ContractFacts.ENTITY, null);
        return unitOfWork.read(em -> {
            List<Object[]> rows = em.createQuery("SELECT c.id, c.owner, c.currency, SUM(i.amount), SUM(i.paid),"
                    + " SUM(CASE WHEN i.dueDate < :asOf THEN i.amount - i.paid ELSE 0 END)"
                    + " FROM Contract c LEFT JOIN Instalment i ON i.contractId = c.id AND i.active = TRUE"
                    + " WHERE c.id IN :ids AND c.deletedAt IS NULL GROUP BY c.id, c.owner, c.currency", Object[].class)
                    .setParameter("asOf", asOf).setParameter("ids", contractIds).getResultList();
            for (Object[] r : rows) {
                if (!security.isPermitted(Action.READ, ContractFacts.ENTITY, (String) r[1])) {
                    continue;
                }
                String currency = (String) r[2];
                BigDecimal planned = r[3] == null ? BigDecimal.ZERO : (BigDecimal) r[3];
                BigDecimal paid = r[4] == null ? BigDecimal.ZERO : (BigDecimal) r[4];
                BigDecimal overdue = r[5] == null ? BigDecimal.ZERO : (BigDecimal) r[5];
                long id = ((Number) r[0]).longValue();
                balances.put(id, new ContractBalance(id, Money.of(planned, currency), Money.of(paid, currency), Money.of(planned.subtract(paid), currency),
                        Money.of(overdue, currency)));
            }
            return balances;
        });
    }

    // ----

    private void announce(long contractId) {
        unitOfWork.afterCommit(() -> events.publish(ContractFacts.ENTITY, Change.UPDATED, contractId));
    }

    /** The core's "is required" refusal of a field. */
    private static FieldError required(String field, String label, Object value) {
        return new FieldError(field, NLS.bind(org.salesbench.core.validation.Messages.Validation_required, label), value);
    }

    static ValidationException refused(String field, String message, Object value) {
        return new ValidationException(List.of(new FieldError(field, message, value)));
    }
}
