package org.salesbench.importexport.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.io.SpreadsheetText;
import org.salesbench.importexport.DataFormat;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RecordReader;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.WriteOptions;

/**
 * CSV as RFC 4180 describes it and as Excel really writes it: a UTF-8 byte-order mark or none, UTF-8
 * or GBK/GB18030 (the bytes decide), comma, semicolon or tab as delimiter (the header line decides, or
 * Excel's {@code sep=;} first line), quoted line breaks and quotes, empty lines, rows shorter or longer
 * than the header. Records are read with a bound ({@link CsvRecordReader}).
 */
public class CsvFormat implements DataFormat {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SAMPLE = 64 * 1024;
    /** A header longer than this is no header (a 10 MB single line, a file of something else). */
    static final int MAX_HEADER_CHARS = 64 * 1024;
    /** A record longer than this is refused rather than carried into memory and the database. */
    static final int MAX_RECORD_CHARS = 1024 * 1024;

    @Override
    public RecordReader open(Path file, ReadOptions options) throws IOException {
        if (Files.size(file) == 0) {
            throw new ImportException(NLS.bind(Messages.File_empty, file.getFileName()));
        }
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), SAMPLE * 2);
        try {
            in.mark(SAMPLE + 8);
            byte[] sample = in.readNBytes(SAMPLE);
            in.reset();
            boolean complete = sample.length < SAMPLE;
            Charset charset = options.charset();
            int bom = bomLength(sample);
            if (charset == null) {
                charset = bom > 0 ? bomCharset(sample) : detect(file, sample, complete);
            } else if (bom > 0 && !charset.equals(bomCharset(sample))) {
                bom = 0;
            }
            in.skipNBytes(bom);
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            String text = decodeSample(sample, bom, charset, complete);
            if (text.isBlank()) {
                throw new ImportException(NLS.bind(Messages.File_empty, file.getFileName()));
            }
            Reader reader = new InputStreamReader(in, decoder);
            char delimiter;
            long firstLine = 1;
            if (text.startsWith("sep=") && text.length() > 4) {
                delimiter = text.charAt(4);
                try {
                    skipLine(reader);
                } catch (CharacterCodingException e) {
                    throw new ImportException(NLS.bind(Messages.File_badBytes, new Object[] { file.getFileName(), charset.name(), 1 }), e);
                }
                firstLine = 2;
            } else {
                delimiter = options.delimiter() != null ? options.delimiter() : sniffDelimiter(text);
            }
            return new CsvRecordReader(file, reader, delimiter, charset, firstLine);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static void skipLine(Reader reader) throws IOException {
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            // Excel's "sep=;" hint line
        }
    }

    static int bomLength(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if (b.length >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
            return 2;
        }
        return 0;
    }

    private static Charset bomCharset(byte[] b) {
        if ((b[0] & 0xFF) == 0xEF) {
            return StandardCharsets.UTF_8;
        }
        return (b[0] & 0xFF) == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    }

    /** UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312) if valid, else refused. */
    private static Charset detect(Path file, byte[] sample, boolean complete) throws ImportException {
        if (looksBinary(sample)) {
            throw new ImportException(NLS.bind(Messages.File_binary, file.getFileName()));
        }
        if (decodes(sample, StandardCharsets.UTF_8, complete)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(sample, GB18030, complete)) {
            return GB18030;
        }
        throw new ImportException(NLS.bind(Messages.File_unknownEncoding, file.getFileName()));
    }

    static boolean looksBinary(byte[] sample) {
        if (sample.length >= 4 && sample[0] == 'P' && sample[1] == 'K' && sample[2] == 3 && sample[3] == 4) {
            return true; // a zip: XLSX, DOCX…
        }
        if (sample.length >= 4 && (sample[0] & 0xFF) == 0xD0 && (sample[1] & 0xFF) == 0xCF && (sample[2] & 0xFF) == 0x11) {
            return true; // an old .xls
        }
        int controls = 0;
        for (byte b : sample) {
            if (b == 0) {
                return true;
            }
            if ((b & 0xFF) < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                controls++;
            }
        }
        return controls > sample.length / 100 + 1;
    }

    private static boolean decodes(byte[] sample, Charset charset, boolean complete) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        var out = java.nio.CharBuffer.allocate(sample.length + 1);
        var result = decoder.decode(in, out, complete);
        if (result.isError()) {
            return false;
        }
        // a multi-byte character cut by the end of the sample leaves at most 3 bytes undecoded
        return complete ? !decoder.flush(out).isError() && !in.hasRemaining() : in.remaining() < 4;
    }

    private static String decodeSample(byte[] sample, int bom, Charset charset, boolean complete) throws CharacterCodingException {
        int end = sample.length;
        if (!complete) {
            end = Math.max(bom, end - 4); // do not decode a character cut in half
        }
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(sample, bom, end - bom)).toString();
    }

    /** The candidate that occurs most often outside quotes on the first line; a comma when none does. */
    static char sniffDelimiter(String text) {
        int comma = 0, semicolon = 0, tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n') {
                    if (comma + semicolon + tab > 0) {
                        break;
                    }
                } else if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semicolon++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (tab > comma && tab >= semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }

    @Override
    public RecordWriter create(OutputStream out, WriteOptions options) throws IOException {
        Charset charset = options.charset() == null ? StandardCharsets.UTF_8 : options.charset();
        Writer writer = new OutputStreamWriter(out, charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE));
        if (charset.equals(StandardCharsets.UTF_8)) {
            writer.write('\uFEFF'); // so that Excel opens Chinese text as UTF-8
        }
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        return new RecordWriter() {
            @Override
            public void begin(List<Column> columns) throws IOException {
                printer.printRecord(columns.stream().map(Column::label).toList());
            }

            @Override
            public void write(List<String> values) throws IOException {
                printer.printRecord(values.stream().map(SpreadsheetText::neutralise).toList());
            }

            /** Numbers as numbers (a negative amount is no formula), every text neutralised. */
            @Override
            public void writeTyped(List<?> values) throws IOException {
                printer.printRecord(values.stream()
                        .map(v -> v instanceof Number ? RecordWriter.plainText(v) : SpreadsheetText.neutralise(RecordWriter.plainText(v))).toList());
            }

            @Override
            public void close() throws IOException {
                printer.close(true);
            }
        };
    }
}
