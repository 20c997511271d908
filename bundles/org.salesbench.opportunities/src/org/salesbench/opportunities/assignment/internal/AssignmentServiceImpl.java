package org.salesbench.opportunities.assignment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.core.validation.Validator;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.assignment.AssignableKind;
import org.salesbench.opportunities.assignment.AssignmentDecision;
import org.salesbench.opportunities.assignment.AssignmentRecord;
import org.salesbench.opportunities.assignment.AssignmentRequest;
import org.salesbench.opportunities.assignment.AssignmentRule;
import org.salesbench.opportunities.assignment.AssignmentService;
import org.salesbench.opportunities.assignment.AssignmentStrategy;
import org.salesbench.opportunities.assignment.Candidate;
import org.salesbench.opportunities.assignment.StrategyInfo;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.UnitOfWork;

/**
 * Assignment in one transaction: read the record's facts and the candidates, let the strategy
 * choose, check the choice is an active user, set the owner, write the log line; the change event
 * is posted after commit.
 */
@Component(service = AssignmentService.class)
public class AssignmentServiceImpl implements AssignmentService {

    /** Security entity names of what this service reads and writes besides leads and opportunities. */
    static final String LOG_ENTITY = "assignmentLog";
    static final String SETTING_ENTITY = "assignmentSetting";
    private static final String STRATEGY_SETTING = "strategy";
    private static final String TURN_SETTING = "turn";
    /** Followed by the kind's entity name, e.g. {@code autoAssign.lead}; value {@code true} or {@code false}. */
    private static final String AUTO_ASSIGN_SETTING = "autoAssign.";

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;

