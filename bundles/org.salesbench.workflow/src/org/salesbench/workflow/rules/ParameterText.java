package org.salesbench.workflow.rules;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a rule's settings (and the engine's last-seen values of a record) are kept in its text columns: one item a line, each item {@code name=value&name=value} with
 * names and values URL-encoded, so any text (new lines, '=' and '&' included) survives.
 */
public final class ParameterText {

    private ParameterText() {
    }

    public static String encode(List<Map<String, String>> items) {
        StringBuilder text = new StringBuilder();
        for (Map<String, String> item : items) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            StringBuilder line = new StringBuilder();
            item.forEach((k, v) -> {
                if (v != null) {
                    line.append(line.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v));
                }
            });
            text.append(line);
        }
        return text.toString();
    }

    public static List<Map<String, String>> decode(String text) {
        List<Map<String, String>> items = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return items;
        }
        for (String line : text.split("\n", -1)) {
            Map<String, String> item = new LinkedHashMap<>();
            for (String pair : line.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    item.put(decode1(pair.substring(0, eq)), decode1(pair.substring(eq + 1)));
                }
            }
            items.add(item);
        }
        return items;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode1(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
