package org.salesbench.documents;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * Renders {@link Document}s to PDF with an embedded CJK font, so Chinese reads the same on every machine.
 * An OSGi service; thread-safe.
 */
public interface DocumentRenderer {

    /** Writes the document as PDF to {@code out} (not closed). */
    void renderPdf(Document document, OutputStream out) throws DocumentException;

    default byte[] renderPdf(Document document) throws DocumentException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderPdf(document, out);
        return out.toByteArray();
    }

    /** Where the embedded font came from (the bundled font, a configured file, or a system font), for diagnostics. */
    String fontOrigin() throws DocumentException;
}