    @Activate
    public AssignmentServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security,
            @Reference DomainEventPublisher events) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
    }

    @Override
    public List<StrategyInfo> strategies() {
        return AssignmentStrategies.all().stream().map(d -> new StrategyInfo(d.id(), d.label())).toList();
    }

    @Override
    public String configuredStrategy() {
        security.check(Action.READ, SETTING_ENTITY, null);
        String stored = unitOfWork.read(em -> setting(em, STRATEGY_SETTING));
        return stored != null && AssignmentStrategies.find(stored).isPresent() ? stored : ROUND_ROBIN;
    }

    @Override
    public void configureStrategy(String strategyId) {
        security.check(Action.UPDATE, SETTING_ENTITY, null);
        Validator v = new Validator();
        if (v.required("strategy", Messages.Strategy_field, strategyId) && AssignmentStrategies.find(strategyId).isEmpty()) {
            v.add("strategy", Messages.Strategy_unknown, Messages.Strategy_field, strategyId);
        }
        v.throwIfInvalid();
        unitOfWork.write(em -> storeSetting(em, STRATEGY_SETTING, strategyId));
    }

    private static String setting(EntityManager em, String name) {
        return SqlAssignmentContext.rows(em, "SELECT NAME, SETTING_VALUE FROM SB_ASSIGNMENT_SETTING WHERE NAME = ?", name).stream()
                .map(row -> (String) row[1]).findFirst().orElse(null);
    }

    private static Void storeSetting(EntityManager em, String name, String value) {
        int updated = MaskingViews.query(em, "UPDATE SB_ASSIGNMENT_SETTING SET SETTING_VALUE = ? WHERE NAME = ?")
                .setParameter(1, value).setParameter(2, name).executeUpdate();
        if (updated == 0) {
            MaskingViews.query(em, "INSERT INTO SB_ASSIGNMENT_SETTING (NAME, SETTING_VALUE) VALUES (?, ?)")
                    .setParameter(1, name).setParameter(2, value).executeUpdate();
        }
        return null;
    }

    @Override
    public boolean isAutoAssignEnabled(AssignableKind kind) {
        // no permission asked: whoever creates a lead or converts one needs to know whether it is assigned
        return unitOfWork.read(em -> Boolean.parseBoolean(setting(em, AUTO_ASSIGN_SETTING + kind.entity())));
    }

    @Override
    public void setAutoAssignEnabled(AssignableKind kind, boolean enabled) {
        security.check(Action.UPDATE, SETTING_ENTITY, null);
        unitOfWork.write(em -> storeSetting(em, AUTO_ASSIGN_SETTING + kind.entity(), Boolean.toString(enabled)));
    }

    @Override
    public Optional<AssignmentRecord> autoAssign(AssignableKind kind, long entityId) {
        // the strategy is read without the settings permission: creating a record is enough to have it
        // assigned the way the administrator configured
        if (!isAutoAssignEnabled(kind)) {
            return Optional.empty();
        }
        String strategy = unitOfWork.read(em -> setting(em, STRATEGY_SETTING));
        return Optional.of(assign(kind, entityId, strategy != null && AssignmentStrategies.find(strategy).isPresent() ? strategy : ROUND_ROBIN));
    }

    @Override
    public AssignmentRecord assignLead(long leadId) {
        return assign(AssignableKind.LEAD, leadId, configuredStrategy());
    }

    @Override
    public AssignmentRecord assignOpportunity(long opportunityId) {
        return assign(AssignableKind.OPPORTUNITY, opportunityId, configuredStrategy());
    }

    @Override
    public AssignmentRecord assign(AssignableKind kind, long entityId, String strategyId) {
        AssignmentStrategies.Descriptor descriptor = AssignmentStrategies.find(strategyId).orElseThrow(() -> new ValidationException(
                List.of(new FieldError("strategy", NLS.bind(Messages.Strategy_unknown, Messages.Strategy_field, strategyId), strategyId))));
        String login = security.currentUser().login();
        AssignmentRecord record = unitOfWork.write(em -> {
            Class<? extends AbstractEntity> type = kind == AssignableKind.LEAD ? Lead.class : Opportunity.class;
            AbstractEntity entity = em.find(type, entityId);
            if (entity == null) {
                throw new IllegalArgumentException(NLS.bind(kind == AssignableKind.LEAD ? Messages.NotFound_lead : Messages.NotFound_opportunity, entityId));
            }
            security.check(Action.UPDATE, kind.entity(), entity.getOwner());
            // take the turn lock: a concurrent assignment (another thread or another client of a team
            // database) waits until this one has logged its choice, so round robin never deals twice
            MaskingViews.query(em, "UPDATE SB_ASSIGNMENT_SETTING SET SETTING_VALUE = SETTING_VALUE WHERE NAME = ?")
                    .setParameter(1, TURN_SETTING).executeUpdate();
            AssignmentRequest request = request(em, kind, entityId);
            SqlAssignmentContext context = new SqlAssignmentContext(em);
            if (context.candidates().isEmpty()) {
                throw new ValidationException(List.of(new FieldError("owner", Messages.NoCandidate, null)));
            }
            String decidedBy = descriptor.id();
            Optional<AssignmentDecision> decision = decide(descriptor.strategy(), descriptor.id(), request, context);
            String reason;
            if (decision.isPresent()) {
                reason = decision.get().reason();
            } else {
                decidedBy = LOAD;
                decision = new LoadStrategy().choose(request, context);
                reason = NLS.bind(Messages.Fallback, descriptor.label(), decision.orElseThrow().reason());
            }
            Candidate chosen = candidate(context, decision.get().assignee()).orElseThrow();
            entity.setOwner(chosen.login());
            em.flush();
            Instant now = Instant.now();
            String explanation = NLS.bind(Messages.Assigned, chosen.displayName(), reason);
            MaskingViews.query(em, "INSERT INTO SB_ASSIGNMENT_LOG (ASSIGNED_AT, ASSIGNED_BY, ENTITY_TYPE, ENTITY_ID, STRATEGY_ID, ASSIGNEE, EXPLANATION)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)").setParameter(1, Timestamp.from(now)).setParameter(2, login)
                    .setParameter(3, kind.entity()).setParameter(4, entityId).setParameter(5, decidedBy).setParameter(6, chosen.login())
                    .setParameter(7, truncate(explanation, 1000)).executeUpdate();
            Number id = (Number) MaskingViews.query(em, "SELECT MAX(ID) FROM SB_ASSIGNMENT_LOG WHERE ENTITY_TYPE = ? AND ENTITY_ID = ?")
                    .setParameter(1, kind.entity()).setParameter(2, entityId).getSingleResult();
            unitOfWork.afterCommit(() -> events.publish(kind.entity(), Change.UPDATED, entityId));
            return new AssignmentRecord(id.longValue(), now, login, kind, entityId, decidedBy, chosen.login(), explanation);
        });
        return record;
    }

    /**
     * The strategy's decision, if it made one naming an active candidate; a strategy that throws,
     * cannot be created, or names anyone else is treated as having no match.
     */
    private static Optional<AssignmentDecision> decide(LazyContribution<AssignmentStrategy> contribution, String id,
            AssignmentRequest request, SqlAssignmentContext context) {
        Optional<AssignmentStrategy> strategy = contribution.get();
        if (strategy.isEmpty()) {
            return Optional.empty();
        }
        Optional<AssignmentDecision> decision = LazyContribution.safeCall(id, () -> strategy.get().choose(request, context), Optional.empty());
        if (decision == null || decision.isEmpty() || decision.get().assignee() == null
                || candidate(context, decision.get().assignee()).isEmpty()) {
            return Optional.empty();
        }
        return decision;
    }

    private static Optional<Candidate> candidate(SqlAssignmentContext context, String login) {
        return context.candidates().stream().filter(c -> c.login().equals(login)).findFirst();
    }

    /** Region, industry and source: for a lead its own (region from the customer it matched), for an opportunity its customer's. */
    private static AssignmentRequest request(EntityManager em, AssignableKind kind, long id) {
        String sql = kind == AssignableKind.LEAD
                ? "SELECT c.REGION, l.INDUSTRY, l.SOURCE FROM {SB_LEAD} l LEFT JOIN {SB_CUSTOMER} c ON c.ID = l.DUPLICATE_CUSTOMER_ID WHERE l.ID = ?"
                : "SELECT c.REGION, COALESCE(o.INDUSTRY, c.INDUSTRY), o.SOURCE FROM {SB_OPPORTUNITY} o JOIN {SB_CUSTOMER} c ON c.ID = o.CUSTOMER_ID WHERE o.ID = ?";
        Object[] row = SqlAssignmentContext.rows(em, sql, id).get(0);
        return new AssignmentRequest(kind, id, (String) row[0], (String) row[1], (String) row[2]);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    @Override
    public List<AssignmentRecord> history(AssignableKind kind, long entityId) {
        security.check(Action.READ, LOG_ENTITY, null);
        return unitOfWork.read(em -> records(SqlAssignmentContext.rows(em, SELECT_LOG + " WHERE ENTITY_TYPE = ? AND ENTITY_ID = ? ORDER BY ID DESC",
                kind.entity(), entityId)));
    }

    @Override
    public List<AssignmentRecord> recent(int max) {
        security.check(Action.READ, LOG_ENTITY, null);
        if (max <= 0) {
            return List.of();
        }
        return unitOfWork.read(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = MaskingViews.query(em, SELECT_LOG + " ORDER BY ID DESC").setMaxResults(max).getResultList();
            return records(rows);
        });
    }

    private static final String SELECT_LOG = "SELECT ID, ASSIGNED_AT, ASSIGNED_BY, ENTITY_TYPE, ENTITY_ID, STRATEGY_ID, ASSIGNEE, EXPLANATION FROM SB_ASSIGNMENT_LOG";

    private static List<AssignmentRecord> records(List<Object[]> rows) {
        List<AssignmentRecord> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new AssignmentRecord(((Number) row[0]).longValue(), ((Timestamp) row[1]).toInstant(), (String) row[2],
                    AssignableKind.ofEntity((String) row[3]), ((Number) row[4]).longValue(), (String) row[5], (String) row[6], (String) row[7]));
        }
        return List.copyOf(result);
    }

    @Override
    public List<AssignmentRule> rules() {
        security.check(Action.READ, SETTING_ENTITY, null);
        return unitOfWork.read(SqlAssignmentContext::readRules);
    }

    @Override
    public void saveRules(List<AssignmentRule> given) {
        security.check(Action.UPDATE, SETTING_ENTITY, null);
        List<AssignmentRule> rules = industryCodes(given);
        unitOfWork.write(em -> {
            List<String> active = SqlAssignmentContext.rows(em, "SELECT LOGIN, DISPLAY_NAME FROM SB_USER WHERE ACTIVE = TRUE").stream()
                    .map(row -> (String) row[0]).toList();
            Validator v = new Validator();
            for (int i = 0; i < rules.size(); i++) {
                AssignmentRule rule = rules.get(i);
                String prefix = "rules[" + i + "].";
                v.required(prefix + "type", NLS.bind(Messages.Rule_type, i + 1), rule.type());
                String valueLabel = NLS.bind(Messages.Rule_value, i + 1);
                if (v.required(prefix + "value", valueLabel, rule.value())) {
                    v.maxLength(prefix + "value", valueLabel, rule.value().trim(), 128);
                }
                String assigneeLabel = NLS.bind(Messages.Rule_assignee, i + 1);
                if (v.required(prefix + "assignee", assigneeLabel, rule.assignee()) && !active.contains(rule.assignee())) {
                    v.add(prefix + "assignee", Messages.Rule_inactiveAssignee, assigneeLabel, rule.assignee());
                }
            }
            v.throwIfInvalid();
            MaskingViews.query(em, "DELETE FROM SB_ASSIGNMENT_RULE").executeUpdate();
            for (int i = 0; i < rules.size(); i++) {
                AssignmentRule rule = rules.get(i);
                MaskingViews.query(em, "INSERT INTO SB_ASSIGNMENT_RULE (POSITION, RULE_TYPE, MATCH_VALUE, ASSIGNEE) VALUES (?, ?, ?, ?)")
                        .setParameter(1, i).setParameter(2, rule.type().name()).setParameter(3, rule.value().trim())
                        .setParameter(4, rule.assignee()).executeUpdate();
            }
            return null;
        });
    }

    /**
     * The rules with each industry rule's value as the industry picklist's code (records store codes): a value naming a
     * value of the list by its code or its label in either language becomes its code; any other text stays as written.
     */
    private List<AssignmentRule> industryCodes(List<AssignmentRule> rules) {
        if (rules.stream().noneMatch(r -> r != null && r.type() == AssignmentRule.Type.INDUSTRY && r.value() != null && !r.value().isBlank())) {
            return rules;
        }
        org.salesbench.persistence.Picklists picklists = org.salesbench.persistence.Picklists.open(unitOfWork, security);
        return rules.stream().map(r -> r == null || r.type() != AssignmentRule.Type.INDUSTRY || r.value() == null ? r
                : new AssignmentRule(r.type(), picklists.resolve(org.salesbench.persistence.Picklists.INDUSTRY, r.value()).orElse(r.value()), r.assignee()))
                .toList();
    }
}
