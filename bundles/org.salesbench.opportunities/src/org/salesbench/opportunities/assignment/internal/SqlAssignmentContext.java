package org.salesbench.opportunities.assignment.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.salesbench.opportunities.assignment.AssignmentContext;
import org.salesbench.opportunities.assignment.AssignmentRule;
import org.salesbench.opportunities.assignment.Candidate;
import org.salesbench.persistence.MaskingViews;

/**
 * The context of one assignment, read with a few aggregate queries inside the assignment's
 * transaction: active users with their team regions and open counts, rules, the log.
 */
final class SqlAssignmentContext implements AssignmentContext {

    private final EntityManager em;
    private List<Candidate> candidates;
    private List<AssignmentRule> rules;

    SqlAssignmentContext(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Candidate> candidates() {
        if (candidates == null) {
            candidates = readCandidates();
        }
        return candidates;
    }

    private List<Candidate> readCandidates() {
        Map<String, Set<String>> regions = new HashMap<>();
        for (Object[] row : rows("SELECT m.LOGIN, t.REGION FROM SB_TEAM_MEMBER m JOIN SB_TEAM t ON t.ID = m.TEAM_ID WHERE t.REGION IS NOT NULL")) {
            regions.computeIfAbsent((String) row[0], k -> new HashSet<>()).add((String) row[1]);
        }
        Map<String, Integer> openLeads = counts(
                "SELECT OWNER, COUNT(*) FROM {SB_LEAD} WHERE STATUS IN ('NEW', 'WORKING', 'QUALIFIED') AND DELETED_AT IS NULL GROUP BY OWNER");
        Map<String, Integer> openOpportunities = counts("SELECT OWNER, COUNT(*) FROM {SB_OPPORTUNITY} WHERE STATE = 'OPEN' AND DELETED_AT IS NULL GROUP BY OWNER");
        List<Candidate> result = new ArrayList<>();
        for (Object[] row : rows("SELECT LOGIN, DISPLAY_NAME FROM SB_USER WHERE ACTIVE = TRUE ORDER BY LOGIN")) {
            String login = (String) row[0];
            result.add(new Candidate(login, (String) row[1], regions.getOrDefault(login, Set.of()), openLeads.getOrDefault(login, 0),
                    openOpportunities.getOrDefault(login, 0)));
        }
        return List.copyOf(result);
    }

    @Override
    public Optional<String> lastAssignee(String strategyId) {
        @SuppressWarnings("unchecked")
        List<Object> result = MaskingViews.query(em, 
                "SELECT ASSIGNEE FROM SB_ASSIGNMENT_LOG WHERE STRATEGY_ID = ? ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY")
                .setParameter(1, strategyId).getResultList();
        return result.stream().map(String.class::cast).findFirst();
    }

    @Override
    public List<AssignmentRule> rules(AssignmentRule.Type type) {
        if (rules == null) {
            rules = readRules(em);
        }
        return rules.stream().filter(r -> r.type() == type).toList();
    }

    @Override
    public boolean matches(AssignmentRule rule, String value) {
        return rule.type() == AssignmentRule.Type.INDUSTRY ? value != null && org.salesbench.opportunities.internal.IndustryCodes.same(em, rule.value(), value)
                : rule.matches(value);
    }

    static List<AssignmentRule> readRules(EntityManager em) {
        List<AssignmentRule> result = new ArrayList<>();
        for (Object[] row : rows(em, "SELECT RULE_TYPE, MATCH_VALUE, ASSIGNEE FROM SB_ASSIGNMENT_RULE ORDER BY POSITION")) {
            result.add(new AssignmentRule(AssignmentRule.Type.valueOf((String) row[0]), (String) row[1], (String) row[2]));
        }
        return List.copyOf(result);
    }

    private Map<String, Integer> counts(String sql) {
        Map<String, Integer> result = new HashMap<>();
        for (Object[] row : rows(sql)) {
            result.put((String) row[0], ((Number) row[1]).intValue());
        }
        return result;
    }

    private List<Object[]> rows(String sql) {
        return rows(em, sql);
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(EntityManager em, String sql, Object... parameters) {
        var query = MaskingViews.query(em, sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }
}
