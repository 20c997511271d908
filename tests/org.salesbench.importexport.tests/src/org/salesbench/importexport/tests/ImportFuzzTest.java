package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerSort;
import org.salesbench.importexport.DataFormat;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RecordReader;
import org.salesbench.importexport.TargetDescriptor;
import org.salesbench.importexport.internal.CsvFormat;
import org.salesbench.importexport.internal.VCardFormat;
import org.salesbench.importexport.internal.XlsxFormat;

/**
 * Seeded fuzzing of the importers' readers and of the list filter, a few seconds per target so CI stays short. The
 * property: a file or filter either reads or is refused with the documented error ({@link ImportException} for
 * files, {@link IllegalArgumentException} for filters), a refusal while reading rows names the row, line or card,
 * and nothing hangs. On a failure the message gives the seed and the case; the input is kept under
 * {@code target/fuzz-failures}. Run longer or replay with {@code -Dfuzz.millis=…} / {@code -Dfuzz.seed=…} (or the
 * environment variables {@code FUZZ_MILLIS}, {@code FUZZ_SEED}).
 */
class ImportFuzzTest {

    private static final long SEED = setting("fuzz.seed", "FUZZ_SEED", System.nanoTime());
    private static final long MILLIS = setting("fuzz.millis", "FUZZ_MILLIS", 3_000);
    /**
     * Generous, for CI machines shared with other builds: ez-vcard reads a 1 MB file of 150,000 broken lines in
     * about 25 s on two busy cores (linear, a warning per line), and that is no hang.
     */
    private static final long CASE_TIMEOUT_SECONDS = 60;
    /** Where a refusal of a row says which: "row 12", "line 7", "card 3" (or 第 12 行 in Chinese). */
    private static final Pattern NAMES_A_PLACE = Pattern.compile("(?s).*((row|line|card) \\d+|第 \\d+ ).*");

