package org.salesbench.analytics.internal;

import java.util.Arrays;
import java.util.Optional;

import org.salesbench.analytics.Metric;
import org.salesbench.analytics.Unit;

/**
 * Every metric's one definition: its id, unit, the SQL aggregate that computes it and the
 * condition that defines the records it counts. Reports take their SQL from here.
 */
public enum Metrics {
    WON_REVENUE("won_revenue", Unit.MONEY, "SUM(o.AMOUNT)", "o.STATE = 'WON'");

    private final String id;
    private final Unit unit;
    private final String aggregate;
    private final String population;

    Metrics(String id, Unit unit, String aggregate, String population) {
        this.id = id;
        this.unit = unit;
        this.aggregate = aggregate;
        this.population = population;
    }

    public String id() {
        return id;
    }

    public Unit unit() {
        return unit;
    }

    public String aggregate() {
        return aggregate;
    }

    public String population() {
        return population;
    }

    public Metric metric() {
        return new Metric(id, MetricTexts.label(id), MetricTexts.definition(id), unit);
    }

    public static Optional<Metrics> find(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
