package org.salesbench.contracts;

import java.nio.file.Path;

import org.salesbench.documents.DocumentException;

/**
 * The contract document: a template per language ({@code en}, {@code zh_CN}) with the placeholders contracts contribute
 * to {@code org.salesbench.documents.placeholders} (subject {@value #SUBJECT}), rendered to PDF through the documents
 * module. This installation may store its own template per language; without one the shipped template is used. An OSGi
 * service.
 */
public interface ContractDocuments {

    /** The subject of contract templates in the documents module. */
    String SUBJECT = "contract";

    /**
     * The entity of the right to change this installation's templates ({@code UPDATE}): a right of its own, apart from
     * editing contracts; the shipped administrator and finance roles hold it.
     */
    String TEMPLATE_ENTITY = "contract_template";

    /** Whether the current user may save or reset the templates. */
    boolean mayEditTemplates();

    /** The template in use for the language ({@code null}: the default locale's): this installation's, else the shipped one. */
    String template(String lang);

    /** The template shipped with the module for the language. */
    String shippedTemplate(String lang);

    /** Whether this installation stores its own template for the language. */
    boolean isCustomised(String lang);

    /**
     * Stores this installation's template for the language, after {@code DocumentTemplates.check}: a template with
     * problems is refused with a {@link org.salesbench.core.validation.ValidationException} naming each one and its line,
     * and nothing is stored. Needs the right {@link #TEMPLATE_ENTITY} {@code UPDATE}.
     */
    void saveTemplate(String lang, String template);

    /** Goes back to the shipped template for the language. Needs the right {@link #TEMPLATE_ENTITY} {@code UPDATE}. */
    void resetTemplate(String lang);

    /** Renders the contract with the template in use for the language to a PDF file (written whole or not at all). */
    void renderPdf(long contractId, String lang, Path target) throws DocumentException;

    /**
     * Renders the contract with the template in use for the language and archives the PDF with the contract as a
     * generated document ({@link ContractAttachments#KIND_DOCUMENT}, named {@code NUMBER-LANG.pdf}), where attachments
     * are archived. Needs the right to change the contract.
     */
    ContractAttachment archivePdf(long contractId, String lang) throws DocumentException;

    /**
     * Renders the contract with {@code template} (not stored), after {@code DocumentTemplates.check}: what a template
     * editor shows before saving. A template with problems is refused with a ValidationException naming each one and
     * its line; nothing is written.
     */
    void previewPdf(long contractId, String template, Path target) throws DocumentException;
}