    private static ExecutorService worker;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzz case");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stop() {
        worker.shutdownNow();
    }

    private static long setting(String property, String variable, long otherwise) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? otherwise : Long.parseLong(value.strip());
    }

    /** An input of one case, made from the case's own random numbers so it can be replayed alone. */
    private interface Generator {
        byte[] make(Random random) throws IOException;
    }

    private void fuzzFiles(String name, String extension, DataFormat format, Generator generator) throws Exception {
        Random seeds = new Random(SEED ^ name.hashCode());
        long end = System.nanoTime() + MILLIS * 1_000_000;
        int cases = 0;
        int refused = 0;
        while (System.nanoTime() < end) {
            long caseSeed = seeds.nextLong();
            byte[] input = generator.make(new Random(caseSeed));
            Path file = Files.write(dir.resolve("case." + extension), input);
            String problem = withinTimeout(() -> readAll(format, file));
            if (problem == null) {
                // read or refused as documented
            } else if (problem.startsWith("refused")) {
                refused++;
            } else {
                Path kept = Path.of("target", "fuzz-failures", name + "-" + caseSeed + "." + extension);
                Files.createDirectories(kept.getParent());
                Files.write(kept, input);
                fail(name + " fuzzing, seed " + SEED + ", case " + cases + " (case seed " + caseSeed + ", input kept in " + kept.toAbsolutePath()
                        + "): " + problem);
            }
            cases++;
        }
        System.out.printf("FUZZ %s: %d cases in %d ms (%d refused as documented), seed %d%n", name, cases, MILLIS, refused, SEED);
    }

    /** What {@code test} found ({@code null}: nothing), or that it did not answer in time. */
    private static String withinTimeout(java.util.concurrent.Callable<String> test) throws Exception {
        Future<String> outcome = worker.submit(test);
        try {
            return outcome.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            return "no answer within " + CASE_TIMEOUT_SECONDS + " s (a hang)";
        }
    }

    /** {@code null} when the file reads, "refused…" when refused as documented, else what went wrong. */
    private static String readAll(DataFormat format, Path file) {
        boolean opened = false;
        try (RecordReader reader = format.open(file, ReadOptions.DETECT)) {
            opened = true;
            if (reader.header().isEmpty()) {
                return "an empty header was accepted";
            }
            while (reader.next() != null) {
                // every row
            }
            return null;
        } catch (ImportException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                return "a refusal without a message: " + stack(e);
            }
            if (opened && !NAMES_A_PLACE.matcher(e.getMessage()).matches()) {
                return "a refusal while reading rows that names no row, line or card: " + e.getMessage();
            }
            return "refused";
        } catch (Throwable e) {
            return "undocumented " + stack(e);
        }
    }

    private static String stack(Throwable e) {
        java.io.StringWriter text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    // ---- CSV

    private static final String[] CSV_SEEDS = {
            "Name,Short Name,Region,Tags,Next Follow-up\r\n\"ACME, Inc.\",ACME,上海,\"a|b\",2026-12-24\r\n\"two\r\nlines \"\"quoted\"\"\",,,,\r\n",
            "\uFEFF客户名称;地区;标签\n深圳华为技术有限公司;广东;战略客户\n;;\n",
            "sep=;\nName;Region\nA,B;North\n",
            "Name\tRegion\tNotes\nA\tB\t\"tab\tinside\"\n\n\n",
            "Name,Amount\nx,\"1,234.56\"\ny,\"\"\nz,\"\"\"\"\n", };
    private static final String[] CSV_PIECES = { "\"", "\"\"", ",", ";", "\t", "\r", "\n", "\r\n", " ", "a", "中", "\uFEFF", "sep=", "=", "\u0000",
            "\\", "'", "é", "\uD83D\uDE00" };

    @Test
    void csvImporter() throws Exception {
        fuzzFiles("csv", "csv", new CsvFormat(), random -> {
            String text = CSV_SEEDS[random.nextInt(CSV_SEEDS.length)];
            text = mutateText(random, text, CSV_PIECES);
            Charset charset = switch (random.nextInt(6)) {
            case 0 -> Charset.forName("GB18030");
            case 1 -> StandardCharsets.UTF_16LE;
            default -> StandardCharsets.UTF_8;
            };
            return mutateBytes(random, text.getBytes(charset));
        });
    }

    /** A few edits of the text: pieces inserted, ranges cut or repeated, now and then a very long run. */
    private static String mutateText(Random random, String text, String[] pieces) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            int at = out.isEmpty() ? 0 : random.nextInt(out.length() + 1);
            switch (random.nextInt(6)) {
            case 0, 1 -> out.insert(at, pieces[random.nextInt(pieces.length)]);
            case 2 -> {
                int to = Math.min(out.length(), at + random.nextInt(20));
                out.delete(at, to);
            }
            case 3 -> {
                int to = Math.min(out.length(), at + random.nextInt(40));
                out.insert(at, out.substring(at, to).repeat(1 + random.nextInt(5)));
            }
            case 4 -> {
                if (random.nextInt(20) == 0) {
                    // longer than a record may be, with or without line breaks
                    String unit = random.nextBoolean() ? "x" : "xxxxxxx\n";
                    out.insert(at, unit.repeat((1_100_000 + random.nextInt(100_000)) / unit.length()));
                } else {
                    out.insert(at, pieces[random.nextInt(pieces.length)].repeat(random.nextInt(300)));
                }
            }
            default -> {
                if (!out.isEmpty() && at < out.length()) {
                    out.setCharAt(at, (char) random.nextInt(0x3000));
                }
            }
            }
        }
        return out.toString();
    }

    private static byte[] mutateBytes(Random random, byte[] bytes) {
        if (bytes.length == 0 || random.nextInt(4) != 0) {
            return bytes;
        }
        byte[] out = bytes.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return random.nextInt(10) == 0 ? java.util.Arrays.copyOf(out, random.nextInt(out.length + 1)) : out;
    }

    // ---- XLSX

    private static List<Map<String, byte[]>> workbooks;

    /** Valid workbooks as their zip entries: shared or inline strings, dates, numbers, booleans, two sheets, gaps. */
    private static synchronized List<Map<String, byte[]>> workbooks() throws IOException {
        if (workbooks == null) {
            workbooks = new ArrayList<>();
            for (int kind = 0; kind < 3; kind++) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (XSSFWorkbook book = new XSSFWorkbook()) {
                    org.apache.poi.ss.usermodel.Workbook target = kind == 1 ? new SXSSFWorkbook(book, 10) : book;
                    Sheet first = target.createSheet("客户");
                    CellStyle date = target.createCellStyle();
                    date.setDataFormat(target.createDataFormat().getFormat("yyyy-mm-dd"));
                    Row header = first.createRow(kind == 2 ? 2 : 0);
                    String[] names = { "Name", "Region", "Employees", "Next Follow-up", "Active" };
                    for (int i = 0; i < names.length; i++) {
                        header.createCell(i).setCellValue(names[i]);
                    }
                    for (int r = 1; r <= 6; r++) {
                        Row row = first.createRow(header.getRowNum() + r + (r > 3 ? 2 : 0));
                        row.createCell(0).setCellValue("客户 " + r);
                        row.createCell(1).setCellValue(r % 2 == 0 ? "North" : "南方");
                        row.createCell(2).setCellValue(r * 1.25);
                        row.createCell(3).setCellValue(LocalDate.of(2026, 3, r));
                        row.getCell(3).setCellStyle(date);
                        row.createCell(r % 2 == 0 ? 4 : 6).setCellValue(r % 3 == 0);
                    }
                    if (kind != 1) {
                        first.getRow(header.getRowNum() + 1).createCell(7).setCellFormula("C2*2");
                    }
                    target.createSheet("Notes").createRow(0).createCell(0).setCellValue("Name");
                    target.write(bytes);
                    if (target instanceof SXSSFWorkbook streaming) {
                        streaming.dispose();
                    }
                }
                workbooks.add(unzip(bytes.toByteArray()));
            }
        }
        return workbooks;
    }

    /** Through a file: POI writes entries whose sizes follow their data, which {@code ZipInputStream} refuses when stored. */
    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Path file = Files.createTempFile("fuzz-seed", ".xlsx");
        try {
            Files.write(file, zip);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipFile in = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                    try (var data = in.getInputStream(entry)) {
                        entries.put(entry.getName(), data.readAllBytes());
                    }
                }
            }
            return entries;
        } finally {
            Files.delete(file);
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static final String[] XML_PIECES = { "<", ">", "/>", "</c>", "</row>", "<row>", "<c>", "<c r=\"XFE1\">", "<c r=\"A99999999\">",
            "<row r=\"0\">", "<row r=\"-3\">", "<row r=\"1048577\">", " r=\"ZZZZ9\"", " t=\"s\"", " t=\"b\"", " t=\"e\"", " t=\"str\"",
            " t=\"inlineStr\"", " t=\"d\"", " t=\"x\"", " s=\"9999\"", " s=\"-1\"", "<v>", "</v>", "<v>99999999</v>", "<v>NaN</v>",
            "<v>1e400</v>", "<v>-1</v>", "<v>abc</v>", "<v>2958466</v>", "<is><t>inline</t></is>", "<is><r><t>a</t></r><rPh><t>b</t></rPh></is>",
            "<f>1/0</f>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;", "&amp;", "&#0;", "<![CDATA[x]]>", "\"", "=", " ", "中" };

    @Test
    void xlsxImporter() throws Exception {
        List<Map<String, byte[]>> books = workbooks();
        fuzzFiles("xlsx", "xlsx", new XlsxFormat(), random -> {
            Map<String, byte[]> entries = new LinkedHashMap<>(books.get(random.nextInt(books.size())));
            List<String> names = new ArrayList<>(entries.keySet());
            int edits = 1 + random.nextInt(3);
            for (int i = 0; i < edits; i++) {
                // mostly the sheet, the shared strings and the styles; now and then any part, or a part left out
                String part = random.nextInt(4) != 0 ? names.stream().filter(n -> n.contains("sheet1") || n.contains("sharedStrings")
                        || n.contains("styles")).skip(random.nextInt(3)).findFirst().orElse(names.get(0)) : names.get(random.nextInt(names.size()));
                if (random.nextInt(15) == 0) {
                    entries.remove(part);
                } else if (entries.containsKey(part)) {
                    entries.put(part, mutateText(random, new String(entries.get(part), StandardCharsets.UTF_8), XML_PIECES)
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            return mutateBytes(random, zip(entries));
        });
    }

    // ---- vCard

    private static final String VCARDS = """
            BEGIN:VCARD\r
            VERSION:2.1\r
            N:王;小明\r
            ORG:杭州海纳医疗有限公司;销售部\r
            TEL;CELL:138 0000 0000\r
            NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=E4=BD=A0=E5=A5=BD=\r
             again\r
            END:VCARD\r
            BEGIN:VCARD\r
            VERSION:3.0\r
            FN:Anna Lee\r
            TITLE:Buyer\r
            EMAIL;TYPE=work:anna@example.com\r
            TEL;TYPE=work,voice:+1 555 0100\r
            PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r
             /2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR8eHR\r
            UID:urn:uuid:1234\r
            X-SALESBENCH-DECISION-ROLE:DECIDER\r
            END:VCARD\r
            BEGIN:VCARD\r
            VERSION:4.0\r
            FN:Zhang Wei\r
            TEL;VALUE=uri:tel:+86-10-1234-5678\r
            ADR;TYPE=work:;;1 Road;Beijing;;100000;China\r
            BDAY:--0415\r
            END:VCARD\r
            """;
    private static final String[] VCARD_PIECES = { "\r\n", "\n", "\r\n ", ":", ";", ",", "=", "\\", "\\n", "BEGIN:VCARD\r\n", "END:VCARD\r\n",
            "VERSION:4.0\r\n", "VERSION:9\r\n", ";ENCODING=QUOTED-PRINTABLE", ";ENCODING=b", ";CHARSET=nonsense", ";CHARSET=GBK", "=E4=B", "=\r\n",
            ";VALUE=uri", "tel:", ";TYPE=", "X-SALESBENCH-", "X-SALESBENCH-:x\r\n", "TEL;VALUE=uri:\r\n", "BDAY:\r\n", "ORG:;\r\n", "FN:\r\n",
            "\u0000", "中", "\"", "^" };

    @Test
    void vCardImporter() throws Exception {
        fuzzFiles("vcard", "vcf", new VCardFormat(), random -> mutateBytes(random, mutateText(random, VCARDS, VCARD_PIECES)
                .getBytes(random.nextInt(5) == 0 ? Charset.forName("GB18030") : StandardCharsets.UTF_8)));
    }

    // ---- the list filter

    private static final String[] FILTER_PIECES = { "text=", "grade=", "status=", "owner=", "tag=", "overdue=", "nosuch=", "TEXT=", "=", ",",
            "|", " ", "A", "B", "ACTIVE", "active", "lost", "true", "yes", "1", "华为", "科技", "co", "138", "@", "\"", "\\", "*", "?", "(", ")",
            ":", "~", "^", "[", "]", "{", "}", "-", "+", "!", "&&", "||", "AND", "OR", "NOT", "%", "_", "'", "\u0000", "\uD83D\uDE00", "é",
            "\u3000" };

    @Test
    void listFilter() throws Exception {
        try (ImportFixture fx = new ImportFixture()) {
            for (String name : List.of("深圳华为技术有限公司", "ACME Co., Ltd.", "上海科技 (China) \"Quoted\"")) {
                fx.customers.create(new Customer(name));
            }
            List<String> targets = fx.engine.targets().stream()
                    .filter(t -> t.target().map(ImportTarget::canFilter).orElse(false)).map(TargetDescriptor::id).toList();
            Random seeds = new Random(SEED ^ "filter".hashCode());
            long end = System.nanoTime() + MILLIS * 1_000_000;
            int cases = 0;
            while (System.nanoTime() < end) {
                long caseSeed = seeds.nextLong();
                Random random = new Random(caseSeed);
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(10); i >= 0; i--) {
                    text.append(FILTER_PIECES[random.nextInt(FILTER_PIECES.length)]);
                }
                if (random.nextInt(50) == 0) {
                    text.append("x".repeat(random.nextInt(100_000)));
                }
                String filter = text.toString();
                String problem = withinTimeout(() -> {
                    for (String target : targets) {
                        try {
                            Object parsed = fx.engine.parseFilter(target, filter);
                            if (parsed instanceof CustomerFilter customers) {
                                fx.customers.count(customers);
                                fx.customers.page(customers, CustomerSort.DEFAULT, 0, 20);
                            }
                        } catch (IllegalArgumentException e) {
                            if (e.getMessage() == null || e.getMessage().isBlank()) {
                                return target + ": a refusal without a message: " + stack(e);
                            }
                        } catch (Throwable e) {
                            return target + ": undocumented " + stack(e);
                        }
                    }
                    return null;
                });
                if (problem != null) {
                    fail("filter fuzzing, seed " + SEED + ", case " + cases + " (case seed " + caseSeed + "), filter «" + filter + "»: " + problem);
                }
                cases++;
            }
            System.out.printf("FUZZ filter: %d cases over %s in %d ms, seed %d%n", cases, targets, MILLIS, SEED);
        }
    }
}
