package org.salesbench.opportunities.winprobability.internal;

import java.util.List;

import org.salesbench.opportunities.winprobability.ClosedDeal;
import org.salesbench.opportunities.winprobability.Feature;
import org.salesbench.opportunities.winprobability.Prediction;
import org.salesbench.opportunities.winprobability.Reason;
import org.salesbench.opportunities.winprobability.WinProbabilityModel;
import org.salesbench.opportunities.winprobability.WinProbabilityService;

/**
 * The stage's default probability, as the pipeline defines it; learns nothing. Its one reason
 * compares the stage with the share of closed deals that were won.
 */
public class StageDefaultModel implements WinProbabilityModel {

    @Override
    public Predictor train(List<ClosedDeal> closed) {
        double winRate = closed.isEmpty() ? 0.5 : closed.stream().filter(ClosedDeal::won).count() / (double) closed.size();
        return features -> new Prediction(WinProbabilityService.STAGE_DEFAULT_MODEL, features.stageProbability(),
                List.of(new Reason(Feature.STAGE, features.stage(), features.stageProbability() - winRate)));
    }
}
