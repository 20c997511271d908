package org.salesbench.documents.internal;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;
import org.salesbench.documents.Document;
import org.salesbench.documents.DocumentException;
import org.salesbench.documents.DocumentRenderer;
import org.salesbench.documents.Messages;

/** Renders documents with Apache PDFBox, embedding a subset of the CJK font found by {@link CjkFontSource}. */
@Component(service = DocumentRenderer.class)
public class PdfDocumentRenderer implements DocumentRenderer {

    private final CjkFontSource fonts = CjkFontSource.shared();

    @Override
    public void renderPdf(Document document, OutputStream out) throws DocumentException {
        try (CjkFontSource.OpenedFont opened = CjkFontSource.open(fonts.fontData());
                PDDocument pdf = new PDDocument()) {
            // embedSubset: the PDF carries only the glyphs it uses, a few kilobytes instead of megabytes
            PDType0Font font = PDType0Font.load(pdf, opened.font(), true);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(document.title());
            info.setCreator("Salesbench");
            info.setProducer("Salesbench with Apache PDFBox");
            pdf.getDocumentCatalog().setLanguage(document.locale().toLanguageTag());
            new PdfLayout(pdf, font, opened.font().getUnicodeCmapLookup()).render(document);
            pdf.save(out);
        } catch (IOException e) {
            throw new DocumentException(NLS.bind(Messages.Document_writeFailed, e.getMessage()), e);
        }
    }

    @Override
    public String fontOrigin() throws DocumentException {
        return fonts.fontData().origin();
    }
}
