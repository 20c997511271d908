package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.Decimals;
import org.salesbench.customers.Customer;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RowError;
import org.salesbench.importexport.ValueMapping;

/**
 * Numbers and dates read by the file's locale, declared or detected per column from all its values; what neither
 * settles is a row error naming row, column and value, never a guess. Numbers are bounded before anything is computed.
 */
class NumbersAndDatesImportTest {

    @TempDir
    Path dir;

    private static final ValueMapping GERMAN = ValueMapping.NONE.withLocale(Locale.GERMAN);

    private static BigDecimal price(SalesFixture f, String code) {
        return f.products.findByCode(code).orElseThrow().getListPrice().getAmount();
    }

    private static RowError errorOfRow(ImportResult result, long row) {
        return result.errors().stream().filter(e -> e.row() == row).findFirst()
                .orElseThrow(() -> new AssertionError("no error for row " + row + ": " + result.errors()));
    }

    @Test
    void aGermanPriceIsARowErrorWhereTheColumnContradictsItAndExactWithTheDeclaredLocale() throws Exception {
        Path file = ImportFixture.utf8(dir.resolve("prices.csv"), "Code,Name,Price\nP1,Widget,\"1.234,56\"\nP2,Gadget,\"2,345.67\"\n");
        try (SalesFixture f = new SalesFixture()) {
            ImportResult detected = f.importFile(file, "products", Map.of(), ValueMapping.NONE, Mode.VALID_ROWS);
            assertEquals(0, detected.created(), detected.errors().toString());
            assertEquals(2, detected.failed());
            RowError german = errorOfRow(detected, 2);
            assertEquals("Price", german.column());
            assertEquals("1.234,56", german.value());
            assertTrue(german.message().contains("row 3") && german.message().contains("--locale"), german.message());

            ImportResult declared = f.importFile(file, "products", Map.of(), GERMAN, Mode.VALID_ROWS);
            assertEquals(1, declared.created(), declared.errors().toString());
            assertEquals(0, new BigDecimal("1234.56").compareTo(price(f, "P1")), "not 1.23");
            assertEquals("2,345.67", errorOfRow(declared, 3).value(), "an English number is no German one");
        }
    }

    @Test
    void anAmbiguousNumberIsARowErrorUnlessTheColumnOrTheLocaleSettlesIt() throws Exception {
        Path lone = ImportFixture.utf8(dir.resolve("lone.csv"), "Code,Name,Price\nP1,Widget,1.234\nP2,Gadget,99\n");
        Path settled = ImportFixture.utf8(dir.resolve("settled.csv"),
                "Code,Name,Price\nP3,A,1.234\nP4,B,\"1.234,56\"\nP5,C,\"1\u00A0234,56\"\nP6,D,\"1\u202F234,5\"\nP7,E,\"12.345.678\"\n");
        Path french = ImportFixture.utf8(dir.resolve("french.csv"), "Code,Name,Price\nP8,F,\"1 234,56\"\nP9,G,\"0,5\"\n");
        try (SalesFixture f = new SalesFixture()) {
            ImportResult ambiguous = f.importFile(lone, "products", Map.of(), ValueMapping.NONE, Mode.VALID_ROWS);
            assertEquals(1, ambiguous.created());
            RowError error = errorOfRow(ambiguous, 2);
            assertEquals(List.of("Price", "1.234"), List.of(error.column(), error.value()));
            assertTrue(error.message().contains("two ways"), error.message());

            ImportResult detected = f.importFile(settled, "products", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING);
            assertEquals(5, detected.created(), detected.errors().toString());
            assertEquals(0, new BigDecimal("1234").compareTo(price(f, "P3")), "the column's 1.234,56 settles 1.234 as German");
            assertEquals(0, new BigDecimal("1234.56").compareTo(price(f, "P4")));
            assertEquals(0, new BigDecimal("1234.56").compareTo(price(f, "P5")), "a no-break space groups thousands");
            assertEquals(0, new BigDecimal("1234.5").compareTo(price(f, "P6")), "so does a narrow no-break space");
            assertEquals(0, new BigDecimal("12345678").compareTo(price(f, "P7")));

            ImportResult declared = f.importFile(french, "products", Map.of(), ValueMapping.NONE.withLocale(Locale.FRENCH),
                    Mode.ALL_OR_NOTHING);
            assertEquals(2, declared.created(), declared.errors().toString());
            assertEquals(0, new BigDecimal("1234.56").compareTo(price(f, "P8")));
            assertEquals(0, new BigDecimal("0.5").compareTo(price(f, "P9")));
        }
    }

