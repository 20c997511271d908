package org.salesbench.importexport.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.io.SpreadsheetText;
import org.salesbench.importexport.DataFormat;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RecordReader;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.SourceRow;
import org.salesbench.importexport.WriteOptions;

/**
 * Excel workbooks (.xlsx) through Apache POI: the first sheet or a named one; cells as Excel shows
 * their value, dates as ISO dates, whole numbers without ".0". Export streams rows (SXSSF) so large
 * lists do not sit in memory; it writes string and number cells only, never formulas, and texts a spreadsheet would
 * take for a formula neutralised ({@link SpreadsheetText}).
 */
public class XlsxFormat implements DataFormat {

    @Override
    public RecordReader open(Path file, ReadOptions options) throws IOException {
        if (Files.size(file) == 0) {
            throw new ImportException(NLS.bind(Messages.File_empty, file.getFileName()));
        }
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
        } catch (InvalidFormatException | org.apache.poi.UnsupportedFileFormatException e) {
            throw new ImportException(NLS.bind(Messages.File_notXlsx, file.getFileName()), e);
        } catch (RuntimeException e) {
            throw new ImportException(NLS.bind(Messages.File_notXlsx, file.getFileName()), e);
        }
        Sheet sheet;
        if (options.sheet() != null) {
            sheet = workbook.getSheet(options.sheet());
            if (sheet == null) {
                List<String> names = new ArrayList<>();
                workbook.forEach(s -> names.add(s.getSheetName()));
                workbook.close();
                throw new ImportException(NLS.bind(Messages.File_noSheet, new Object[] { file.getFileName(), options.sheet(),
                        String.join(", ", names) }));
            }
        } else {
            sheet = workbook.getSheetAt(0);
        }
        Iterator<Row> rows = sheet.rowIterator();
        List<String> header = null;
        while (rows.hasNext() && header == null) {
            List<String> values = values(rows.next());
            if (values.stream().anyMatch(v -> !v.isBlank())) {
                while (!values.isEmpty() && values.get(values.size() - 1).isBlank()) {
                    values.remove(values.size() - 1);
                }
                header = values.stream().map(String::strip).toList();
            }
        }
        if (header == null) {
            workbook.close();
            throw new ImportException(NLS.bind(Messages.File_empty, file.getFileName()));
        }
        List<String> finalHeader = header;
        return new RecordReader() {
            @Override
            public List<String> header() {
                return finalHeader;
            }

            @Override
            public SourceRow next() {
                while (rows.hasNext()) {
                    Row row = rows.next();
                    List<String> values = values(row);
                    if (values.stream().anyMatch(v -> !v.isBlank())) {
                        return new SourceRow(row.getRowNum() + 1, values);
                    }
                }
                return null;
            }

            @Override
            public void close() throws IOException {
                workbook.close();
            }
        };
    }

    private static List<String> values(Row row) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell cell = row.getCell(i);
            values.add(cell == null ? "" : text(cell));
        }
        return values;
    }

    private static String text(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
        case STRING:
            return cell.getStringCellValue();
        case BOOLEAN:
            return Boolean.toString(cell.getBooleanCellValue());
        case NUMERIC:
            if (DateUtil.isCellDateFormatted(cell)) {
                LocalDateTime when = cell.getLocalDateTimeCellValue();
                return when.toLocalTime().toSecondOfDay() == 0 ? when.toLocalDate().toString() : when.toString();
            }
            BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
            return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
        default:
            return "";
        }
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
