package org.salesbench.contracts.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.ContractLine;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractSort;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.receivables.Allocation;
import org.salesbench.contracts.receivables.CustomerCredit;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.Invoice;
import org.salesbench.contracts.receivables.PlanAmendment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.recyclebin.Dependent;
import org.salesbench.core.recyclebin.Dependent.Fate;
import org.salesbench.core.recyclebin.RecycleBinKind;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.Scope;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.core.validation.Validator;
import org.salesbench.customers.Customer;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.StageKind;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.JpqlOrder;
import org.salesbench.persistence.SoftDeletingService;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;

/**
 * Contracts: validation naming the field, permission checks against the stored owner, one transaction per call, the
 * state machine of {@link ContractStatus}, numbers drawn from the configured scheme under the counter row's lock, and
 * approval through the workflow's engine (in the same transaction as the move to {@code IN_APPROVAL}, so a refused start
 * leaves the draft as it was).
 */
@Component(service = { ContractService.class, RecycleBinKind.class })
public class ContractServiceImpl extends SoftDeletingService implements ContractService {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;
    private final ApprovalService approvals;
    private final OpportunityService opportunities;
    private final QuoteService quotes;
    private final Clock clock;
    private final Supplier<String> numberPattern;

    @Activate
    public ContractServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference DomainEventPublisher events,
            @Reference ApprovalService approvals, @Reference OpportunityService opportunities, @Reference QuoteService quotes) {
        this(unitOfWork, security, events, approvals, opportunities, quotes, Clocks.system(), ContractSettings::numberPattern);
    }

    /** With the clock that dates contracts and the numbering pattern (tests, tools). */
    public ContractServiceImpl(UnitOfWork unitOfWork, SecurityService security, DomainEventPublisher events, ApprovalService approvals,
            OpportunityService opportunities, QuoteService quotes, Clock clock, Supplier<String> numberPattern) {
        super(Contract.ENTITY, "SB_CONTRACT", "CONTRACT_NUMBER || ' ' || TITLE", 450, unitOfWork, security, events);
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
        this.approvals = approvals;
        this.opportunities = opportunities;
        this.quotes = quotes;
        this.clock = clock;
        this.numberPattern = numberPattern;
    }

    // ---- reading

    @Override
    public Optional<Contract> find(long id) {
        return unitOfWork.read(em -> {
            Contract contract = em.find(Contract.class, id);
            if (contract == null || contract.isDeleted()) {
                return Optional.empty();
            }
            if (!security.isPermitted(Action.READ, Contract.ENTITY, contract.getOwner()) && !approvals.isApproverOf(Contract.ENTITY, id)) {
                // an approver of its approval reads it whatever their roles reach; nobody else
                security.check(Action.READ, Contract.ENTITY, contract.getOwner());
            }
            loadGraph(contract);
            return Optional.of(contract);
        });
    }

    @Override
    public Optional<Contract> findByNumber(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        Optional<Long> id = unitOfWork.read(em -> em.createQuery("SELECT c.id FROM Contract c WHERE c.number = :number AND c.deletedAt IS NULL", Long.class)
                .setParameter("number", number.strip()).getResultStream().findFirst());
        return id.flatMap(this::find);
    }

    @Override
    public List<Contract> list(ContractFilter filter, int offset, int limit) {
        return list(filter, ContractSort.DEFAULT, offset, limit);
    }

    @Override
    public List<Contract> list(ContractFilter filter, ContractSort sort, int offset, int limit) {
        security.check(Action.READ, Contract.ENTITY, null);
        return unitOfWork.read(em -> {
            List<Contract> found = query(em, filter, "SELECT c FROM Contract c", orderBy(sort == null ? ContractSort.DEFAULT : sort), Contract.class)
                    .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(0, limit)).getResultList();
            found.forEach(ContractServiceImpl::loadGraph);
            return found;
        });
    }

    @Override
    public long count(ContractFilter filter) {
        security.check(Action.READ, Contract.ENTITY, null);
        return unitOfWork.read(em -> query(em, filter, "SELECT COUNT(c) FROM Contract c", "", Long.class).getSingleResult());
    }

    /** {@code sort} as a JPQL {@code ORDER BY}, the id last so that every page follows one order. */
    private static String orderBy(ContractSort sort) {
        String direction = sort.ascending() ? "" : " DESC";
        String key = switch (sort.column()) {
            case NUMBER -> "c.number";
            case CUSTOMER -> "c.customer.name";
            case TITLE -> "c.title";
            case AMOUNT -> "c.amount";
            case STATUS -> JpqlOrder.byDeclaration("c.status", ContractStatus.class); // its place in a contract's life
            case SIGNED_ON -> "c.signedOn";
            case START_DATE -> "c.startDate";
            case END_DATE -> "c.endDate";
            case OWNER -> "c.owner";
            case CREATED -> "c.createdAt";
        };
        return " ORDER BY " + key + direction + ", c.id" + direction;
    }

    /**
     * The filter as JPQL. On a team server row-level security keeps out what the user may not read; a user whose roles
     * reach only their own contracts gets the same restriction in the query, so an embedded run shows what a server would.
     */
    private <T> TypedQuery<T> query(EntityManager em, ContractFilter filter, String select, String order, Class<T> type) {
        ContractFilter f = filter == null ? ContractFilter.all() : filter;
        StringBuilder where = new StringBuilder(" WHERE c.deletedAt IS NULL");
        Map<String, Object> params = new HashMap<>();
        boolean ownOnly = !security.currentUser().localOwner() && security.scope(Action.READ, Contract.ENTITY) == Scope.OWN;
        if (f.isMine() || ownOnly) {
            where.append(" AND c.owner = :me");
            params.put("me", security.currentUser().login());
        }
        f.status().ifPresent(status -> {
            where.append(" AND c.status = :status");
            params.put("status", status);
        });
        f.customerId().ifPresent(id -> {
            where.append(" AND c.customer.id = :customer");
            params.put("customer", id);
        });
        f.text().ifPresent(text -> {
            where.append(" AND (LOWER(c.number) LIKE :text ESCAPE '\\' OR LOWER(c.title) LIKE :text ESCAPE '\\'"
                    + " OR LOWER(c.customer.name) LIKE :text ESCAPE '\\')");
            params.put("text", "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });
        LocalDate today = LocalDate.now(clock);
        f.expiringDays().ifPresent(days -> {
            // as the renewal reminder reads them: signed or running, ending today or within the days
            where.append(" AND c.status IN :running AND c.endDate BETWEEN :today AND :until");
            params.put("running", List.of(ContractStatus.SIGNED, ContractStatus.ACTIVE));
            params.put("today", today);
            params.put("until", today.plusDays(days));
        });
        if (f.isOverdue()) {
            // an instalment owed now (active, of an approved-or-later contract, not paid in full) and due before today
            where.append(" AND EXISTS (SELECT i.id FROM Instalment i WHERE i.contractId = c.id AND i.receivable = TRUE AND i.dueDate < :overdueBefore)");
            params.put("overdueBefore", today);
        }
        TypedQuery<T> q = em.createQuery(select + where + order, type);
        params.forEach(q::setParameter);
        return q;
    }

    // ---- creating

    @Override
    public Contract createFromOpportunity(long opportunityId) {
        security.check(Action.CREATE, Contract.ENTITY, null);
        Opportunity deal = opportunities.find(opportunityId).orElseThrow(() -> invalid("opportunity", NLS.bind(Messages.Contract_opportunityNotFound, opportunityId)));
        if (deal.getState() != StageKind.WON) {
            throw invalid("opportunity", NLS.bind(Messages.Contract_opportunityNotWon, deal.getName(), deal.getStage() == null ? "" : deal.getStage().getName()));
        }
        // the deal's agreed lines are its latest accepted quote's, else its latest approved one's
        List<Quote> dealQuotes = quotes.listForOpportunity(opportunityId);
        Optional<Quote> agreed = dealQuotes.stream().filter(q -> q.getStatus() == QuoteStatus.ACCEPTED).findFirst()
                .or(() -> dealQuotes.stream().filter(q -> q.getStatus() == QuoteStatus.APPROVED).findFirst());
        if (agreed.isPresent()) {
            return create(fromQuote(agreed.get()));
        }
        if (deal.getAmount() == null || deal.getAmount().getAmount().signum() <= 0) {
            throw invalid("opportunity", NLS.bind(Messages.Contract_opportunityNoAmount, deal.getName()));
        }
        Contract contract = new Contract(deal.getCustomer(), deal.getName(), deal.getAmount().getCurrency());
        contract.setOpportunity(deal);
        contract.setOwner(deal.getOwner());
        Product product = deal.getProductId() == null ? null : unitOfWork.read(em -> em.find(Product.class, deal.getProductId()));
        contract.addLine(new ContractLine(product, deal.getName(), BigDecimal.ONE, deal.getAmount().getAmount(), BigDecimal.ZERO, BigDecimal.ZERO));
        return create(contract);
    }

    @Override
    public Contract createFromQuote(long quoteId) {
        security.check(Action.CREATE, Contract.ENTITY, null);
        Quote quote = quotes.find(quoteId).orElseThrow(() -> invalid("quote", NLS.bind(Messages.Contract_quoteNotFound, quoteId)));
        if (quote.getStatus() != QuoteStatus.ACCEPTED && quote.getStatus() != QuoteStatus.APPROVED) {
            throw invalid("quote", NLS.bind(Messages.Contract_quoteNotAgreed, quote.getVersionNumber(), quote.getOpportunity().getName()));
        }
        return create(fromQuote(quote));
    }

    private static Contract fromQuote(Quote quote) {
        Opportunity deal = quote.getOpportunity();
        Contract contract = new Contract(deal.getCustomer(), deal.getName(), quote.getCurrency());
        contract.setOpportunity(deal);
        contract.setQuote(quote);
        contract.setOwner(deal.getOwner());
        quote.getLines().forEach(line -> contract.addLine(ContractLine.of(line)));
        return contract;
    }

    /** Numbers, validates and saves a new draft in one transaction. */
    private Contract create(Contract contract) {
        security.check(Action.CREATE, Contract.ENTITY, contract.getOwner());
        contract.setStatus(ContractStatus.DRAFT);
        contract.setNumber("-");
        validate(contract);
        NumberScheme scheme = NumberScheme.parse(numberPattern.get());
        LocalDate today = LocalDate.now(clock);
        String period = scheme.period(today);
        ContractNumbers.ensureCounter(unitOfWork, scheme.pattern(), period);
        return unitOfWork.write(em -> {
            // the counter row stays locked until this transaction ends: a concurrent creation waits for the next number
            long sequence = ContractNumbers.next(em, scheme.pattern(), period);
            contract.setNumber(scheme.format(today, sequence));
            return persistNew(em, contract);
        });
    }

    /** Stores a validated, numbered new contract with its customer, deal, quote and products attached. */
    private Contract persistNew(EntityManager em, Contract contract) {
        contract.setCustomer(em.find(Customer.class, contract.getCustomer().getId()));
        if (contract.getOpportunity() != null) {
            contract.setOpportunity(em.find(Opportunity.class, contract.getOpportunity().getId()));
        }
        if (contract.getQuote() != null) {
            contract.setQuote(em.find(Quote.class, contract.getQuote().getId()));
        }
        attachProducts(em, contract);
        contract.applyTotals();
        contract.setStatusChangedAt(clock.instant());
        em.persist(contract);
        em.flush();
        unitOfWork.afterCommit(() -> events.publish(Contract.ENTITY, Change.CREATED, contract.getId()));
        return contract;
    }

    /**
     * A contract as an import file has it ({@code contracts} target): created as a draft that goes through approval as any
     * new one, unless the user holds the APPROVE right on the owner's contracts, who may bring it in with its
     * {@code status} as it stands in the file (a migration of existing contracts; its signed date is kept). A given
     * number is kept if no other contract has it, else one is drawn from the numbering scheme. Returns the saved
     * contract; its status says which of the two happened.
     */
    public Contract importContract(Contract contract, ContractStatus status) {
        security.check(Action.CREATE, Contract.ENTITY, contract.getOwner());
        boolean migrate = status != null && status != ContractStatus.DRAFT
                && security.isPermitted(Action.APPROVE, Contract.ENTITY, contract.getOwner());
        if (!migrate) {
            contract.setSignedOn(null);
        }
        String number = contract.getNumber() == null ? null : contract.getNumber().strip();
        Contract saved;
        if (number == null || number.isEmpty()) {
            saved = create(contract);
        } else {
            contract.setStatus(ContractStatus.DRAFT);
            contract.setNumber(number);
            validate(contract);
            saved = unitOfWork.write(em -> {
                if (em.createQuery("SELECT COUNT(c) FROM Contract c WHERE c.number = :n", Long.class).setParameter("n", number)
                        .getSingleResult() > 0) {
                    throw invalid("number", NLS.bind(Messages.Contract_numberTaken, number));
                }
                return persistNew(em, contract);
            });
        }
        if (!migrate) {
            return saved;
        }
        long id = saved.getId();
        LocalDate signedOn = contract.getSignedOn();
        return unitOfWork.write(em -> {
            Contract stored = load(em, id);
            moveTo(em, stored, status, Messages.Contract_imported);
            stored.setSignedOn(signedOn);
            stored.setDecidedBy(security.currentUser().login());
            return saved(stored);
        });
    }

    // ---- editing a draft

    @Override
    public Contract update(Contract contract) {
        validate(contract);
        return unitOfWork.write(em -> {
            Contract stored = load(em, contract.getId());
            security.check(Action.UPDATE, Contract.ENTITY, stored.getOwner());
            security.check(Action.UPDATE, Contract.ENTITY, contract.getOwner());
            if (!stored.getStatus().isEditable()) {
                throw invalid("status", NLS.bind(Messages.Contract_notDraft, stored.getNumber(), Messages.status(stored.getStatus())));
            }
            // what identifies a contract and where it is in its life never change through an edit
            contract.setNumber(stored.getNumber());
            contract.setCustomer(stored.getCustomer());
            contract.setOpportunity(stored.getOpportunity());
            contract.setQuote(stored.getQuote());
            contract.setCurrency(stored.getCurrency());
            contract.setStatus(stored.getStatus());
            contract.setStatusChangedAt(stored.getStatusChangedAt());
            contract.setStatusNote(stored.getStatusNote());
            contract.setDecidedBy(stored.getDecidedBy());
            attachProducts(em, contract);
            contract.applyTotals();
            Contract merged = em.merge(contract);
            followOwner(em, merged);
            em.flush();
            unitOfWork.afterCommit(() -> events.publish(Contract.ENTITY, Change.UPDATED, merged.getId()));
            loadGraph(merged);
            return merged;
        });
    }

    @Override
    public void validate(Contract contract) {
        Validator v = new Validator();
        v.required("customer", Messages.Contract_customer, contract.getCustomer());
        if (v.required("title", Messages.Contract_title, contract.getTitle())) {
            v.maxLength("title", Messages.Contract_title, contract.getTitle(), 200);
        }
        if (v.required("currency", Messages.Contract_currency, contract.getCurrency()) && !isCurrency(contract.getCurrency())) {
            v.add("currency", Messages.Contract_badCurrency, Messages.Contract_currency, contract.getCurrency());
        }
        if (contract.getStartDate() != null && contract.getEndDate() != null) {
            v.notBefore("endDate", Messages.Contract_endDate, contract.getEndDate(), Messages.Contract_startDate, contract.getStartDate());
        }
        List<ContractLine> lines = contract.getLines();
        if (lines.isEmpty()) {
            v.add("lines", Messages.Contract_noLines, Messages.Contract_lines);
        }
        for (int i = 0; i < lines.size(); i++) {
            validateLine(v, i, lines.get(i));
        }
        v.throwIfInvalid();
    }

    private static void validateLine(Validator v, int index, ContractLine line) {
        String prefix = "lines[" + index + "].";
        int number = index + 1;
        String description = lineLabel(number, Messages.Line_description);
        if (v.required(prefix + "description", description, line.getDescription())) {
            v.maxLength(prefix + "description", description, line.getDescription(), 500);
        }
        String quantity = lineLabel(number, Messages.Line_quantity);
        if (v.required(prefix + "quantity", quantity, line.getQuantity()) && line.getQuantity().signum() <= 0) {
            v.add(prefix + "quantity", Messages.Contract_positive, quantity, line.getQuantity().stripTrailingZeros().toPlainString());
        }
        String unitPrice = lineLabel(number, Messages.Line_unitPrice);
        if (v.required(prefix + "unitPrice", unitPrice, line.getUnitPrice())) {
            v.notNegative(prefix + "unitPrice", unitPrice, line.getUnitPrice());
        }
        percent(v, prefix + "discountPercent", lineLabel(number, Messages.Line_discount), line.getDiscountPercent());
        percent(v, prefix + "taxRate", lineLabel(number, Messages.Line_taxRate), line.getTaxRate());
    }

    private static void percent(Validator v, String field, String label, BigDecimal value) {
        if (v.required(field, label, value) && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            v.add(field, Messages.Contract_percent, label, value.stripTrailingZeros().toPlainString());
        }
    }

    private static String lineLabel(int lineNumber, String field) {
        return NLS.bind(Messages.Line_label, lineNumber, field);
    }

    private static boolean isCurrency(String code) {
        try {
            java.util.Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- the life of a contract

    @Override
    public Contract submitForApproval(long id) {
        return unitOfWork.write(em -> {
            Contract contract = load(em, id);
            security.check(Action.UPDATE, Contract.ENTITY, contract.getOwner());
            requireMove(contract, ContractStatus.IN_APPROVAL);
            validate(contract);
            if (contract.getAmount().getAmount().signum() <= 0) {
                throw invalid("amount", NLS.bind(Messages.Contract_zeroAmount, contract.getNumber()));
            }
            moveTo(em, contract, ContractStatus.IN_APPROVAL, null);
            contract.setDecidedBy(null);
            em.flush();
            // the engine reads the contract in this transaction: it sees it in approval, and a refusal undoes the move
            Optional<ApprovalRequest> started = approvals.start(Contract.ENTITY, id);
            if (started.isEmpty()) {
                moveTo(em, contract, ContractStatus.APPROVED, Messages.Contract_noApprovalNeeded);
            } else {
                List<String> approvers = approvals.currentApprovers(started.get().getId());
                contract.setStatusNote(truncate(NLS.bind(Messages.Contract_pending, started.get().getDefinitionName(),
                        approvers.isEmpty() ? Messages.Contract_nobody : String.join(", ", approvers))));
            }
            return saved(contract);
        });
    }

    @Override
    public Contract decideApproval(long id, boolean approved, String comment) {
        Optional<ApprovalRequest> pending = approvals.pendingFor(Contract.ENTITY, id);
        if (pending.isPresent() && approvals.mayDecide(pending.get().getId())) {
            if (approved) {
                approvals.approve(pending.get().getId(), comment);
            } else {
                approvals.reject(pending.get().getId(), comment);
            }
            return find(id).orElseThrow();
        }
        return recordApprovalDecision(id, approved, comment);
    }

    @Override
    public boolean mayDecideApproval(long id) {
        Contract contract = find(id).orElseThrow();
        Optional<ApprovalRequest> pending = approvals.pendingFor(Contract.ENTITY, id);
        return pending.isPresent() && approvals.mayDecide(pending.get().getId())
                || security.isPermitted(Action.APPROVE, Contract.ENTITY, contract.getOwner());
    }

    @Override
    public boolean mayDelete(long id) {
        return unitOfWork.read(em -> {
            Contract contract = em.find(Contract.class, id);
            return contract != null && !contract.isDeleted() && security.isPermitted(Action.DELETE, Contract.ENTITY, contract.getOwner());
        });
    }

    @Override
    public Contract recordApprovalDecision(long id, boolean approved, String comment) {
        return unitOfWork.write(em -> {
            Contract contract = load(em, id);
            boolean byAssignment = approvals.isDeciding(Contract.ENTITY, id);
            if (!byAssignment) {
                // decided outside the engine: the right to approve comes from roles
                security.check(Action.APPROVE, Contract.ENTITY, contract.getOwner());
            }
            if (!approved && (comment == null || comment.isBlank())) {
                throw invalid("comment", Messages.Contract_rejectNeedsComment);
            }
            requireMove(contract, approved ? ContractStatus.APPROVED : ContractStatus.DRAFT);
            String decider = security.currentUser().login();
            moveTo(em, contract, approved ? ContractStatus.APPROVED : ContractStatus.DRAFT, comment == null ? null : comment.strip());
            contract.setDecidedBy(decider);
            em.flush();
            // decided here rather than through the engine (an approver's own call): the pending request is closed too
            approvals.settledOutside(Contract.ENTITY, id, approved, decider, comment);
            return saved(contract);
        });
    }

    @Override
    public Contract withdrawFromApproval(long id, String note) {
        return move(id, ContractStatus.DRAFT, note, contract -> contract.setDecidedBy(null));
    }

    @Override
    public Contract sign(long id, LocalDate signedOn) {
        if (signedOn == null) {
            throw invalid("signedOn", NLS.bind(org.salesbench.core.validation.Messages.Validation_required, Messages.Contract_signedOn));
        }
        if (signedOn.isAfter(LocalDate.now(clock))) {
            throw invalid("signedOn", NLS.bind(Messages.Contract_signedInFuture, signedOn, LocalDate.now(clock)));
        }
        return move(id, ContractStatus.SIGNED, null, contract -> contract.setSignedOn(signedOn));
    }

    @Override
    public Contract activate(long id) {
        return move(id, ContractStatus.ACTIVE, null, contract -> {
            if (contract.getStartDate() == null) {
                contract.setStartDate(LocalDate.now(clock));
            }
        });
    }

    @Override
    public Contract complete(long id) {
        return move(id, ContractStatus.COMPLETED, null, contract -> { });
    }

    @Override
    public Contract terminate(long id, String reason) {
        requireReason(reason);
        return move(id, ContractStatus.TERMINATED, reason.strip(), contract -> { });
    }

    @Override
    public Contract expire(long id) {
        return move(id, ContractStatus.EXPIRED, null, contract -> { });
    }

    /** The statuses a contract is renewed from: it has run, or runs and is ending. */
    private static final java.util.Set<ContractStatus> RENEWABLE = java.util.EnumSet.of(ContractStatus.SIGNED, ContractStatus.ACTIVE,
            ContractStatus.COMPLETED, ContractStatus.EXPIRED);

    @Override
    public Contract renew(long id) {
        security.check(Action.CREATE, Contract.ENTITY, null);
        Contract old = unitOfWork.read(em -> {
            Contract c = load(em, id);
            security.check(Action.READ, Contract.ENTITY, c.getOwner());
            loadGraph(c);
            return c;
        });
        if (!RENEWABLE.contains(old.getStatus())) {
            throw invalid("status", NLS.bind(Messages.Renew_status, old.getNumber(), Messages.status(old.getStatus())));
        }
        if (old.getStartDate() == null || old.getEndDate() == null) {
            throw invalid("endDate", NLS.bind(Messages.Renew_noTerm, old.getNumber()));
        }
        List<String> renewals = unitOfWork.read(em -> em.createQuery("SELECT c.number FROM Contract c WHERE c.renewsId = :id AND c.deletedAt IS NULL",
                String.class).setParameter("id", id).getResultList());
        if (!renewals.isEmpty()) {
            throw invalid("renewsId", NLS.bind(Messages.Renew_already, old.getNumber(), renewals.get(0)));
        }
        java.time.Period term = java.time.Period.between(old.getStartDate(), old.getEndDate().plusDays(1));
        Contract next = new Contract(old.getCustomer(), old.getTitle(), old.getCurrency());
        next.setOwner(old.getOwner());
        next.setRenewsId(old.getId());
        next.setStartDate(old.getEndDate().plusDays(1));
        next.setEndDate(next.getStartDate().plus(term).minusDays(1));
        for (ContractLine line : old.getLines()) {
            next.addLine(new ContractLine(line.getProduct(), line.getDescription(), line.getQuantity(), line.getUnitPrice(), line.getDiscountPercent(),
                    line.getTaxRate()));
        }
        return create(next);
    }

    /** Where a renewal deal goes when the contract came from none: the first active pipeline (optional, DS). */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile org.salesbench.opportunities.PipelineService pipelines;

    /** Sets the pipeline service (tests, tools). */
    public void setPipelines(org.salesbench.opportunities.PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    public Opportunity createRenewalOpportunity(long id) {
        return unitOfWork.write(em -> {
            Contract contract = load(em, id);
            security.check(Action.UPDATE, Contract.ENTITY, contract.getOwner());
            loadGraph(contract);
            if (!RENEWABLE.contains(contract.getStatus())) {
                throw invalid("status", NLS.bind(Messages.Renew_status, contract.getNumber(), Messages.status(contract.getStatus())));
            }
            if (contract.getEndDate() == null) {
                throw invalid("endDate", NLS.bind(Messages.Renew_noTerm, contract.getNumber()));
            }
            Optional<Opportunity> existing = renewalOpportunityOf(contract);
            if (existing.isPresent()) {
                throw invalid("renewalOpportunityId", NLS.bind(Messages.Renewal_exists, contract.getNumber(), existing.get().getName()));
            }
            org.salesbench.opportunities.Pipeline pipeline = contract.getOpportunity() != null ? contract.getOpportunity().getPipeline() : null;
            org.salesbench.opportunities.PipelineService known = pipelines;
            if (pipeline == null && known != null) {
                pipeline = known.pipelines(true).stream().findFirst().orElse(null);
            }
            if (pipeline == null) {
                throw invalid("pipeline", NLS.bind(Messages.Renewal_noPipeline, contract.getNumber()));
            }
            Opportunity deal = new Opportunity(contract.getCustomer(), truncateName(NLS.bind(Messages.Renewal_name, contract.getTitle())),
                    contract.getAmount());
            deal.setPipeline(pipeline);
            deal.setOwner(contract.getOwner());
            LocalDate today = LocalDate.now(clock);
            // a deal closes no earlier than it is made: a contract ended already is renewed today
            deal.setExpectedCloseDate(contract.getEndDate().isBefore(today) ? today : contract.getEndDate());
            deal.setDescription(contract.getNumber());
            Opportunity created = opportunities.create(deal);
            List<ContractLine> priced = contract.getLines().stream().filter(l -> l.getProduct() != null).toList();
            if (!priced.isEmpty()) {
                Quote quote = new Quote(created, contract.getEndDate().isAfter(today) ? contract.getEndDate() : today.plusDays(30));
                quote.setCurrency(contract.getCurrency());
                quote.setNotes(contract.getNumber());
                for (ContractLine line : priced) {
                    org.salesbench.quotes.QuoteLine copy = new org.salesbench.quotes.QuoteLine(line.getProduct(), line.getQuantity(), line.getUnitPrice(),
                            line.getDiscountPercent(), line.getTaxRate());
                    copy.setDescription(line.getDescription());
                    quote.addLine(copy);
                }
                quotes.createDraft(quote);
            }
            Contract stored = load(em, id);
            stored.setRenewalOpportunityId(created.getId());
            unitOfWork.afterCommit(() -> events.publish(Contract.ENTITY, Change.UPDATED, id));
            return created;
        });
    }

    @Override
    public Optional<Opportunity> renewalOpportunity(long id) {
        return find(id).flatMap(this::renewalOpportunityOf);
    }

    /** The deal the contract names as its renewal, unless it is in the recycle bin or gone. */
    private Optional<Opportunity> renewalOpportunityOf(Contract contract) {
        return contract.getRenewalOpportunityId() == null ? Optional.empty() : opportunities.find(contract.getRenewalOpportunityId());
    }

    private static String truncateName(String name) {
        return name.length() <= 200 ? name : name.substring(0, 200);
    }

    @Override
    public Contract cancel(long id, String reason) {
        requireReason(reason);
        return move(id, ContractStatus.CANCELLED, reason.strip(), contract -> { });
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw invalid("reason", NLS.bind(org.salesbench.core.validation.Messages.Validation_required, Messages.Contract_reason));
        }
    }

    /** One status step, checked against {@link ContractStatus#canMoveTo}, in one transaction. */
    private Contract move(long id, ContractStatus target, String note, Consumer<Contract> change) {
        return unitOfWork.write(em -> {
            Contract contract = load(em, id);
            security.check(Action.UPDATE, Contract.ENTITY, contract.getOwner());
            requireMove(contract, target);
            moveTo(em, contract, target, note);
            change.accept(contract);
            return saved(contract);
        });
    }

    private void moveTo(EntityManager em, Contract contract, ContractStatus target, String note) {
        contract.setStatus(target);
        contract.setStatusChangedAt(clock.instant());
        contract.setStatusNote(truncate(note));
        followStatus(em, contract);
    }

    /**
     * The contract's instalments follow its status and customer in the same transaction: what the ageing index reads
     * ({@link Instalment#isReceivable()}).
     */
    private static void followStatus(EntityManager em, Contract contract) {
        boolean receivable = contract.getStatus().isApproved();
        Long customer = contract.getCustomer() == null ? null : contract.getCustomer().getId();
        for (Instalment instalment : em.createQuery("SELECT i FROM Instalment i WHERE i.contractId = :c", Instalment.class)
                .setParameter("c", contract.getId()).getResultList()) {
            instalment.follow(customer, receivable);
        }
    }

    /** The money rows of each kind a contract has; each carries its contract's owner. */
    private static final List<Class<? extends AbstractEntity>> MONEY_ROWS = List.of(Instalment.class, Receipt.class, Allocation.class,
            CustomerCredit.class, PlanAmendment.class, Invoice.class);

    /**
     * The contract's money rows take its new owner in the same transaction (an edit or an import's update of a
     * draft): the owner's ageing and collected revenue, the totals the database keeps per owner and row-level
     * security read the rows' own OWNER, so a row left with the old owner would count for them. Looks for rows of
     * another owner rather than comparing with the stored contract: an import updates the contract it read in the
     * same persistence context, so the stored one already has the new owner.
     */
    private static void followOwner(EntityManager em, Contract contract) {
        for (Class<? extends AbstractEntity> kind : MONEY_ROWS) {
            for (AbstractEntity row : em.createQuery("SELECT e FROM " + kind.getSimpleName() + " e WHERE e.contractId = :c AND e.owner <> :o", kind)
                    .setParameter("c", contract.getId()).setParameter("o", contract.getOwner()).getResultList()) {
                row.setOwner(contract.getOwner());
            }
        }
    }

    private Contract saved(Contract contract) {
        long id = contract.getId();
        unitOfWork.afterCommit(() -> events.publish(Contract.ENTITY, Change.UPDATED, id));
        loadGraph(contract);
        return contract;
    }

    /** Refuses a move the state machine does not allow, naming both states and where the contract may go instead. */
    static void requireMove(Contract contract, ContractStatus target) {
        ContractStatus from = contract.getStatus();
        if (from.canMoveTo(target)) {
            return;
        }
        String reason;
        if (target == ContractStatus.SIGNED && (from == ContractStatus.DRAFT || from == ContractStatus.IN_APPROVAL)) {
            reason = Messages.Contract_signBeforeApproval;
        } else if (from.isFinal()) {
            reason = Messages.Contract_finalState;
        } else {
            reason = NLS.bind(Messages.Contract_allowedMoves, from.next().stream().map(Messages::status).collect(Collectors.joining(", ")));
        }
        throw invalid("status", NLS.bind(Messages.Contract_illegalMove, new Object[] { contract.getNumber(), Messages.status(from),
                Messages.status(target), reason }));
    }

    @Override
    public int purgeOwnedBy(java.util.Collection<String> owners) {
        if (owners.isEmpty()) {
            return 0;
        }
        owners.forEach(owner -> security.check(Action.DELETE, Contract.ENTITY, owner));
        List<String> logins = List.copyOf(owners);
        int purged = unitOfWork.write(em -> {
            List<Long> ids = em.createQuery("SELECT c.id FROM Contract c WHERE c.owner IN :owners", Long.class).setParameter("owners", logins).getResultList();
            // a reset takes the contracts' money with them: their plans, receipts, write-offs, credit and invoices
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                em.createQuery("UPDATE Contract c SET c.renewsId = NULL WHERE c.renewsId IN :ids").setParameter("ids", chunk).executeUpdate();
                deleteMoney(em, chunk);
            }
            em.createQuery("DELETE FROM ContractLine l WHERE l.contract.id IN (SELECT c.id FROM Contract c WHERE c.owner IN :owners)").setParameter("owners", logins).executeUpdate();
            return em.createQuery("DELETE FROM Contract c WHERE c.owner IN :owners").setParameter("owners", logins).executeUpdate();
        });
        events.publishImported(Contract.ENTITY, purged);
        return purged;
    }

    /** Deletes the money rows of these contracts (the module's own tables), children first. */
    private static void deleteMoney(EntityManager em, List<Long> contractIds) {
        if (contractIds.isEmpty()) {
            return;
        }
        String in = contractIds.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
        em.createNativeQuery("DELETE FROM SB_CUSTOMER_CREDIT WHERE CONTRACT_ID IN " + in).executeUpdate();
        em.createNativeQuery("DELETE FROM SB_CONTRACT_ALLOCATION WHERE CONTRACT_ID IN " + in).executeUpdate();
        em.createNativeQuery("DELETE FROM SB_CONTRACT_INVOICE_INSTALMENT WHERE INVOICE_ID IN (SELECT ID FROM SB_CONTRACT_INVOICE WHERE CONTRACT_ID IN " + in + ")")
                .executeUpdate();
        em.createNativeQuery("DELETE FROM SB_CONTRACT_INVOICE WHERE CONTRACT_ID IN " + in).executeUpdate();
        em.createNativeQuery("DELETE FROM SB_CONTRACT_PLAN_AMENDMENT WHERE CONTRACT_ID IN " + in).executeUpdate();
        // reversals name the receipt they reverse: they go first
        em.createNativeQuery("DELETE FROM SB_CONTRACT_RECEIPT WHERE REVERSES_ID IS NOT NULL AND CONTRACT_ID IN " + in).executeUpdate();
        em.createNativeQuery("DELETE FROM SB_CONTRACT_RECEIPT WHERE CONTRACT_ID IN " + in).executeUpdate();
        em.createNativeQuery("DELETE FROM SB_CONTRACT_INSTALMENT WHERE CONTRACT_ID IN " + in).executeUpdate();
    }

    // ---- the recycle bin

    /**
     * Puts the contract in the recycle bin; one in approval first has its pending request withdrawn (recalled, with a
     * note that it was deleted) and returns to draft, in the same transaction, so no approver is left with a task for a
     * contract that is gone. The right that counts is the contract's DELETE (its owner, their manager, an administrator),
     * not being the request's requester.
     */
    @Override
    public void delete(long id) {
        delete(id, null);
    }

    @Override
    public void delete(long id, long seenVersion) {
        delete(id, Long.valueOf(seenVersion));
    }

    private void delete(long id, Long seenVersion) {
        unitOfWork.write(em -> {
            if (seenVersion != null) {
                Contract current = em.find(Contract.class, id);
                ConcurrentChangeException.checkVersion(Contract.ENTITY, id, seenVersion, current == null ? null : current.getVersion(),
                        current == null ? null : current.getUpdatedBy());
            }
            Optional<ApprovalRequest> pending = approvals.pendingFor(Contract.ENTITY, id);
            if (pending.isPresent()) {
                Contract contract = load(em, id);
                security.check(Action.DELETE, Contract.ENTITY, contract.getOwner());
                approvals.withdrawnOutside(Contract.ENTITY, id, Messages.Contract_deletedInApproval);
                if (contract.getStatus() == ContractStatus.IN_APPROVAL) {
                    moveTo(em, contract, ContractStatus.DRAFT, Messages.Contract_deletedInApproval);
                    contract.setDecidedBy(null);
                    em.flush();
                }
            }
            softDelete(id, () -> invalid("id", NLS.bind(Messages.Contract_notFound, id)));
            return null;
        });
    }

    @Override
    public String label() {
        return Messages.RecycleBin_contracts;
    }

    /** Refused while its customer is in the recycle bin. */
    @Override
    protected void checkRestore(EntityManager em, long id) {
        Contract contract = em.find(Contract.class, id);
        refuseRestoreIf(contract.getCustomer().isDeleted(), "customer",
                NLS.bind(Messages.RecycleBin_customerDeleted, contract.getNumber(), contract.getCustomer().getName()), id);
    }

    /**
     * Money received is never lost: a contract on which a receipt was recorded (even one reversed since) is not purged.
     * Otherwise its plan, amendments and invoices go with it (its lines by the foreign key).
     */
    @Override
    protected void beforePurge(EntityManager em, long id) {
        Contract contract = em.find(Contract.class, id);
        long receipts = em.createQuery("SELECT COUNT(r) FROM Receipt r WHERE r.contractId = :c", Long.class).setParameter("c", id).getSingleResult();
        if (receipts > 0) {
            throw invalid("receipts", NLS.bind(Messages.RecycleBin_moneyCollected, contract == null ? "#" + id : contract.getNumber(), receipts));
        }
        deleteMoney(em, List.of(id));
        // its renewal stays, without the link to a contract no longer there
        em.createQuery("UPDATE Contract c SET c.renewsId = NULL WHERE c.renewsId = :id").setParameter("id", id).executeUpdate();
    }

    /** A customer, deal or quote a contract names cannot be purged while the contract exists (in the bin or not). */
    @Override
    public List<Dependent> dependentsOf(String entity, long id) {
        String path = Customer.ENTITY.equals(entity) ? "c.customer.id"
                : Opportunity.ENTITY.equals(entity) ? "c.opportunity.id" : Quote.ENTITY.equals(entity) ? "c.quote.id" : null;
        if (path == null) {
            return List.of();
        }
        long contracts = unitOfWork.read(em -> em.createQuery("SELECT COUNT(c) FROM Contract c WHERE " + path + " = :id", Long.class)
                .setParameter("id", id).getSingleResult());
        return contracts == 0 ? List.of() : List.of(new Dependent(Contract.ENTITY, Messages.RecycleBin_contracts, contracts, Fate.KEEP_LINK, true));
    }

    // ---- helpers

    private static Contract load(EntityManager em, Long id) {
        Contract contract = id == null ? null : em.find(Contract.class, id);
        if (contract == null || contract.isDeleted()) {
            throw invalid("id", NLS.bind(Messages.Contract_notFound, id));
        }
        return contract;
    }

    /** Lines point at catalogue products by id; use the managed ones. */
    private static void attachProducts(EntityManager em, Contract contract) {
        List<ContractLine> lines = contract.getLines();
        for (int i = 0; i < lines.size(); i++) {
            ContractLine line = lines.get(i);
            if (line.getProduct() == null) {
                continue;
            }
            Long productId = line.getProduct().getId();
            Product product = productId == null ? null : em.find(Product.class, productId);
            if (product == null) {
                throw invalid("lines[" + i + "].product", NLS.bind(Messages.Contract_productNotFound, productId));
            }
            line.setProduct(product);
        }
    }

    /** Loads what callers read after the transaction: lines, products, customer, deal and quote. */
    private static void loadGraph(Contract contract) {
        contract.getLines().forEach(l -> {
            if (l.getProduct() != null) {
                l.getProduct().getCode();
            }
        });
        // an approver who reads the contract only by their assignment (a team server) may not read its customer
        if (contract.getCustomer() != null) {
            contract.getCustomer().getName();
        }
        if (contract.getOpportunity() != null) {
            contract.getOpportunity().getName();
        }
        if (contract.getQuote() != null) {
            contract.getQuote().getVersionNumber();
        }
    }

    static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message, null)));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
