package org.salesbench.quotes.internal;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.recyclebin.Dependent;
import org.salesbench.core.recyclebin.Dependent.Fate;
import org.salesbench.core.recyclebin.RecycleBinKind;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.core.validation.Validator;
import org.salesbench.customers.Customer;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.quotes.ApprovalOutcome;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteApprovalRequest;
import org.salesbench.quotes.QuoteApprovalService;
import org.salesbench.quotes.QuoteLine;
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.QuoteSort;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.quotes.QuoteTotals;
import org.salesbench.persistence.JpqlOrder;
import org.salesbench.persistence.SoftDeletingService;
import org.salesbench.persistence.UnitOfWork;

/**
 * Quotes: validation naming the field, permission checks, one transaction per call, totals stored on every save,
 * events after commit, and discount approval through whichever {@link QuoteApprovalService} ranks highest.
 */
@Component(service = { QuoteService.class, RecycleBinKind.class })
public class QuoteServiceImpl extends SoftDeletingService implements QuoteService {

    /** The permission that deciding on a quote's approval needs (UPDATE on this entity name). */

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;
    /**
     * Dynamic, so the workflow's approval engine (ranked higher) replaces the threshold rule without this service, and
     * every component holding it, being made anew while they work (a demo fill running at start, say).
     */
    private volatile QuoteApprovalService approval;
    private final Clock clock;

