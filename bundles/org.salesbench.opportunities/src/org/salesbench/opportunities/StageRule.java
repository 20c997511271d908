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

    /**
     * Whether {@link #refusalOfNewDeals} can say, without a stored deal, what {@link #refusal} says of every new deal
     * created on one stage and moved at once to another: an import that writes such deals itself (a bulk load of
     * historical deals, closed on the day they closed) then asks it once per pair of stages. A rule that needs the deal's
     * fields and nothing stored is judged by {@link #refusal} on the unsaved deal instead; one that says neither (the
     * default) has those deals written through the service.
     */
    default boolean judgesNewDeals() {
        return false;
    }

    /**
     * What {@link #refusal} says of any new deal created on {@code created} and moved at once to {@code target}, nothing
     * done with it in between (nothing ticked, quoted or logged for it); only when {@link #judgesNewDeals}.
     */
    default Optional<String> refusalOfNewDeals(Stage created, Stage target) {
        throw new UnsupportedOperationException(id() + " does not judge new deals without storing them");
    }
}
