package org.salesbench.importexport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.eclipse.osgi.util.NLS;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.RecordReader;
import org.salesbench.importexport.SourceRow;

/**
 * One sheet of an .xlsx workbook read row by row: POI's event API ({@link XSSFReader}) opens the parts and a StAX
 * pull parser walks the sheet's XML, so only the current row, the shared strings and the styles are in memory
 * (a 1,000,000-row sheet imports in a small heap; the object model {@code XSSFWorkbook} would hold every cell).
 * Cells read as Excel shows their value: dates as ISO dates, whole numbers without ".0", formulas as their cached
 * result. Anything malformed is an {@link ImportException} naming the row.
 */
final class XlsxSheetReader implements RecordReader {

    private static final int MAX_COLUMNS = SpreadsheetVersion.EXCEL2007.getMaxColumns();

    private final Path file;
    private final OPCPackage workbook;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final List<String> header;
    private long rowNumber;

    private XlsxSheetReader(Path file, OPCPackage workbook, String sheetName) throws IOException, OpenXML4JException, XMLStreamException,
            org.xml.sax.SAXException {
        this.file = file;
        this.workbook = workbook;
        XSSFReader parts = new XSSFReader(workbook);
        date1904 = date1904(parts);
        styles = parts.getStylesTable();
        strings = new ReadOnlySharedStringsTable(workbook, false);
        sheet = sheet(parts, sheetName);
        xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
        List<String> first = null;
        for (List<String> row; first == null && (row = nextRow()) != null;) {
            if (!blank(row)) {
                first = row;
            }
        }
        if (first == null) {
            throw new ImportException(NLS.bind(Messages.File_empty, file.getFileName()));
        }
        List<String> names = new ArrayList<>(first.stream().map(String::strip).toList());
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1); // Excel's trailing empty header cells
        }
        header = List.copyOf(names);
    }

    /** The sheet named {@code sheetName} (any case, as Excel matches names), the first one when it is {@code null}. */
    static RecordReader open(Path file, String sheetName) throws ImportException {
        OPCPackage workbook;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new ImportException(NLS.bind(Messages.File_notXlsx, file.getFileName()), e);
        }
        try {
            return new XlsxSheetReader(file, workbook, sheetName);
        } catch (ImportException e) {
            workbook.revert();
            throw e;
        } catch (IOException | OpenXML4JException | XMLStreamException | org.xml.sax.SAXException | RuntimeException e) {
            workbook.revert();
            throw new ImportException(NLS.bind(Messages.File_notXlsx, file.getFileName()), e);
        }
    }

    private InputStream sheet(XSSFReader parts, String sheetName) throws IOException, OpenXML4JException {
        XSSFReader.SheetIterator sheets = parts.getSheetIterator();
        List<String> names = new ArrayList<>();
        while (sheets.hasNext()) {
            InputStream data = sheets.next();
            if (sheetName == null || sheets.getSheetName().equalsIgnoreCase(sheetName)) {
                return data;
            }
            names.add(sheets.getSheetName());
            data.close();
        }
        if (sheetName == null) {
            throw new ImportException(NLS.bind(Messages.File_notXlsx, file.getFileName()));
        }
        throw new ImportException(NLS.bind(Messages.File_noSheet, new Object[] { file.getFileName(), sheetName, String.join(", ", names) }));
    }

    /** Whether the workbook counts days from 1904 (old Mac Excel) rather than 1900. */
    private static boolean date1904(XSSFReader parts) throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream in = parts.getWorkbookData()) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if (name.equals("workbookPr")) {
                            String value = xml.getAttributeValue(null, "date1904");
                            return "1".equals(value) || "true".equalsIgnoreCase(value);
                        }
                        if (name.equals("sheets")) {
                            return false; // workbookPr comes before the sheets
                        }
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() throws IOException {
        for (List<String> row; (row = nextRow()) != null;) {
            if (!blank(row)) {
                return new SourceRow(rowNumber, row);
            }
        }
        return null;
    }

    private static boolean blank(List<String> row) {
        return row.stream().allMatch(String::isBlank);
    }

    /** The cells of the next {@code <row>} of the sheet, or {@code null} after the last. */
    private List<String> nextRow() throws ImportException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                    rowNumber = rowNumber(xml.getAttributeValue(null, "r"));
                    return cells();
                }
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sheetData")) {
                    return null;
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw broken(e.getMessage(), e);
        }
    }

    private long rowNumber(String r) throws ImportException {
        if (r == null) {
            return rowNumber + 1;
        }
        try {
            long number = Long.parseLong(r.strip());
            if (number < 1 || number > SpreadsheetVersion.EXCEL2007.getMaxRows()) {
                throw broken("r=\"" + r + "\"", null);
            }
            return number;
        } catch (NumberFormatException e) {
            throw broken("r=\"" + r + "\"", e);
        }
    }

    private List<String> cells() throws XMLStreamException, ImportException {
        List<String> values = new ArrayList<>();
        long chars = 0;
        int column = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                return values;
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                column = column(xml.getAttributeValue(null, "r"), column);
                String value = cell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
                chars += value.length();
                if (chars > CsvFormat.MAX_RECORD_CHARS) {
                    throw new ImportException(NLS.bind(Messages.File_recordTooLong, new Object[] { file.getFileName(), rowNumber, CsvFormat.MAX_RECORD_CHARS }));
                }
                while (values.size() <= column) {
                    values.add("");
                }
                values.set(column, value);
            }
        }
        return values;
    }

    private int column(String reference, int previous) throws ImportException {
        if (reference == null) {
            return previous + 1;
        }
        int letters = 0;
        while (letters < reference.length() && Character.isLetter(reference.charAt(letters))) {
            letters++;
        }
        if (letters == 0 || letters > 3) {
            throw broken("r=\"" + reference + "\"", null);
        }
        int column = CellReference.convertColStringToIndex(reference.substring(0, letters));
        if (column < 0 || column >= MAX_COLUMNS) {
            throw broken("r=\"" + reference + "\"", null);
        }
        return column;
    }

    /** The text of the {@code <c>} element the parser stands on, read to its end. */
    private String cell(String type, String style) throws XMLStreamException, ImportException {
        String value = null;
        StringBuilder inline = null;
        int depth = 1;
        boolean phonetic = false;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                switch (xml.getLocalName()) {
                case "v" -> {
                    value = text();
                    depth--;
                }
                case "is" -> inline = new StringBuilder();
                case "rPh" -> phonetic = true; // the reading aid of East Asian text, not the cell's text
                case "t" -> {
                    String t = text();
                    depth--;
                    if (inline != null && !phonetic) {
                        inline.append(t);
                    }
                }
                default -> {
                    // formula text and extensions: skipped
                }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (xml.getLocalName().equals("rPh")) {
                    phonetic = false;
                }
            }
        }
        return format(type == null ? "n" : type, style, value, inline);
    }

    /** The characters of the element the parser stands on, up to its end; no longer than a record may be. */
    private String text() throws XMLStreamException, ImportException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE) {
                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                if (text.length() > CsvFormat.MAX_RECORD_CHARS) {
                    throw new ImportException(NLS.bind(Messages.File_recordTooLong, new Object[] { file.getFileName(), rowNumber, CsvFormat.MAX_RECORD_CHARS }));
                }
            }
        }
        return text.toString();
    }

    private String format(String type, String style, String value, StringBuilder inline) throws ImportException {
        switch (type) {
        case "inlineStr":
            return inline != null ? inline.toString() : value == null ? "" : value;
        case "s":
            return sharedString(value);
        case "str":
            return value == null ? "" : value;
        case "b":
            return value == null ? "" : Boolean.toString("1".equals(value.strip()) || "true".equalsIgnoreCase(value.strip()));
        case "e":
            return ""; // #N/A, #DIV/0!…: no value to import
        case "d":
            return value == null ? "" : value.strip();
        default:
            return number(style, value);
        }
    }

    private String sharedString(String index) throws ImportException {
        if (index == null || index.isBlank()) {
            return "";
        }
        try {
            // the table's uniqueCount attribute is optional and not always right: the list itself decides
            return strings.getItemAt(Integer.parseInt(index.strip())).getString();
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw broken(NLS.bind(Messages.File_xlsxNoSharedString, index), e);
        }
    }

    private String number(String style, String value) throws ImportException {
        if (value == null || value.isBlank()) {
            return "";
        }
        double number;
        try {
            number = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw broken(NLS.bind(Messages.File_xlsxNotANumber, value), e);
        }
        if (!Double.isFinite(number)) {
            throw broken(NLS.bind(Messages.File_xlsxNotANumber, value), null);
        }
        if (isDateStyle(style) && DateUtil.isValidExcelDate(number)) {
            LocalDateTime when = DateUtil.getLocalDateTime(number, date1904);
            if (when != null) {
                return when.toLocalTime().toSecondOfDay() == 0 ? when.toLocalDate().toString() : when.toString();
            }
        }
        BigDecimal decimal = BigDecimal.valueOf(number).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }

    private boolean isDateStyle(String style) {
        if (style == null || styles == null) {
            return false;
        }
        int index;
        try {
            index = Integer.parseInt(style.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        return dateStyles.computeIfAbsent(index, i -> {
            if (i < 0 || i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle cellStyle = styles.getStyleAt(i);
            if (cellStyle == null) {
                return false;
            }
            short format = cellStyle.getDataFormat();
            String pattern = cellStyle.getDataFormatString();
            return DateUtil.isADateFormat(format, pattern != null ? pattern : BuiltinFormats.getBuiltinFormat(format));
        });
    }

    private ImportException broken(String detail, Throwable cause) {
        return new ImportException(NLS.bind(Messages.File_badXlsx, new Object[] { file.getFileName(), Math.max(rowNumber, 1), detail }), cause);
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the stream is closed below either way
        } finally {
            try {
                sheet.close();
            } finally {
                workbook.revert();
            }
        }
    }
}
