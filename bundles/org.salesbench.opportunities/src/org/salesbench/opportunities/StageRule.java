package org.salesbench.opportunities;

import java.util.Optional;

/**
 * A condition an opportunity must meet to enter a stage, named by id in
 * {@link Stage#getRequiredRules()}. Modules contribute rules as OSGi services
 * ({@code @Component(service = StageRule.class)}); the opportunity service checks them inside the
 * move's transaction. A stage requiring a rule that no installed module provides refuses entry,
 * saying so: a missing check must not pass silently.
 */
public interface StageRule {

    /** Built in: the opportunity has an amount above zero. */
    String AMOUNT = "amount";
    /** Built in: the opportunity has an expected close date. */
    String CLOSE_DATE = "closeDate";
    /** Built in: the opportunity names a next step. */
    String NEXT_STEP = "nextStep";
    /** Provided by the quotes module: the opportunity has a quote. */
    String QUOTE = "quote";

    /** The id stages refer to. */
    String id();

    /** What the rule demands, in the user's language, e.g. "A quote is needed". */
    String label();

    /**
     * Why {@code opportunity} may not enter {@code target} (in the user's language), or empty if it may.
     * Called inside the move's transaction: services called from here join it.
     */
    Optional<String> refusal(Opportunity opportunity, Stage target);
}