    @Activate
    public QuoteServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security,
            @Reference DomainEventPublisher events) {
        this(unitOfWork, security, events, null, Clocks.system());
    }

    /** With a fixed approval service (tests, tools). */
    public QuoteServiceImpl(UnitOfWork unitOfWork, SecurityService security, DomainEventPublisher events, QuoteApprovalService approval) {
        this(unitOfWork, security, events, approval, Clocks.system());
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setApproval(QuoteApprovalService service) {
        this.approval = service;
    }

    void unsetApproval(QuoteApprovalService service) {
        // a greedy dynamic reference binds the better service before it unbinds the one it replaces
        if (approval == service) {
            approval = null;
        }
    }

    /** With the clock that dates quotes and stamps their submission and decision. */
    public QuoteServiceImpl(UnitOfWork unitOfWork, SecurityService security, DomainEventPublisher events,
            QuoteApprovalService approval, Clock clock) {
        // a quote is named by its deal in the recycle bin
        super(Quote.ENTITY, "SB_QUOTE", "(SELECT o.NAME FROM {SB_OPPORTUNITY} o WHERE o.ID = SB_QUOTE.OPPORTUNITY_ID)", 400, unitOfWork, security, events);
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
        this.approval = approval;
        this.clock = clock;
    }

    @Override
    public Quote createDraft(Quote quote) {
        security.check(Action.CREATE, Quote.ENTITY, null);
        quote.setStatus(QuoteStatus.DRAFT);
        validate(quote);
        return unitOfWork.write(em -> {
            Opportunity opportunity = em.find(Opportunity.class, quote.getOpportunity().getId());
            if (opportunity == null || opportunity.isDeleted()) {
                throw new ValidationException(List.of(new FieldError("opportunity",
                        NLS.bind(org.salesbench.core.validation.Messages.Validation_required, Messages.Quote_opportunity), null)));
            }
            quote.setOpportunity(opportunity);
            attachProducts(em, quote);
            quote.setVersionNumber(nextVersion(em, opportunity.getId()));
            quote.applyTotals(QuoteTotals.of(quote));
            em.persist(quote);
            em.flush();
            unitOfWork.afterCommit(() -> events.publish(Quote.ENTITY, Change.CREATED, quote.getId()));
            return quote;
        });
    }

    @Override
    public Quote update(Quote quote) {
        validate(quote);
        return unitOfWork.write(em -> {
            Quote stored = load(em, quote.getId());
            // the stored owner decides, and a new owner must be one the user may give it to
            security.check(Action.UPDATE, Quote.ENTITY, stored.getOwner());
            security.check(Action.UPDATE, Quote.ENTITY, quote.getOwner());
            requireDraft(stored);
            // what identifies a quote never changes through an edit
            quote.setOpportunity(stored.getOpportunity());
            quote.setVersionNumber(stored.getVersionNumber());
            quote.setStatus(stored.getStatus());
            attachProducts(em, quote);
            quote.applyTotals(QuoteTotals.of(quote));
            Quote merged = em.merge(quote);
            em.flush();
            unitOfWork.afterCommit(() -> events.publish(Quote.ENTITY, Change.UPDATED, merged.getId()));
            return merged;
        });
    }

    @Override
    public Quote newVersion(long quoteId) {
        security.check(Action.CREATE, Quote.ENTITY, null);
        return unitOfWork.write(em -> {
            Quote source = load(em, quoteId);
            security.check(Action.READ, Quote.ENTITY, source.getOwner());
            Quote copy = source.copyAsDraft(nextVersion(em, source.getOpportunity().getId()));
            copy.applyTotals(QuoteTotals.of(copy));
            em.persist(copy);
            em.flush();
            unitOfWork.afterCommit(() -> events.publish(Quote.ENTITY, Change.CREATED, copy.getId()));
            return copy;
        });
    }

    /** To the recycle bin. */
    @Override
    public void delete(long id) {
        softDelete(id, () -> new ValidationException(List.of(new FieldError("id", NLS.bind(Messages.Quote_notFound, id), id))));
    }

    @Override
    public void deleteAll(Map<Long, Long> seenVersions) {
        softDelete(seenVersions, id -> new ValidationException(List.of(new FieldError("id", NLS.bind(Messages.Quote_notFound, id), id))));
    }

    /** Refused while its opportunity is in the recycle bin: restoring the deal brings its quotes back. */
    @Override
    protected void checkRestore(EntityManager em, long id) {
        Quote quote = em.find(Quote.class, id);
        refuseRestoreIf(quote.getOpportunity().isDeleted(), "opportunity",
                NLS.bind(Messages.RecycleBin_opportunityDeleted, quote.getVersionNumber(), quote.getOpportunity().getName()), id);
    }

    @Override
    public String label() {
        return Messages.RecycleBin_quotes;
    }

    /** A deal's quotes go to the bin with it; a customer's keep it from being purged while they exist. */
    @Override
    public List<Dependent> dependentsOf(String entity, long id) {
        String path = Customer.ENTITY.equals(entity) ? "q.opportunity.customer.id" : Opportunity.ENTITY.equals(entity) ? "q.opportunity.id" : null;
        if (path == null) {
            return List.of();
        }
        long quotes = unitOfWork.read(em -> em.createQuery("SELECT COUNT(q) FROM Quote q WHERE " + path + " = :id", Long.class)
                .setParameter("id", id).getSingleResult());
        return List.of(new Dependent(Quote.ENTITY, Messages.RecycleBin_quotes, quotes, Fate.MOVED_TO_BIN, Customer.ENTITY.equals(entity)));
    }

    @Override
    public Optional<Quote> find(long id) {
        return unitOfWork.read(em -> {
            Quote quote = em.find(Quote.class, id);
            if (quote == null || quote.isDeleted()) {
                return Optional.empty();
            }
            if (!security.isPermitted(Action.READ, Quote.ENTITY, quote.getOwner())) {
                // an approver of its approval reads it whatever their roles reach
                QuoteApprovalService seam = approval;
                if (seam == null || !seam.approverOf(id)) {
                    security.check(Action.READ, Quote.ENTITY, quote.getOwner());
                }
            }
            loadGraph(quote);
            return Optional.of(quote);
        });
    }

    @Override
    public List<Quote> listForOpportunity(long opportunityId, QuoteSort sort) {
        security.check(Action.READ, Quote.ENTITY, null);
        return unitOfWork.read(em -> {
            List<Quote> quotes = em.createQuery("SELECT q FROM Quote q WHERE q.opportunity.id = :id AND q.deletedAt IS NULL"
                    + orderBy(sort == null ? QuoteSort.LATEST_VERSION_FIRST : sort), Quote.class)
                    .setParameter("id", opportunityId).getResultList();
            quotes.forEach(QuoteServiceImpl::loadGraph);
            return quotes;
        });
    }

    @Override
    public List<Quote> listForCustomer(long customerId) {
        return listForCustomer(customerId, QuoteSort.DEFAULT, 0, Integer.MAX_VALUE);
    }

    @Override
    public List<Quote> listForCustomer(long customerId, QuoteSort sort, int offset, int limit) {
        security.check(Action.READ, Quote.ENTITY, null);
        return unitOfWork.read(em -> {
            List<Quote> quotes = em.createQuery("SELECT q FROM Quote q WHERE q.opportunity.customer.id = :id AND q.deletedAt IS NULL"
                    + orderBy(sort == null ? QuoteSort.DEFAULT : sort), Quote.class)
                    .setParameter("id", customerId).setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(0, limit)).getResultList();
            quotes.forEach(QuoteServiceImpl::loadGraph);
            return quotes;
        });
    }

    @Override
    public long countForCustomer(long customerId) {
        security.check(Action.READ, Quote.ENTITY, null);
        return unitOfWork.read(em -> em.createQuery(
                "SELECT COUNT(q) FROM Quote q WHERE q.opportunity.customer.id = :id AND q.deletedAt IS NULL", Long.class)
                .setParameter("id", customerId).getSingleResult());
    }

    /** {@code sort} as a JPQL {@code ORDER BY}, the id last so that every page follows one order. */
    private static String orderBy(QuoteSort sort) {
        String direction = sort.ascending() ? " ASC" : " DESC";
        String key = switch (sort.column()) {
            case OPPORTUNITY -> "q.opportunity.name" + direction;
            case VERSION -> "q.versionNumber" + direction;
            case STATUS -> JpqlOrder.byDeclaration("q.status", QuoteStatus.class) + direction;
            case NET -> "q.netTotal" + direction;
            case TOTAL -> "q.grandTotal" + direction;
            case VALID_UNTIL -> "q.validUntil" + direction + (sort.ascending() ? " NULLS LAST" : " NULLS FIRST");
            case CREATED -> "q.createdAt" + direction;
        };
        return " ORDER BY " + key + ", q.id" + direction;
    }

    @Override
    public long countForOpportunity(long opportunityId) {
        security.check(Action.READ, Quote.ENTITY, null);
        return unitOfWork.read(em -> em.createQuery("SELECT COUNT(q) FROM Quote q WHERE q.opportunity.id = :id AND q.deletedAt IS NULL", Long.class)
                .setParameter("id", opportunityId).getSingleResult());
    }

    @Override
    public QuoteTotals totals(Quote quote) {
        return QuoteTotals.of(quote);
    }

    @Override
    public void validate(Quote quote) {
        Validator v = new Validator();
        v.required("opportunity", Messages.Quote_opportunity, quote.getOpportunity());
        if (v.required("currency", Messages.Quote_currency, quote.getCurrency())
                && !ProductServiceImpl.isCurrency(quote.getCurrency())) {
            v.add("currency", Messages.Validation_currency, Messages.Quote_currency, quote.getCurrency());
        }
        Opportunity opportunity = quote.getOpportunity();
        if (opportunity != null && opportunity.getAmount() != null && quote.getCurrency() != null
                && !opportunity.getAmount().getCurrency().equals(quote.getCurrency())) {
            v.add("currency", Messages.Quote_currencyMismatch, Messages.Quote_currency, opportunity.getAmount().getCurrency(),
                    quote.getCurrency());
        }
        if (v.required("validUntil", Messages.Quote_validUntil, quote.getValidUntil())) {
            LocalDate quoteDate = quote.getCreatedAt() == null ? LocalDate.now(clock)
                    : LocalDate.ofInstant(quote.getCreatedAt(), clock.getZone());
            v.notBefore("validUntil", Messages.Quote_validUntil, quote.getValidUntil(), Messages.Quote_date, quoteDate);
        }
        v.maxLength("notes", Messages.Quote_notes, quote.getNotes(), 2000);
        List<QuoteLine> lines = quote.getLines();
        for (int i = 0; i < lines.size(); i++) {
            validateLine(v, i, lines.get(i));
        }
        v.throwIfInvalid();
    }

    private static void validateLine(Validator v, int index, QuoteLine line) {
        String prefix = "lines[" + index + "].";
        int number = index + 1;
        v.required(prefix + "product", label(number, Messages.Line_product), line.getProduct());
        String quantity = label(number, Messages.Line_quantity);
        if (v.required(prefix + "quantity", quantity, line.getQuantity()) && line.getQuantity().signum() <= 0) {
            v.add(prefix + "quantity", Messages.Validation_positive, quantity, line.getQuantity().stripTrailingZeros().toPlainString());
        }
        String unitPrice = label(number, Messages.Line_unitPrice);
        if (v.required(prefix + "unitPrice", unitPrice, line.getUnitPrice())) {
            v.notNegative(prefix + "unitPrice", unitPrice, line.getUnitPrice());
            v.amount(prefix + "unitPrice", unitPrice, line.getUnitPrice());
        }
        String discount = label(number, Messages.Line_discount);
        if (v.required(prefix + "discountPercent", discount, line.getDiscountPercent())) {
            ProductServiceImpl.percent(v, prefix + "discountPercent", discount, line.getDiscountPercent());
        }
        String tax = label(number, Messages.Line_taxRate);
        if (v.required(prefix + "taxRate", tax, line.getTaxRate())) {
            ProductServiceImpl.percent(v, prefix + "taxRate", tax, line.getTaxRate());
        }
        v.maxLength(prefix + "description", label(number, Messages.Line_description), line.getDescription(), 500);
    }

    private static String label(int lineNumber, String field) {
        return NLS.bind(Messages.Line_label, lineNumber, field);
    }

    // ---- approval and the steps after it

    @Override
    public Quote submitForApproval(long quoteId) {
        QuoteApprovalRequest request = unitOfWork.write(em -> {
            Quote quote = load(em, quoteId);
            security.check(Action.UPDATE, Quote.ENTITY, quote.getOwner());
            requireMove(quote, QuoteStatus.IN_APPROVAL);
            if (quote.getLines().isEmpty()) {
                Validator v = new Validator();
                v.add("lines", Messages.Quote_noLines, Messages.Quote_lines);
                v.throwIfInvalid();
            }
            validate(quote);
            QuoteTotals totals = QuoteTotals.of(quote);
            quote.applyTotals(totals);
            quote.setStatus(QuoteStatus.IN_APPROVAL);
            quote.setSubmittedAt(clock.instant());
            quote.setApprovalNote(null);
            quote.setDecidedBy(null);
            quote.setDecidedAt(null);
            unitOfWork.afterCommit(() -> events.publish(Quote.ENTITY, Change.UPDATED, quoteId));
            return request(quote, totals);
        });
        ApprovalOutcome outcome;
        try {
            // after the commit: an approval engine may start its own transactions and must see the quote in approval
            outcome = approval.submit(request);
        } catch (RuntimeException e) {
            applyOutcome(quoteId, QuoteStatus.DRAFT, null, null);
            throw e;
        }
        return switch (outcome.state()) {
            case APPROVED -> applyOutcome(quoteId, QuoteStatus.APPROVED, outcome.reason(), clock.instant());
            case REFUSED -> applyOutcome(quoteId, QuoteStatus.DRAFT, outcome.reason(), clock.instant());
            case PENDING -> applyOutcome(quoteId, QuoteStatus.IN_APPROVAL, outcome.reason(), null);
        };
    }

    private Quote applyOutcome(long quoteId, QuoteStatus status, String note, Instant decidedAt) {
        return unitOfWork.write(em -> {
            Quote quote = load(em, quoteId);
            quote.setStatus(status);
            quote.setApprovalNote(truncate(note));
            quote.setDecidedAt(decidedAt);
            unitOfWork.afterCommit(() -> events.publish(Quote.ENTITY, Change.UPDATED, quoteId));
            loadGraph(quote);
            return quote;
        });
    }

    private static QuoteApprovalRequest request(Quote quote, QuoteTotals totals) {
        BigDecimal max = BigDecimal.ZERO;
        int maxLine = 0;
        List<QuoteLine> lines = quote.getLines();
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal discount = lines.get(i).getDiscountPercent();
            if (discount != null && discount.compareTo(max) > 0) {
                max = discount;
                maxLine = i + 1;
            }
        }
        return new QuoteApprovalRequest(quote.getId(), quote.getOpportunity().getId(), quote.getVersionNumber(),
                quote.getOwner(), max, maxLine, totals.discount(), totals.total());
    }

    @Override
    public Quote recordApprovalDecision(long quoteId, boolean approved, String comment) {
        // the owner asked for the discount: approval rights come from roles, and never approve one's own request; an
        // approval service deciding through its approver (who holds the current step, whatever their roles) says so
        QuoteApprovalService seam = approval;
        boolean byAssignment = seam != null && seam.deciding(quoteId);
        return move(quoteId, approved ? QuoteStatus.APPROVED : QuoteStatus.DRAFT, quote -> {
            if (!byAssignment) {
                security.checkApproval(Quote.ENTITY, quote.getOwner(), quote.getOwner());
            }
        }, quote -> {
            quote.setDecidedBy(security.currentUser().login());
            quote.setDecidedAt(clock.instant());
            quote.setApprovalNote(truncate(comment));
        });
    }

    @Override
    public Quote decideApproval(long quoteId, boolean approved, String comment) {
        QuoteApprovalService seam = approval;
        if (seam != null && seam.decide(quoteId, approved, comment)) {
            return unitOfWork.read(em -> {
                Quote quote = load(em, quoteId);
                loadGraph(quote);
                return quote;
            });
        }
        return recordApprovalDecision(quoteId, approved, comment);
    }

    @Override
    public boolean mayDecideApproval(Quote quote) {
        QuoteApprovalService seam = approval;
        Optional<Boolean> kept = seam == null || quote.getId() == null ? Optional.empty() : seam.mayDecide(quote.getId());
        if (kept.isPresent()) {
            return kept.get();
        }
        boolean ownRequest = !security.currentUser().localOwner() && security.currentUser().login().equalsIgnoreCase(quote.getOwner());
        return !ownRequest && security.isPermitted(Action.APPROVE, Quote.ENTITY, quote.getOwner());
    }

    @Override
    public Quote withdrawFromApproval(long quoteId, String note) {
        return move(quoteId, QuoteStatus.DRAFT, this::checkUpdate, quote -> {
            quote.setDecidedBy(null);
            quote.setDecidedAt(null);
            quote.setApprovalNote(truncate(note));
        });
    }

    @Override
    public Quote markSent(long quoteId) {
        return move(quoteId, QuoteStatus.SENT, this::checkUpdate, quote -> {
        });
    }

    @Override
    public Quote markAccepted(long quoteId) {
        return move(quoteId, QuoteStatus.ACCEPTED, this::checkUpdate, quote -> {
        });
    }

    @Override
    public Quote markRejected(long quoteId, String reason) {
        return move(quoteId, QuoteStatus.REJECTED, this::checkUpdate, quote -> quote.setRejectionReason(truncate(reason)));
    }

    /** One status step, checked against {@link QuoteStatus#canMoveTo}, in one transaction. */
    private Quote move(long quoteId, QuoteStatus target, Consumer<Quote> permission, Consumer<Quote> change) {
        return unitOfWork.write(em -> {
            Quote quote = load(em, quoteId);
            permission.accept(quote);
            requireMove(quote, target);
            quote.setStatus(target);
            change.accept(quote);
            unitOfWork.afterCommit(() -> events.publish(Quote.ENTITY, Change.UPDATED, quoteId));
            loadGraph(quote);
            return quote;
        });
    }

    // ---- helpers

    private void checkUpdate(Quote stored) {
        security.check(Action.UPDATE, Quote.ENTITY, stored.getOwner());
    }

    private static void requireMove(Quote quote, QuoteStatus target) {
        if (!quote.getStatus().canMoveTo(target)) {
            Validator v = new Validator();
            v.add("status", Messages.Quote_statusMove, Messages.Quote_status, Messages.status(quote.getStatus()),
                    Messages.status(target));
            v.throwIfInvalid();
        }
    }

    private static void requireDraft(Quote stored) {
        if (stored.getStatus() != QuoteStatus.DRAFT) {
            Validator v = new Validator();
            v.add("status", Messages.Quote_notDraft, Messages.Quote_status, Messages.status(stored.getStatus()));
            v.throwIfInvalid();
        }
    }

    private static Quote load(EntityManager em, Long id) {
        Quote quote = id == null ? null : em.find(Quote.class, id);
        if (quote == null || quote.isDeleted()) {
            throw new ValidationException(List.of(new FieldError("id", NLS.bind(Messages.Quote_notFound, id), id)));
        }
        return quote;
    }

    private static int nextVersion(EntityManager em, long opportunityId) {
        Integer max = em.createQuery("SELECT MAX(q.versionNumber) FROM Quote q WHERE q.opportunity.id = :id", Integer.class)
                .setParameter("id", opportunityId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    /** Lines point at catalogue products by id; use the managed ones (a detached or stale copy must not be written). */
    private static void attachProducts(EntityManager em, Quote quote) {
        for (QuoteLine line : quote.getLines()) {
            Long productId = line.getProduct().getId();
            Product product = productId == null ? null : em.find(Product.class, productId);
            if (product == null) {
                throw new ValidationException(List.of(new FieldError("lines[" + quote.getLines().indexOf(line) + "].product",
                        NLS.bind(Messages.Product_notFound, productId), productId)));
            }
            line.setProduct(product);
        }
    }

    /**
     * Loads what callers read after the transaction: lines, their products, the opportunity's customer. An approver who
     * reads the quote only by their assignment (a team server) may not read its opportunity: it is null then.
     */
    private static void loadGraph(Quote quote) {
        quote.getLines().forEach(l -> l.getProduct().getCode());
        if (quote.getOpportunity() != null && quote.getOpportunity().getCustomer() != null) {
            quote.getOpportunity().getCustomer().getName();
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
