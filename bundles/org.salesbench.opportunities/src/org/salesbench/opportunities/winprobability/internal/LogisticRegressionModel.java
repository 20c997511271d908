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
 * effect is how far the probability moves when that one feature is set back to the training
 * average while the others keep this opportunity's values.
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
        double[] weights = LogisticRegression.fit(rows.toArray(double[][]::new), won, L2_PENALTY);
        double[] average = FeatureEncoder.mean(rows, encoder.width());
        return features -> predict(encoder, weights, average, features);
    }

    private static Prediction predict(FeatureEncoder encoder, double[] weights, double[] average, DealFeatures features) {
        double[] row = encoder.encode(features);
        double z = LogisticRegression.dot(weights, row);
        double p = LogisticRegression.sigmoid(z);
        List<Reason> reasons = new ArrayList<>();
        for (Feature feature : Feature.values()) {
            double without = z;
            for (int c = encoder.from(feature); c < encoder.to(feature); c++) {
                without += weights[c] * (average[c] - row[c]);
            }
            reasons.add(new Reason(feature, valueOf(feature, features), p - LogisticRegression.sigmoid(without)));
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
