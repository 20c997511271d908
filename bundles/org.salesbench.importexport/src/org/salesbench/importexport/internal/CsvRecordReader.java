package org.salesbench.importexport.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.RecordReader;
import org.salesbench.importexport.SourceRow;

/**
 * The records of a CSV text as RFC 4180 has them (quoted delimiters, line breaks and doubled quotes; empty lines
 * skipped), read with a bound: a record may hold at most {@link CsvFormat#MAX_RECORD_CHARS} characters (the header
 * {@link CsvFormat#MAX_HEADER_CHARS}), and the reader stops as soon as one grows past it, so an unterminated
 * quote is reported with the line where its field began instead of after the rest of the file was read into
 * memory. Rows are numbered as a spreadsheet numbers them (the header is row 1, empty lines do not count);
 * lines are the file's physical lines.
 */
public final class CsvRecordReader implements RecordReader {

    private static final int EOF = -1;

    private final Path file;
    private final Reader in;
    private final char delimiter;
    private final Charset charset;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;
    private int pushedBack = -2;
    private boolean afterCarriageReturn;
    /** The physical line of the next character. */
    private long line;
    /** The row number of the last record read. */
    private long row;
    private final StringBuilder field = new StringBuilder();
    private final List<String> header;

    public CsvRecordReader(Path file, Reader in, char delimiter, Charset charset) throws IOException {
        this(file, in, delimiter, charset, 1);
    }

    /** {@code firstLine}: the line of the file {@code in} starts at (2 after Excel's "sep=;" line). */
    CsvRecordReader(Path file, Reader in, char delimiter, Charset charset, long firstLine) throws IOException {
        this.file = file;
        this.line = firstLine;
        this.in = in;
        this.delimiter = delimiter;
        this.charset = charset;
        List<String> first = record(CsvFormat.MAX_HEADER_CHARS);
        if (first == null) {
            throw new ImportException(NLS.bind(Messages.File_empty, file.getFileName()));
        }
        List<String> names = new ArrayList<>(first.stream().map(String::strip).toList());
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1); // Excel's trailing empty header cells
        }
        if (names.isEmpty()) {
            throw new ImportException(NLS.bind(Messages.File_empty, file.getFileName()));
        }
        header = List.copyOf(names);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() throws IOException {
        for (List<String> values; (values = record(CsvFormat.MAX_RECORD_CHARS)) != null;) {
            if (values.stream().anyMatch(v -> !v.isBlank())) {
                return new SourceRow(row, values);
            }
            // ;;; lines Excel leaves below the data
        }
        return null;
    }

    /** The fields of the next record that is not an empty line, or {@code null} at the end of the text. */
    private List<String> record(int maxChars) throws IOException {
        int c = read();
        while (c == '\n' || c == '\r') {
            c = read();
        }
        if (c == EOF) {
            return null;
        }
        row++;
        List<String> values = new ArrayList<>();
        long chars = 0;
        while (true) {
            field.setLength(0);
            if (c == '"') {
                long startLine = line;
                while (true) {
                    c = read();
                    if (c == EOF) {
                        throw unclosedQuote(startLine, maxChars);
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            break; // the closing quote
                        }
                    }
                    field.append((char) c);
                    if (++chars > maxChars) {
                        throw unclosedQuote(startLine, maxChars);
                    }
                }
                while (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
                    if (!Character.isWhitespace(c)) {
                        throw new ImportException(NLS.bind(Messages.File_badCsv, new Object[] { file.getFileName(), row,
                                NLS.bind(Messages.File_textAfterQuote, line) }));
                    }
                    c = read();
                }
            } else {
                while (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
                    field.append((char) c);
                    if (++chars > maxChars) {
                        throw tooLong(maxChars);
                    }
                    c = read();
                }
            }
            values.add(field.toString());
            if (c != delimiter) {
                if (c == '\r') {
                    int next = read();
                    if (next != '\n') {
                        pushedBack = next;
                    }
                }
                return values;
            }
            c = read();
        }
    }

    private ImportException unclosedQuote(long startLine, int maxChars) {
        return new ImportException(NLS.bind(Messages.File_unclosedQuote, new Object[] { file.getFileName(), startLine, row, maxChars }));
    }

    private ImportException tooLong(int maxChars) {
        if (row == 1) {
            return new ImportException(NLS.bind(Messages.File_noHeader, file.getFileName(), maxChars));
        }
        return new ImportException(NLS.bind(Messages.File_recordTooLong, new Object[] { file.getFileName(), row, maxChars }));
    }

    private int read() throws IOException {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
            return c; // already counted when it was first read
        }
        if (position == limit) {
            try {
                limit = in.read(buffer);
            } catch (CharacterCodingException e) {
                throw new ImportException(NLS.bind(Messages.File_badBytes, new Object[] { file.getFileName(), charset.name(), row }), e);
            }
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return EOF;
            }
        }
        c = buffer[position++];
        if (c == '\r' || c == '\n' && !afterCarriageReturn) {
            line++;
        }
        afterCarriageReturn = c == '\r';
        return c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
