package org.salesbench.importexport;

import java.nio.charset.Charset;

/**
 * How to read a file. Every option may be {@code null}: the format then detects it (the encoding from
 * a byte-order mark or the bytes, the delimiter from the header line, the first sheet of a workbook).
 */
public record ReadOptions(Charset charset, Character delimiter, String sheet) {

    public static final ReadOptions DETECT = new ReadOptions(null, null, null);

    public ReadOptions withCharset(Charset newCharset) {
        return new ReadOptions(newCharset, delimiter, sheet);
    }

    public ReadOptions withSheet(String newSheet) {
        return new ReadOptions(charset, delimiter, newSheet);
    }
}