    /**
     * The detection lets go of values that cannot tell anything (no separator) and of a column that has shown both ways
     * already: the verdict still rests on every value, so a contradiction after plain values, and a third value after
     * it, are row errors naming the first two, and the plain values are read.
     */
    @Test
    void aColumnsVerdictRestsOnEveryValueThoseAfterItsFirstContradictionIncluded() throws Exception {
        Path file = ImportFixture.utf8(dir.resolve("late.csv"),
                "Code,Name,Price\nP1,A,99\nP2,B,\"1,234.5\"\nP3,C,100\nP4,D,\"1.234,56\"\nP5,E,\"7.890,12\"\nP6,F,\" 42 \"\n");
        try (SalesFixture f = new SalesFixture()) {
            ImportResult result = f.importFile(file, "products", Map.of(), ValueMapping.NONE, Mode.VALID_ROWS);
            assertEquals(3, result.created(), result.errors().toString());
            assertEquals(List.of(3L, 5L, 6L), result.errors().stream().map(RowError::row).toList());
            for (long row : List.of(3L, 5L, 6L)) {
                String message = errorOfRow(result, row).message();
                assertTrue(message.contains("\"1,234.5\" (row 3)") && message.contains("\"1.234,56\" (row 5)"), message);
            }
            assertEquals(0, new BigDecimal("42").compareTo(price(f, "P6")));
        }
    }

    @Test
    void aHugeExponentOrAnAmountBeyondDecimal19_4IsARowErrorAtOnce() throws Exception {
        Path largest = ImportFixture.utf8(dir.resolve("largest.csv"), "Code,Name,Price\nP4,Max,999999999999999.99\n");
        Path huge = ImportFixture.utf8(dir.resolve("huge.csv"),
                "Code,Name,Price\nP1,Exp,1e300000000\nP2,Tiny,1e-300000000\nP3,Wide,1234567890123456\n");
        try (SalesFixture f = new SalesFixture()) {
            ImportResult fits = f.importFile(largest, "products", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING);
            assertEquals(1, fits.created(), fits.errors().toString());
            assertEquals(0, new BigDecimal("999999999999999.99").compareTo(price(f, "P4")), "the largest amount the column holds");

            ImportResult result = assertTimeoutPreemptively(Duration.ofSeconds(1),
                    () -> f.importFile(huge, "products", Map.of(), ValueMapping.NONE, Mode.VALID_ROWS));
            assertEquals(3, result.failed(), result.errors().toString());
            assertTrue(errorOfRow(result, 2).message().contains("too large"), errorOfRow(result, 2).message());
            assertEquals("1e300000000", errorOfRow(result, 2).value());
            assertEquals("1e-300000000", errorOfRow(result, 3).value(), "an exponent that large is refused either way");
            assertTrue(errorOfRow(result, 4).message().contains("at most 15 digits"), errorOfRow(result, 4).message());
        }
        // the amounts built elsewhere are bounded too: no setScale over a 300-million-digit number
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            assertThrows(NumberFormatException.class, () -> Money.of(new BigDecimal("1e300000000"), "CNY"));
            assertEquals(0, BigDecimal.ZERO.compareTo(Money.of(new BigDecimal("1e-300000000"), "CNY").getAmount()));
            assertThrows(Decimals.OutOfRange.class, () -> Money.cny("1e300000000"));
        });
    }

    @Test
    void aDayMonthDateIsReadByTheLocaleOrTheColumnAndAmbiguousOnesAreRowErrors() throws Exception {
        Path lone = ImportFixture.utf8(dir.resolve("lone.csv"), "Name,Next Follow-up\n甲公司,03/04/2026\n乙公司,2026-05-01\n");
        Path settled = ImportFixture.utf8(dir.resolve("settled.csv"), "Name,Next Follow-up\n丙公司,03/04/2026\n丁公司,25/04/2026\n");
        Path us = ImportFixture.utf8(dir.resolve("us.csv"), "Name,Next Follow-up\n庚公司,03/04/2026\n");
        Path mixed = ImportFixture.utf8(dir.resolve("mixed.csv"), "Name,Next Follow-up\n戊公司,25/04/2026\n己公司,04/25/2026\n");
        try (ImportFixture f = new ImportFixture()) {
            ImportResult ambiguous = f.engine.run(lone, ReadOptions.DETECT,
                    f.auto(lone, "customers").withMode(Mode.VALID_ROWS), null);
            assertEquals(1, ambiguous.created());
            RowError error = errorOfRow(ambiguous, 2);
            assertEquals(List.of("Next Follow-up", "03/04/2026"), List.of(error.column(), error.value()));
            assertTrue(error.message().contains("day/month or month/day"), error.message());

            ImportResult american = f.engine.run(us, ReadOptions.DETECT, f.auto(us, "customers").withValues(ValueMapping.NONE.withLocale(Locale.US)),
                    null);
            assertEquals(1, american.created(), american.errors().toString());
            assertEquals(LocalDate.of(2026, 3, 4), followUp(f, "庚公司"), "month first in American English");

            ImportResult detected = f.engine.run(settled, ReadOptions.DETECT, f.auto(settled, "customers"), null);
            assertEquals(2, detected.created(), detected.errors().toString());
            assertEquals(LocalDate.of(2026, 4, 3), followUp(f, "丙公司"), "25/04/2026 in the same column puts the day first");

            ImportResult contradicting = f.engine.run(mixed, ReadOptions.DETECT,
                    f.auto(mixed, "customers").withMode(Mode.VALID_ROWS), null);
            assertEquals(2, contradicting.failed(), contradicting.errors().toString());
            assertTrue(errorOfRow(contradicting, 3).message().contains("row 2"), errorOfRow(contradicting, 3).message());
        }
    }

    private static LocalDate followUp(ImportFixture f, String name) {
        Customer customer = f.customers.find(f.idOf(name)).orElseThrow();
        return customer.getNextFollowUp();
    }
}
