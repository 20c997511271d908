package org.salesbench.documents;

import org.salesbench.documents.internal.CjkFontSource;

/**
 * The font file Salesbench draws Chinese with (the bundled WenQuanYi Micro Hei unless the system property
 * {@code salesbench.documents.font} names another, else a system CJK font): the same font for PDFs and for
 * anything else that draws text outside SWT, such as charts rendered with Java2D. A TrueType font or a
 * collection (.ttc); {@code java.awt.Font.createFonts} reads both.
 */
public final class CjkFontFile {

    /** The face to take from a collection: the proportional one, not its monospaced sibling. */
    public static final String PREFERRED_FACE = "WenQuanYiMicroHei";

    private CjkFontFile() {
    }

    /** The font file's bytes (read once and shared; do not modify). */
    public static byte[] bytes() throws DocumentException {
        return CjkFontSource.shared().fontData().bytes();
    }

    /** Where the font came from, for diagnostics. */
    public static String origin() throws DocumentException {
        return CjkFontSource.shared().fontData().origin();
    }
}
