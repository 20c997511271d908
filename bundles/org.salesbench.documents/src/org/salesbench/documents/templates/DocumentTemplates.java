package org.salesbench.documents.templates;

import java.nio.file.Path;
import java.util.List;

import org.salesbench.documents.Document;
import org.salesbench.documents.DocumentException;

/**
 * Document templates: Mustache text a power user edits, with placeholders ({@code {{customer.name}}},
 * {@code {{amount}}}, {@code {{amount.capital}}}) and sections that repeat table rows ({@code {{#lines}}…{{/lines}}}),
 * rendered to PDF through {@link org.salesbench.documents.DocumentRenderer}. The placeholders of a subject (the
 * module's name for what its documents are about, such as {@code contract}) are those contributed to
 * {@code org.salesbench.documents.placeholders} for it plus the generic ones ({@code today}, {@code company.*}).
 * <p>
 * The rendered text is laid out by line: {@code # text} the title, {@code ## text} a heading, {@code @subtitle text}
 * and {@code @footer text}, rows {@code | a | b |} a table (the first row its header; a row {@code |---|---:|} sets
 * the relative widths and right-aligns {@code :}-ended columns), {@code > label | value} total lines, any other
 * line a paragraph (a blank line ends it). A placeholder's value never counts as markup. An OSGi service.
 */
public interface DocumentTemplates {

    /** The placeholders a template of {@code subject} may use: generic ones first, then the subject's, by order. */
    List<Placeholder> placeholders(String subject);

    /** Every problem of the template (unknown placeholders, unclosed sections, unsupported tags), each with its line. */
    List<TemplateProblem> problems(String subject, String template);

    /** Refuses a template with problems: call it before saving one. */
    void check(String subject, String template) throws TemplateException;

    /** The values of every contribution for {@code subject} and the generic ones, for {@code record}. */
    PlaceholderValues values(String subject, Object record) throws DocumentException;

    /** The document a template makes with the contributions' values for {@code record} plus {@code extra} (may be null). */
    Document document(String subject, String template, Object record, PlaceholderValues extra) throws DocumentException;

    /**
     * Renders the template to a PDF file: written to a temporary file beside {@code target} and renamed over it, so
     * {@code target} is either the whole new document or left as it was.
     */
    void renderPdf(String subject, String template, Object record, PlaceholderValues extra, Path target) throws DocumentException;
}
