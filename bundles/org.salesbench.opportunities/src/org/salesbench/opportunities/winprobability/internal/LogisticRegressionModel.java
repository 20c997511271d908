package org.salesbench.opportunities.winprobability.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.salesbench.opportunities.winprobability.ClosedDeal;
import org.salesbench.opportunities.winprobability.DealFeatures;
import org.salesbench.opportunities.winprobability.Feature;
import org.salesbench.opportunities.winprobability.Prediction;
import org.salesbench.opportunities.winprobability.Reason;
import org.salesbench.opportunities.winprobability.WinProbabilityModel;
import org.salesbench.opportunities.winprobability.WinProbabilityService;

/**
 * Logistic regression on stage, age, amount band, source, industry and activity count. A reason's
 * effect is how far this opportunity's value of that one feature moves the probability of an
 * average opportunity (the mean of the training rows): measured there rather than at this
 * opportunity, so reasons stay readable when the probability itself is near 0 or 100 %.
 */
public class LogisticRegressionModel implements WinProbabilityModel {

    /** Penalty that keeps rare categories from dominating; small next to a few hundred deals. */
    static final double L2_PENALTY = 1.0;

    @Override
    public Predictor train(List<ClosedDeal> closed) {
        FeatureEncoder encoder = new FeatureEncoder(closed);
        List<double[]> rows = encoder.encodeAll(closed);
        boolean[] won = new boolean[closed.size()];
        for (int i = 0; i < won.length; i++) {
            won[i] = closed.get(i).won();
        }
        double[] weights = LogisticRegression.fit(rows.toArray(double[][]::new), won, encoder.width(), L2_PENALTY);
        double[] average = FeatureEncoder.mean(rows, encoder.width());
        return features -> predict(encoder, weights, average, features);
    }

    private static Prediction predict(FeatureEncoder encoder, double[] weights, double[] average, DealFeatures features) {
        double[] row = encoder.encode(features);
        double p = LogisticRegression.sigmoid(LogisticRegression.dot(weights, row));
        double averageLogOdds = LogisticRegression.dot(weights, average);
        double averageP = LogisticRegression.sigmoid(averageLogOdds);
        List<Reason> reasons = new ArrayList<>();
        for (Feature feature : Feature.values()) {
            double shift = 0;
            for (int c = encoder.from(feature); c < encoder.to(feature); c++) {
                shift += weights[c] * (row[c] - average[c]);
            }
            reasons.add(new Reason(feature, valueOf(feature, features), LogisticRegression.sigmoid(averageLogOdds + shift) - averageP));
        }
        reasons.sort(Comparator.comparingDouble((Reason r) -> Math.abs(r.effect())).reversed());
        return new Prediction(WinProbabilityService.DEFAULT_MODEL, p, reasons);
    }

    static String valueOf(Feature feature, DealFeatures f) {
        return switch (feature) {
            case STAGE -> f.stage();
            case AGE -> Long.toString(f.ageDays());
            case AMOUNT_BAND -> f.amountBand().label();
            case SOURCE -> f.source();
            case INDUSTRY -> f.industry();
            case ACTIVITIES -> Integer.toString(f.activityCount());
        };
    }
}
