package org.salesbench.importexport;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How to write a file. CSV is UTF-8 with a byte-order mark by default, so that Excel opens Chinese
 * text correctly; GBK on request for older tools. {@code sheet} names an XLSX sheet.
 */
public record WriteOptions(Charset charset, String sheet) {

    public static final WriteOptions DEFAULT = new WriteOptions(StandardCharsets.UTF_8, null);

    public static WriteOptions gbk() {
        return new WriteOptions(Charset.forName("GBK"), null);
    }
}
