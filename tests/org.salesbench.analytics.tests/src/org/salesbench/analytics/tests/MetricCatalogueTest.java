package org.salesbench.analytics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.salesbench.analytics.Metric;
import org.salesbench.analytics.ReportDescriptor;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.Metrics;
import org.salesbench.analytics.internal.ReportContributions;

class MetricCatalogueTest {

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Metrics.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, path);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void everyMetricIsDefinedInEnglishAndChinese() throws IOException {
        Properties en = load("org/salesbench/analytics/internal/metrics.properties");
        Properties zh = load("org/salesbench/analytics/internal/metrics_zh_CN.properties");
        for (Metrics m : Metrics.values()) {
            for (String key : new String[] {m.id() + ".label", m.id() + ".definition"}) {
                assertFalse(en.getProperty(key, "").isBlank(), "English " + key);
                assertFalse(zh.getProperty(key, "").isBlank(), "Chinese " + key);
                assertTrue(hasChinese(zh.getProperty(key)), "Chinese " + key + " is not in Chinese");
            }
        }
        assertEquals(en.keySet(), zh.keySet(), "the same keys in both languages");
        assertEquals(Metrics.values().length * 2, en.size(), "no text for a metric that does not exist");
    }

    @Test
    void theCatalogueSpeaksTheUsersLanguage() {
        Metric english = new MetricCatalogueImpl(Locale.ENGLISH).metric("win_rate").orElseThrow();
        Metric chinese = new MetricCatalogueImpl(Locale.SIMPLIFIED_CHINESE).metric("win_rate").orElseThrow();
        assertEquals("Win rate", english.label());
        assertEquals("赢单率", chinese.label());
        assertNotEquals(english.definition(), chinese.definition());
        assertEquals(Metrics.values().length, new MetricCatalogueImpl(Locale.ENGLISH).metrics().size());
        assertTrue(new MetricCatalogueImpl(Locale.ENGLISH).metric("no_such_metric").isEmpty());
    }

    @Test
    void everyReportShowsMetricsOfTheCatalogue() {
        for (ReportContributions.Contribution c : ReportContributions.all()) {
            ReportDescriptor d = c.descriptor();
            assertFalse(d.metricIds().isEmpty(), d.id());
            for (String metric : d.metricIds()) {
                assertTrue(Metrics.find(metric).isPresent(), d.id() + " names the unknown metric " + metric);
            }
        }
    }

    @Test
    void everyMessageIsInBothLanguages() throws IOException {
        Properties en = load("org/salesbench/analytics/internal/messages.properties");
        Properties zh = load("org/salesbench/analytics/internal/messages_zh_CN.properties");
        assertEquals(en.keySet(), zh.keySet());
        zh.values().forEach(v -> assertTrue(hasChinese((String) v), (String) v));
        Properties bundleEn = load("OSGI-INF/l10n/bundle.properties");
        Properties bundleZh = load("OSGI-INF/l10n/bundle_zh_CN.properties");
        assertEquals(bundleEn.keySet(), bundleZh.keySet());
    }
}
