package org.salesbench.customers.tests;

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
import org.salesbench.customers.pool.CustomerPool;

/** The public pool's messages and the command's description exist in English and in Simplified Chinese. */
class PoolTranslationTest {

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = FrameworkUtil.getBundle(CustomerPool.class).getEntry(path).openStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void poolMessagesHaveTheSameKeysInBothLanguages() throws IOException {
        for (String base : new String[] { "org/salesbench/customers/internal/pool/messages", "OSGI-INF/l10n/bundle" }) {
            Properties en = load(base + ".properties");
            Properties zh = load(base + "_zh_CN.properties");
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()), base);
            for (String key : zh.stringPropertyNames()) {
                if (!key.startsWith("bundle.vendor")) {
                    assertTrue(zh.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                            base + " " + key + " is Chinese: " + zh.getProperty(key));
                }
            }
        }
    }
}
