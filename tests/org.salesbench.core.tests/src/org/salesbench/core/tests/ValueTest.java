package org.salesbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.salesbench.core.model.DateRange;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.core.validation.Decimals;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.core.validation.Validator;

class ValueTest {

    @Test
    void moneyRoundsToTheMinorUnitHalfUp() {
        assertEquals(new BigDecimal("0.13"), Money.cny("1.00").percent(new BigDecimal("12.5")).getAmount());
        assertEquals(new BigDecimal("100"), Money.of("99.5", "JPY").getAmount());
        assertEquals(Money.cny("3.30"), Money.cny("1.10").plus(Money.cny("2.2")));
        assertEquals("CNY 3.33", Money.cny("10").times(new BigDecimal("0.333")).toString());
    }

    @Test
    void numbersAreBoundedBeforeAnythingIsComputed() {
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(1), () -> {
            assertThrows(Decimals.OutOfRange.class, () -> Decimals.parse("1e300000000"));
            assertThrows(Decimals.OutOfRange.class, () -> Decimals.parse("1E-2147483648"));
            assertThrows(Decimals.OutOfRange.class, () -> Decimals.parse("9".repeat(500)));
            assertThrows(Decimals.OutOfRange.class, () -> Money.of(new BigDecimal("1e300000000"), "CNY"));
            assertEquals(new BigDecimal("0.00"), Money.of(new BigDecimal("1e-300000000"), "CNY").getAmount());
        });
        assertThrows(NumberFormatException.class, () -> Decimals.parse("1e"));
        assertEquals(new BigDecimal("1.5E+3"), Decimals.parse(" 1.5e3 "));
        assertEquals(new BigDecimal("999999999999999.9999"), Decimals.parseAmount("999999999999999.9999"), "DECIMAL(19,4)'s largest");
        assertThrows(Decimals.OutOfRange.class, () -> Decimals.parseAmount("1000000000000000"));
        Validator v = new Validator();
        v.amount("amount", "Amount", new BigDecimal("1e15"));
        assertEquals("Amount: 1E+15 is too large (at most 15 digits before the decimal point)", v.errors().get(0).message());
    }

    @Test
    void moneyRefusesToMixCurrencies() {
        assertThrows(IllegalArgumentException.class, () -> Money.cny("1").plus(Money.of("1", "USD")));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "XYZ1"));
    }

    @Test
    void dateRanges() {
        DateRange q = DateRange.quarterOf(LocalDate.of(2026, 11, 27));
        assertEquals(LocalDate.of(2026, 10, 1), q.start());
        assertEquals(LocalDate.of(2026, 12, 31), q.end());
        assertEquals(92, q.days());
        assertThrows(IllegalArgumentException.class, () -> new DateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)));
    }

    @Test
    void creditCodeChecksum() {
        // a published example code and one made with the check character function
        assertTrue(CreditCode.isValid("91350100M000100Y43"));
        assertTrue(CreditCode.isValid("9135 0100 M000 100Y43"), "spaces are ignored");
        String made = CreditCode.withCheckCharacter("91110108MA01ABCD1");
        assertTrue(CreditCode.isValid(made), made);
        assertFalse(CreditCode.isValid("91350100M000100Y44"), "wrong check character");
        assertFalse(CreditCode.isValid("91350100M000100Y4"), "17 characters");
        assertFalse(CreditCode.isValid("91350100M00O100Y43"), "the letter O is not in the alphabet");
    }

    @Test
    void validatorNamesEachFieldItRefuses() {
        Validator v = new Validator();
        v.required("name", "Name", " ");
        v.email("email", "E-mail", "not-an-address");
        v.phone("phone", "Phone", "12");
        v.notNegative("amount", "Amount", new BigDecimal("-1"));
        v.phone("ok", "Phone", "+86 138 0013 8000");
        v.email("ok2", "E-mail", "li.wei@example.cn");
        ValidationException e = assertThrows(ValidationException.class, v::throwIfInvalid);
        assertEquals(4, e.getErrors().size());
        assertEquals("Name is required", e.errorOf("name").message());
        assertTrue(e.errorOf("email").message().contains("not-an-address"));
        assertTrue(e.errorOf("phone").message().contains("12"));
    }
}
