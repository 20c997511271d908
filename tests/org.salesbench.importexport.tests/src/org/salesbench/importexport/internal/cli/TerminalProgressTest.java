package org.salesbench.importexport.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import's progress line on standard error: rows, rows/s, time left from the counted rows, redrawn in place. */
class TerminalProgressTest {

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String shown() {
        String all = bytes.toString(StandardCharsets.UTF_8);
        return all.substring(all.lastIndexOf('\r') + 1).stripTrailing();
    }

    private void seconds(double s) {
        now.addAndGet((long) (s * 1e9));
    }

    @Test
    void rowsRateAndTimeLeftAreRedrawnAtMostFourTimesASecond() {
        TerminalProgress progress = new TerminalProgress(err, now::get, 1000, 10_000);
        seconds(1);
        progress.worked(1);
        assertEquals("1000 of 10000 rows, 1000 rows/s, about 9 s left", shown());
        seconds(0.1);
        progress.worked(1);
        assertEquals("1000 of 10000 rows, 1000 rows/s, about 9 s left", shown(), "not redrawn within a quarter second");
        seconds(0.9);
        progress.worked(1);
        assertEquals("3000 of 10000 rows, 1500 rows/s, about 4 s left", shown());
        seconds(3);
        progress.finish(9_876);
        String all = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(all.endsWith(System.lineSeparator()), "the last line ends the progress: " + all);
        String last = all.substring(all.lastIndexOf('\r') + 1, all.length() - System.lineSeparator().length());
        assertEquals("9876 rows in 5.0 s (1975 rows/s)", last.stripTrailing(), "the exact rows");
        assertEquals("3000 of 10000 rows, 1500 rows/s, about 4 s left".length(), last.length(), "padded to wipe the longer line before it");
    }

    @Test
    void withoutATotalOnlyRowsAndRateAreShownAndAShorterLineWipesTheLonger() {
        TerminalProgress progress = new TerminalProgress(err, now::get, 500, -1);
        seconds(2);
        progress.worked(4);
        assertEquals("2000 rows, 1000 rows/s", shown());
        seconds(1);
        progress.finish(7);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("\r7 rows in 3.0 s (2 rows/s)"), bytes.toString(StandardCharsets.UTF_8));
        assertEquals("42 s", TerminalProgress.duration(42));
        assertEquals("3:05", TerminalProgress.duration(185));
        assertEquals("1:02:03", TerminalProgress.duration(3723));
    }

    @Test
    void aTextFilesRowsAreItsLinesAfterTheHeader() throws IOException {
        Path csv = Files.writeString(dir.resolve("accounts.csv"), "Name,Industry\nAcme,Software\n云栖,制造\r\nLast,Row");
        assertEquals(3, TerminalProgress.textRows(csv));
        Path ended = Files.writeString(dir.resolve("ended.csv"), "Name\nA\nB\n");
        assertEquals(2, TerminalProgress.textRows(ended));
        assertEquals(-1, TerminalProgress.textRows(Files.writeString(dir.resolve("book.xlsx"), "not counted")));
    }
}
