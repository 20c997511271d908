package org.salesbench.analytics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.salesbench.analytics.tests.Results.assertMoney;
import static org.salesbench.analytics.tests.Results.row;
import static org.salesbench.analytics.tests.Results.value;
import static org.salesbench.analytics.tests.SalesData.Q1_FROM;
import static org.salesbench.analytics.tests.SalesData.Q1_TO;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.persistence.DatabaseSettings;

/**
 * Industries are stored as codes of the industry picklist: reports grouped by industry (customer profile) or sector
 * (won revenue) show each code's label in the user's language, and a free-text industry as it is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndustryLabelsReportTest {

    private SalesData data;
    private final ReportFilter q1 = ReportFilter.all().withPeriod(Q1_FROM, Q1_TO);

    @BeforeAll
    void fill() {
        data = new SalesData(DatabaseSettings.inMemory("industry-labels-" + UUID.randomUUID()));
        // the data set's industries as an upgrade leaves them: manufacturing and retail coded, logistics still free text
        data.db.write(em -> em.createNativeQuery("UPDATE SB_CUSTOMER SET INDUSTRY = CASE INDUSTRY WHEN '制造业' THEN 'MANUFACTURING'"
                + " WHEN '零售' THEN 'RETAIL' ELSE INDUSTRY END").executeUpdate());
    }

    @AfterAll
    void close() {
        if (data != null) {
            data.close();
        }
    }

    private static <T> T in(Locale locale, Supplier<T> work) {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return work.get();
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Set<String> labels(ReportResult r) {
        return Results.labels(r).stream().map(Object::toString).collect(Collectors.toSet());
    }

    @Test
    void customerProfileByIndustryShowsTheLabelsInTheUsersLanguage() {
        ReportFilter byIndustry = q1.withBy("industry");
        ReportResult english = in(Locale.ENGLISH, () -> data.reports.run("customer-profile", byIndustry));
        assertEquals(Set.of("Manufacturing", "Retail", "物流"), labels(english), english.rows().toString());
        assertEquals(2L, value(english, row(english, "Manufacturing"), "customer_count")); // C1, C4
        assertMoney("370000", value(english, row(english, "Manufacturing"), "won_revenue"));
        assertMoney("450000", value(english, row(english, "Retail"), "won_revenue"));
        assertMoney("110000", value(english, row(english, "物流"), "won_revenue")); // a free-text industry as written
        assertEquals("MANUFACTURING", row(english, "Manufacturing").drillKey(), "the drill key is the code");

        ReportResult chinese = in(Locale.SIMPLIFIED_CHINESE, () -> data.reports.run("customer-profile", byIndustry));
        assertEquals(Set.of("制造业", "零售", "物流"), labels(chinese), chinese.rows().toString());
        assertEquals(List.of(2, 2), List.of(data.reports.drillDown("customer-profile", byIndustry, "MANUFACTURING").size(),
                in(Locale.SIMPLIFIED_CHINESE, () -> data.reports.drillDown("customer-profile", byIndustry, "MANUFACTURING")).size()));
    }

    @Test
    void wonRevenueBySectorShowsTheLabelsInTheUsersLanguage() {
        ReportFilter bySector = q1.withBy("sector");
        ReportResult english = in(Locale.ENGLISH, () -> data.reports.run("won-revenue", bySector));
        assertMoney("370000", value(english, row(english, "Manufacturing"), "won_revenue")); // C1 350000 + C4 20000
        assertMoney("450000", value(english, row(english, "Retail"), "won_revenue")); // C3
        assertMoney("110000", value(english, row(english, "物流"), "won_revenue")); // C2: D3 + D6
        ReportResult chinese = in(Locale.SIMPLIFIED_CHINESE, () -> data.reports.run("won-revenue", bySector));
        assertMoney("370000", value(chinese, row(chinese, "制造业"), "won_revenue"));
        assertMoney("450000", value(chinese, row(chinese, "零售"), "won_revenue"));
    }
}
