package org.salesbench.performance.internal.kpi;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.performance.kpi.Kpi;
import org.salesbench.performance.kpi.KpiDefinition;
import org.salesbench.performance.kpi.KpiUnit;

/**
 * The KPIs contributed to {@code org.salesbench.performance.kpis}, read once and lazily: a descriptor holds what the
 * XML says, the class is made on first use ({@link LazyContribution}), so no contributing bundle starts before its
 * KPI is computed. A bad element (no id, an unknown unit) is logged with its bundle and skipped.
 */
public final class KpiRegistry {

    public static final String EXTENSION_POINT = "org.salesbench.performance.kpis";

    public record Descriptor(KpiDefinition definition, int order, LazyContribution<Kpi> kpi) {
        public String id() {
            return definition.id();
        }
    }

    private static final ExtensionRegistryReader<Descriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "kpi",
            e -> {
                String unit = ExtensionRegistryReader.requiredAttribute(e, "unit");
                KpiUnit kpiUnit;
                try {
                    kpiUnit = KpiUnit.valueOf(unit.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("unknown unit " + unit);
                }
                String description = e.getAttribute("description");
                LazyContribution<Kpi> kpi = new LazyContribution<>(e, "class", Kpi.class);
                return new Descriptor(new KpiDefinition(ExtensionRegistryReader.requiredAttribute(e, "id"),
                        ExtensionRegistryReader.requiredAttribute(e, "label"), description == null ? "" : description, kpiUnit,
                        Boolean.parseBoolean(e.getAttribute("needsTarget")), kpi.contributor()), ExtensionRegistryReader.intAttribute(e, "order", 1000), kpi);
            },
            Comparator.comparingInt(Descriptor::order).thenComparing(Descriptor::id));

    private KpiRegistry() {
    }

    public static List<Descriptor> all() {
        return READER.descriptors();
    }

    public static Optional<Descriptor> find(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
