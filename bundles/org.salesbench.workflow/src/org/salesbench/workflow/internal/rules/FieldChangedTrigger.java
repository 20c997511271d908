package org.salesbench.workflow.internal.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.salesbench.workflow.rules.FieldType;
import org.salesbench.workflow.rules.RecordChange;
import org.salesbench.workflow.rules.RuleParameter;
import org.salesbench.workflow.rules.RuleTrigger;

/**
 * Fires when a field of a record has a different value than when the engine last saw it (and, if {@code to} is set,
 * the new value is that one). When a rule that a change fires is saved, the engine takes a snapshot of every record of
 * its entity it has none of, so a record made before any rule watched it fires on its first change too.
 */
public class FieldChangedTrigger implements RuleTrigger {

    static final String FIELD = "field";
    static final String TO = "to";

    @Override
    public List<RuleParameter> parameters() {
        return List.of(new RuleParameter(FIELD, Messages.Param_field, RuleParameter.Type.FIELD, true),
                new RuleParameter(TO, Messages.Param_to, RuleParameter.Type.TEXT, false));
    }

    @Override
    public boolean fires(RecordChange change, Map<String, String> parameters) {
        return changedTo(change, parameters.get(FIELD), parameters.get(TO));
    }

    /** Whether {@code field} changed in an update, to {@code to} (ignoring case) when that is not blank. */
    static boolean changedTo(RecordChange change, String field, String to) {
        if (change.kind() != RecordChange.Kind.UPDATED || change.before() == null || !change.after().containsKey(field)) {
            return false;
        }
        String before = FieldType.format(change.before().get(field));
        String after = FieldType.format(change.after().get(field));
        if (Objects.equals(before, after)) {
            return false;
        }
        return to == null || to.isBlank() || after != null && after.trim().equalsIgnoreCase(to.trim());
    }
}
