package org.salesbench.analytics.output.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.analytics.ReportExporter;
import org.salesbench.analytics.ReportFormat;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.ReportValues;
import org.salesbench.analytics.output.ReportCharts;
import org.salesbench.documents.Align;
import org.salesbench.documents.Block.Column;
import org.salesbench.documents.Document;
import org.salesbench.documents.DocumentException;
import org.salesbench.documents.DocumentRenderer;
import org.salesbench.importexport.DataFormat;
import org.salesbench.importexport.FormatDescriptor;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.WriteOptions;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.UnitOfWork;

/**
 * Writes report results with the import/export module's CSV (UTF-8 with a byte-order mark) and XLSX writers
 * (figures as numeric cells) and the documents module's PDF renderer (title, filter line, chart, table), so a
 * report file reads like every other file Salesbench writes.
 */
@Component(service = ReportExporter.class)
public class ReportExporterImpl implements ReportExporter {

    /** The chart in the PDF: A4 content width in points, drawn at twice the resolution so it prints sharply. */
    private static final int CHART_WIDTH = 495;
    private static final int CHART_HEIGHT = 280;
    private static final int CHART_SCALE = 2;

    private final ImportService imports;
    private final DocumentRenderer documents;
    private final UnitOfWork unitOfWork;

    @Activate
    public ReportExporterImpl(@Reference ImportService imports, @Reference DocumentRenderer documents, @Reference UnitOfWork unitOfWork) {
        this.imports = imports;
        this.documents = documents;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void export(ReportResult result, ReportFormat format, OutputStream out) {
        try {
            switch (format) {
                case CSV -> records(result, "csv", WriteOptions.DEFAULT, out);
                case XLSX -> records(result, "xlsx", new WriteOptions(StandardCharsets.UTF_8, sheetName(result.title())), out);
                case PDF -> pdf(result, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(NLS.bind(Messages.Export_failed, e.getMessage()), e);
        }
    }

    private void records(ReportResult result, String formatId, WriteOptions options, OutputStream out) throws IOException {
        DataFormat format = imports.formats().stream().filter(f -> f.id().equals(formatId)).findFirst().flatMap(FormatDescriptor::format)
                .orElseThrow(() -> new IOException("the " + formatId + " format is not installed"));
        // the record writers close their stream; the caller owns this one
        try (RecordWriter writer = format.create(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, options)) {
            writer.begin(result.columns().stream().map(c -> new RecordWriter.Column(c.id(), ReportValues.header(c, result))).toList());
            for (ReportRow row : result.rows()) {
                writer.writeTyped(ReportValues.typedValues(result, row));
            }
        }
    }

    private void pdf(ReportResult result, OutputStream out) throws IOException {
        Locale locale = Locale.getDefault();
        Document.Builder doc = Document.builder(result.title() == null ? result.reportId() : result.title())
                .subtitle(describe(result))
                .locale(locale)
                .footer(NLS.bind(Messages.Export_footer, LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))));
        if (result.note() != null && !result.note().isBlank()) {
            doc.paragraph(result.note());
        }
        if (result.isEmpty()) {
            doc.paragraph(Messages.Export_empty);
        } else {
            Optional<byte[]> chart = ReportCharts.renderPng(result, CHART_WIDTH * CHART_SCALE, CHART_HEIGHT * CHART_SCALE);
            chart.ifPresent(png -> doc.image(null, png, CHART_WIDTH, CHART_HEIGHT));
            List<Column> columns = result.columns().stream().map(c -> new Column(ReportValues.header(c, result),
                    ReportValues.isFigure(c) ? Align.RIGHT : Align.LEFT, ReportValues.isFigure(c) ? 1f : 1.6f)).toList();
            doc.table(null, columns, ReportValues.formattedRows(result, locale));
        }
        try {
            documents.renderPdf(doc.build(), out);
        } catch (DocumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The filter line of a result, with team and pipeline names read from the database: through the masking view on a
     * team server (a pipeline is a record kind field rules may name), so a name the user's roles hide shows as its id.
     */
    public String describe(ReportResult result) {
        return FilterLine.describe(result.filter(), id -> name("SB_TEAM", id), id -> name("SB_PIPELINE", id));
    }

    private String name(String table, long id) {
        // a name the user's roles hide is NULL in the view: no row and a NULL name both show the id
        Object name = unitOfWork.read(em -> {
            java.util.List<?> names = MaskingViews.query(em, "SELECT NAME FROM {" + table + "} WHERE ID = ?").setParameter(1, id).getResultList();
            return names.isEmpty() ? null : names.get(0);
        });
        return name == null ? "#" + id : name.toString();
    }

    /** Excel allows 31 characters and none of []:*?/\ in a sheet name. */
    static String sheetName(String title) {
        String name = title == null || title.isBlank() ? "Report" : title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
