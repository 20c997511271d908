package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleSort;

/** The Rules view's orders, sorted in the database on Derby: every column both ways, ties by id; by name by default. */
class RuleSortTest {

    private final RuleFixture fx = new RuleFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void everyColumnSortsBothWaysInTheDatabase() {
        String[][] made = { // name, entity, trigger, enabled, the changed field watched
            {"Gamma", "opportunity", RuleEngineTest.CREATED, "true", null}, {"Alpha", "customer", RuleEngineTest.FIELD_CHANGED, "false", "grade"},
            {"Beta", "opportunity", RuleEngineTest.FIELD_CHANGED, "true", "nextStep"}};
        for (String[] m : made) {
            Rule rule = RuleEngineTest.rule(m[0], m[1], m[2], List.of(), RuleEngineTest.recording());
            rule.setEnabled(Boolean.parseBoolean(m[3]));
            if (m[4] != null) {
                rule.setTriggerParameters(java.util.Map.of("field", m[4]));
            }
            fx.rules.save(rule);
        }
        List<Rule> all = fx.rules.list();
        assertEquals(List.of("Alpha", "Beta", "Gamma"), all.stream().map(Rule::getName).toList(), "by name by default");
        for (boolean up : new boolean[] {true, false}) {
            for (RuleSort.Column column : RuleSort.Column.values()) {
                Function<Rule, Comparable<?>> key = switch (column) {
                    case NAME -> Rule::getName;
                    case ENTITY -> Rule::getEntity;
                    case TRIGGER -> Rule::getTriggerId;
                    case ENABLED -> Rule::isEnabled;
                };
                @SuppressWarnings({"unchecked", "rawtypes"})
                Comparator<Rule> order = Comparator.comparing((Function) key).thenComparing(r -> ((Rule) r).getId());
                assertEquals(all.stream().sorted(up ? order : order.reversed()).map(Rule::getName).toList(),
                        fx.rules.list(new RuleSort(column, up)).stream().map(Rule::getName).toList(), column + " " + up);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new RuleSort(null, true));
    }
}
