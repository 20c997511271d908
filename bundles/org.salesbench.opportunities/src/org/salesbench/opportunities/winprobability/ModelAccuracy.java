package org.salesbench.opportunities.winprobability;

import java.util.List;

/**
 * How well a model predicted closed deals it had not seen.
 *
 * @param auc           area under the ROC curve: 0.5 is chance, 1 is perfect ranking of wins above losses
 * @param brier         mean squared error of the probabilities: 0 is perfect, 0.25 is always saying 50 %
 * @param trainingDeals closed deals it learned from
 * @param heldBackDeals closed deals it was tested on
 */
public record ModelAccuracy(double auc, double brier, int trainingDeals, int heldBackDeals) {

    /** Tests {@code predictor} on {@code heldBack}. */
    public static ModelAccuracy evaluate(WinProbabilityModel.Predictor predictor, List<ClosedDeal> heldBack, int trainingDeals) {
        double[] p = new double[heldBack.size()];
        boolean[] won = new boolean[heldBack.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = predictor.predict(heldBack.get(i).features()).probability();
            won[i] = heldBack.get(i).won();
        }
        return new ModelAccuracy(auc(p, won), brier(p, won), trainingDeals, heldBack.size());
    }

    /**
     * The probability that a random won deal scores above a random lost one (ties count half),
     * computed from ranks (Mann-Whitney U); {@code NaN} without both wins and losses.
     */
    public static double auc(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean of (probability − outcome)²; {@code NaN} for no deals. */
    public static double brier(double[] probabilities, boolean[] outcome) {
        if (probabilities.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double d = probabilities[i] - (outcome[i] ? 1 : 0);
            sum += d * d;
        }
        return sum / probabilities.length;
    }
}
