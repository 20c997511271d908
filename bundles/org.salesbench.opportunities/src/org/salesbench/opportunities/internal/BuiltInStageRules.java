package org.salesbench.opportunities.internal;

import java.util.List;
import java.util.Optional;

import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageRule;

/** The stage rules that need nothing beyond the opportunity itself. */
final class BuiltInStageRules {

    private BuiltInStageRules() {
    }

    static List<StageRule> all() {
        return List.of(rule(StageRule.AMOUNT, Messages.Rule_amount, o -> o.getAmount() != null && o.getAmount().getAmount().signum() > 0,
                Messages.Rule_amountMissing),
                rule(StageRule.CLOSE_DATE, Messages.Rule_closeDate, o -> o.getExpectedCloseDate() != null, Messages.Rule_closeDateMissing),
                rule(StageRule.NEXT_STEP, Messages.Rule_nextStep, o -> o.getNextStep() != null && !o.getNextStep().isBlank(),
                        Messages.Rule_nextStepMissing));
    }

    private static StageRule rule(String id, String label, java.util.function.Predicate<Opportunity> met, String refusal) {
        return new StageRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String label() {
                return label;
            }

            @Override
            public Optional<String> refusal(Opportunity opportunity, Stage target) {
                return met.test(opportunity) ? Optional.empty() : Optional.of(refusal);
            }
        };
    }
}
