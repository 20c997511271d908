package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.salesbench.customers.ui.internal.PublicPoolView;

/** The public pool's views speak English and Simplified Chinese: the same keys, and Chinese text in the Chinese file. */
class PoolUiTranslationTest {

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = FrameworkUtil.getBundle(PublicPoolView.class).getEntry(path).openStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void poolStringsHaveTheSameKeysInBothLanguages() throws IOException {
        for (String base : new String[] { "org/salesbench/customers/ui/internal/poolmessages", "OSGI-INF/l10n/bundle" }) {
            Properties en = load(base + ".properties");
            Properties zh = load(base + "_zh_CN.properties");
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()), base);
        }
        Properties zh = load("org/salesbench/customers/ui/internal/poolmessages_zh_CN.properties");
        for (String key : zh.stringPropertyNames()) {
            assertTrue(zh.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), key);
        }
    }
}
