package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.salesbench.opportunities.Pipeline;

/** Every user-visible string exists in English and in Simplified Chinese. */
class TranslationTest {

    private static Properties load(String path) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(Pipeline.class);
        Properties p = new Properties();
        try (InputStream in = bundle.getEntry(path).openStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void messagesHaveTheSameKeysInBothLanguages() throws IOException {
        for (String base : new String[] { "org/salesbench/opportunities/internal/messages", "org/salesbench/opportunities/seednames",
                "org/salesbench/opportunities/internal/targets/importmessages", "OSGI-INF/l10n/bundle" }) {
            Properties en = load(base + ".properties");
            Properties zh = load(base + "_zh_CN.properties");
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()), base);
            assertTrue(en.size() > 1, base);
            if (base.endsWith("seednames")) {
                assertNotEquals(en.getProperty("Stage_negotiation"), zh.getProperty("Stage_negotiation"));
                assertTrue(zh.getProperty("Stage_negotiation").codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
            }
        }
    }
}
