package org.salesbench.opportunities.winprobability;

import java.util.List;

/**
 * A way to estimate win probabilities, contributed through the extension point
 * {@code org.salesbench.opportunities.winProbabilityModels}. An implementation is stateless: it
 * learns from closed deals and returns a {@link Predictor} that holds what it learned.
 * Implementations need a public no-argument constructor.
 */
public interface WinProbabilityModel {

    /**
     * Learns from closed opportunities. Called off the UI thread; may take seconds.
     *
     * @param closed the closed deals, oldest first; may be empty (then predict from the features alone)
     * @return an immutable, thread-safe predictor
     */
    Predictor train(List<ClosedDeal> closed);

    /** A trained model. */
    interface Predictor {

        /** The probability that an opportunity with these features is won, with its reasons. */
        Prediction predict(DealFeatures features);
    }
}
