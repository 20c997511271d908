package org.salesbench.importexport.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.io.SpreadsheetText;
import org.salesbench.importexport.DataFormat;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RecordReader;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.WriteOptions;

/**
 * Excel workbooks (.xlsx) through Apache POI: the first sheet or a named one, read row by row
 * ({@link XlsxSheetReader}); cells as Excel shows their value, dates as ISO dates, whole numbers without
 * ".0". Export streams rows (SXSSF) so large lists do not sit in memory; it writes string and number cells only, never
 * formulas, and texts a spreadsheet would take for a formula neutralised ({@link SpreadsheetText}).
 */
public class XlsxFormat implements DataFormat {

    @Override
    public RecordReader open(Path file, ReadOptions options) throws IOException {
        if (Files.size(file) == 0) {
            throw new ImportException(NLS.bind(Messages.File_empty, file.getFileName()));
        }
        return XlsxSheetReader.open(file, options.sheet());
    }

    @Override
    public RecordWriter create(OutputStream out, WriteOptions options) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        Sheet sheet = workbook.createSheet(options.sheet() == null ? "Salesbench" : options.sheet());
        return new RecordWriter() {
            private int next;

            @Override
            public void begin(List<Column> columns) {
                write(columns.stream().map(Column::label).toList());
            }

            @Override
            public void write(List<String> values) {
                Row row = sheet.createRow(next++);
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) != null) {
                        row.createCell(i, CellType.STRING).setCellValue(SpreadsheetText.neutralise(values.get(i)));
                    }
                }
            }

            /** Cell styles made once per workbook (a workbook holds at most 64,000). */
            private CellStyle wholeNumber;
            private CellStyle decimal;
            private CellStyle date;

            @Override
            public void writeTyped(List<?> values) {
                Row row = sheet.createRow(next++);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    switch (value) {
                        case BigDecimal d -> {
                            cell.setCellValue(d.doubleValue());
                            cell.setCellStyle(d.scale() <= 0 ? wholeNumber() : decimal());
                        }
                        case Long n -> numeric(cell, n, wholeNumber());
                        case Integer n -> numeric(cell, n, wholeNumber());
                        case Short n -> numeric(cell, n, wholeNumber());
                        case Number n -> numeric(cell, n, decimal());
                        case LocalDate d -> {
                            cell.setCellValue(d);
                            cell.setCellStyle(date());
                        }
                        default -> cell.setCellValue(SpreadsheetText.neutralise(value.toString()));
                    }
                }
            }

            private void numeric(Cell cell, Number value, CellStyle style) {
                cell.setCellValue(value.doubleValue());
                cell.setCellStyle(style);
            }

            private CellStyle wholeNumber() {
                return wholeNumber == null ? wholeNumber = style("#,##0") : wholeNumber;
            }

            private CellStyle decimal() {
                return decimal == null ? decimal = style("#,##0.00") : decimal;
            }

            private CellStyle date() {
                return date == null ? date = style("yyyy-mm-dd") : date;
            }

            private CellStyle style(String format) {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(format));
                return style;
            }

            @Override
            public void close() throws IOException {
                try {
                    workbook.write(out);
                    out.close();
                } finally {
                    workbook.close();
                }
            }
        };
    }
}
