package org.salesbench.opportunities.winprobability.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.salesbench.opportunities.winprobability.AmountBand;
import org.salesbench.opportunities.winprobability.ClosedDeal;
import org.salesbench.opportunities.winprobability.DealFeatures;
import org.salesbench.opportunities.winprobability.Feature;

/**
 * Turns deal features into the numeric rows logistic regression needs: column 0 is the intercept;
 * stage, amount band, source and industry become one column per value seen in training
 * (one-hot; a value never seen encodes as all zeros), age and activity count are log-scaled and
 * standardised. The stage's default probability is a column of the stage group too, so a stage
 * added after training still counts for something. Each {@link Feature} owns a range of columns,
 * so its part in a prediction can be measured.
 */
final class FeatureEncoder {

    private record Range(int from, int to) {
    }

    private final Map<String, Integer> stages = new LinkedHashMap<>();
    private final Map<AmountBand, Integer> bands = new EnumMap<>(AmountBand.class);
    private final Map<String, Integer> sources = new LinkedHashMap<>();
    private final Map<String, Integer> industries = new LinkedHashMap<>();
    private final Map<Feature, Range> ranges = new EnumMap<>(Feature.class);
    private final int stageProbabilityColumn;
    private final int ageColumn;
    private final int activitiesColumn;
    private final int width;
    private final double ageMean;
    private final double ageScale;
    private final double activitiesMean;
    private final double activitiesScale;

    FeatureEncoder(List<ClosedDeal> training) {
        int column = 1;
        int start = column;
        column = vocabulary(training, DealFeatures::stage, stages, column);
        stageProbabilityColumn = column++;
        ranges.put(Feature.STAGE, new Range(start, column));
        ageColumn = column++;
        ranges.put(Feature.AGE, new Range(ageColumn, column));
        start = column;
        for (AmountBand band : AmountBand.values()) {
            bands.put(band, column++);
        }
        ranges.put(Feature.AMOUNT_BAND, new Range(start, column));
        start = column;
        column = vocabulary(training, DealFeatures::source, sources, column);
        ranges.put(Feature.SOURCE, new Range(start, column));
        start = column;
        column = vocabulary(training, DealFeatures::industry, industries, column);
        ranges.put(Feature.INDUSTRY, new Range(start, column));
        activitiesColumn = column++;
        ranges.put(Feature.ACTIVITIES, new Range(activitiesColumn, column));
        width = column;

        double[] ages = training.stream().mapToDouble(d -> Math.log1p(d.features().ageDays())).toArray();
        double[] activities = training.stream().mapToDouble(d -> Math.log1p(d.features().activityCount())).toArray();
        ageMean = mean(ages);
        ageScale = deviation(ages, ageMean);
        activitiesMean = mean(activities);
        activitiesScale = deviation(activities, activitiesMean);
    }

    private static int vocabulary(List<ClosedDeal> training, Function<DealFeatures, String> value, Map<String, Integer> into, int column) {
        for (ClosedDeal deal : training) {
            String key = key(value.apply(deal.features()));
            if (!into.containsKey(key)) {
                into.put(key, column++);
            }
        }
        return column;
    }

    private static String key(String value) {
        return value == null ? "" : value.trim();
    }

    int width() {
        return width;
    }

    double[] encode(DealFeatures f) {
        double[] row = new double[width];
        row[0] = 1;
        oneHot(row, stages, key(f.stage()));
        row[stageProbabilityColumn] = f.stageProbability();
        row[ageColumn] = (Math.log1p(f.ageDays()) - ageMean) / ageScale;
        row[bands.get(f.amountBand())] = 1;
        oneHot(row, sources, key(f.source()));
        oneHot(row, industries, key(f.industry()));
        row[activitiesColumn] = (Math.log1p(f.activityCount()) - activitiesMean) / activitiesScale;
        return row;
    }

    private static <K> void oneHot(double[] row, Map<K, Integer> vocabulary, K key) {
        Integer column = vocabulary.get(key);
        if (column != null) {
            row[column] = 1;
        }
    }

    /** The columns that belong to {@code feature}, as [from, to). */
    int from(Feature feature) {
        return ranges.get(feature).from();
    }

    int to(Feature feature) {
        return ranges.get(feature).to();
    }

    /** The average of the encoded training rows: the "average opportunity" reasons compare with. */
    static double[] mean(List<double[]> rows, int width) {
        double[] mean = new double[width];
        for (double[] row : rows) {
            for (int i = 0; i < width; i++) {
                mean[i] += row[i];
            }
        }
        for (int i = 0; i < width && !rows.isEmpty(); i++) {
            mean[i] /= rows.size();
        }
        return mean;
    }

    List<double[]> encodeAll(List<ClosedDeal> deals) {
        List<double[]> rows = new ArrayList<>(deals.size());
        deals.forEach(d -> rows.add(encode(d.features())));
        return rows;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    private static double deviation(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        double sd = values.length < 2 ? 0 : Math.sqrt(sum / (values.length - 1));
        return sd < 1e-9 ? 1 : sd;
    }
}
