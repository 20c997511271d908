package org.salesbench.contracts;

import java.nio.file.Path;

import org.salesbench.documents.DocumentException;

/**
 * The contract document: named templates, each of a language ({@code en}, {@code zh_CN}), with the placeholders contracts
 * contribute to {@code org.salesbench.documents.placeholders} (subject {@value #SUBJECT}), rendered to PDF through the
 * documents module. The shipped templates (one per language) are read-only; this installation keeps as many own ones as
 * it likes (made, copied, renamed, edited and deleted by who holds the template right, each change in the audit trail
 * as {@value #TEMPLATE_ENTITY}). A language's default is a team setting ({@link #DEFAULT_EN}, {@link #DEFAULT_ZH}); while
 * none names one, the installation's own template from before named templates, else the shipped one. An OSGi service.
 */
public interface ContractDocuments {

    /** The subject of contract templates in the documents module. */
    String SUBJECT = "contract";

    /**
     * The entity of the right to change this installation's templates ({@code UPDATE}): a right of its own, apart from
     * editing contracts; the shipped administrator and finance roles hold it. Also the entity of the templates' history.
     */
    String TEMPLATE_ENTITY = "contract_template";

    /** The team setting holding the id of the English default template (0: none chosen). */
    String DEFAULT_EN = "contract-template.default.en";

    /** The team setting holding the id of the Simplified Chinese default template (0: none chosen). */
    String DEFAULT_ZH = "contract-template.default.zh_CN";

    /** Whether the current user may make, change and delete the templates. */
    boolean mayEditTemplates();

    /** Every template: the shipped ones first, then this installation's by language and name. */
    java.util.List<ContractTemplate> templates();

    /** The template of that name (any letter case; {@code shipped-en}, {@code shipped-zh_CN} for the shipped ones). */
    java.util.Optional<ContractTemplate> findTemplate(String name);

    /** The template of that id, if there is one. */
    java.util.Optional<ContractTemplate> findTemplate(long id);

    /** The text of the template of that id; refused with a ValidationException for an id there is no template of. */
    String templateBody(long id);

    /** The default template of the language ({@code null}: the default locale's). */
    ContractTemplate defaultTemplate(String lang);

    /**
     * Makes the template the default of its language, as a team setting (so for the whole team): needs the template right
     * and the right to change team settings (an administrator).
     */
    void setDefaultTemplate(long id);

    /**
     * Makes a template of this installation's, after {@code DocumentTemplates.check}: refused with a ValidationException
     * naming each problem and its line, a blank or taken name (any letter case), a name over 100 characters or starting
     * {@code shipped-}, or another language than {@code en}/{@code zh_CN}; nothing is stored then. Needs the template
     * right. Copying one is making one with its text.
     */
    ContractTemplate createTemplate(String name, String lang, String body);

    /** Stores a new text for an own template, checked as at creation; the shipped ones are refused. */
    ContractTemplate updateTemplate(long id, String body);

    /** Renames an own template (the name checked as at creation); the shipped ones are refused. */
    ContractTemplate renameTemplate(long id, String name);

    /** Deletes an own template; a default it was falls back to the shipped one. The shipped ones are refused. */
    void deleteTemplate(long id);

    /** The text of the language's default template ({@code null}: the default locale's). */
    String template(String lang);

    /** The template shipped with the module for the language. */
    String shippedTemplate(String lang);

    /** Renders the contract with the template of that id to a PDF file (written whole or not at all). */
    void renderPdf(long contractId, long templateId, Path target) throws DocumentException;

    /** Renders the contract with the language's default template to a PDF file (written whole or not at all). */
    default void renderPdf(long contractId, String lang, Path target) throws DocumentException {
        renderPdf(contractId, defaultTemplate(lang).id(), target);
    }

    /**
     * Renders the contract with the template of that id and archives the PDF with the contract as a generated document
     * ({@link ContractAttachments#KIND_DOCUMENT}, named {@code NUMBER-LANG.pdf} after the template's language), where
     * attachments are archived. Needs the right to change the contract.
     */
    ContractAttachment archivePdf(long contractId, long templateId) throws DocumentException;

    /** {@link #archivePdf(long, long)} with the language's default template. */
    default ContractAttachment archivePdf(long contractId, String lang) throws DocumentException {
        return archivePdf(contractId, defaultTemplate(lang).id());
    }

    /**
     * Renders the contract with {@code template} (not stored), after {@code DocumentTemplates.check}: what a template
     * editor shows before saving. A template with problems is refused with a ValidationException naming each one and
     * its line; nothing is written.
     */
    void previewPdf(long contractId, String template, Path target) throws DocumentException;
}
