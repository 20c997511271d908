package org.salesbench.documents.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.salesbench.core.model.Money;
import org.salesbench.documents.CapitalAmounts;

/** Capital numerals checked by hand against the rules banks apply to cheques and payment orders. */
class CapitalAmountsTest {

    private static final String[] AMOUNTS = {
            // the tricky amounts of the issue
            "0.05, 伍分",
            "10010.00, 壹万零壹拾元整",
            "1000000.05, 壹佰万元零伍分",
            "100000000.00, 壹亿元整",
            "0.00, 零元整",
            "1.10, 壹元壹角",
            "100.01, 壹佰元零壹分",
            "105000.00, 壹拾万伍仟元整",
            // below one yuan
            "0.50, 伍角",
            "0.55, 伍角伍分",
            "0.01, 壹分",
            // zeros inside a group: one 零, none at the end
            "1.00, 壹元整",
            "10, 壹拾元整",
            "11, 壹拾壹元整",
            "20, 贰拾元整",
            "101, 壹佰零壹元整",
            "110, 壹佰壹拾元整",
            "1001, 壹仟零壹元整",
            "1010, 壹仟零壹拾元整",
            "1100, 壹仟壹佰元整",
            "9999.99, 玖仟玖佰玖拾玖元玖角玖分",
            // between 万 and 元 groups
            "10000, 壹万元整",
            "10001, 壹万零壹元整",
            "10100, 壹万零壹佰元整",
            "11000, 壹万壹仟元整",
            "100100, 壹拾万零壹佰元整",
            "1000100, 壹佰万零壹佰元整",
            "1680.32, 壹仟陆佰捌拾元叁角贰分",
            "16409.02, 壹万陆仟肆佰零玖元零贰分",
            "325.04, 叁佰贰拾伍元零肆分",
            "107000.53, 壹拾万柒仟元伍角叁分",
            "20000001, 贰仟万零壹元整",
            "12345678.90, 壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角",
            // 亿
            "100000001, 壹亿零壹元整",
            "100010000, 壹亿零壹万元整",
            "110000000, 壹亿壹仟万元整",
            "1000000000, 壹拾亿元整",
            "1234567890.12, 壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分",
            "1000000000000, 壹万亿元整",
            "1000000010000, 壹万亿零壹万元整",
            "9999999999999.99, 玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            // negatives are said with 负 (a credit note's red amount)
            "-0.05, 负伍分",
            "-1234.50, 负壹仟贰佰叁拾肆元伍角",
            // trailing zeros beyond the fen are fine
            "3.000, 叁元整" };

    @Test
    void amountsAreSaidAsBanksWriteThem() {
        assertAll(Arrays.stream(AMOUNTS).map(row -> row.split(", ")).<Executable>map(row -> () -> assertEquals(row[1],
                CapitalAmounts.of(new BigDecimal(row[0])), row[0])));
    }

    @Test
    void moneyInYuanIsSaidAndOtherCurrenciesAreRefused() {
        assertEquals("壹万零壹拾元整", CapitalAmounts.of(Money.cny("10010")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CapitalAmounts.of(Money.of("10", "USD")));
        assertTrue(e.getMessage().contains("USD"), e.getMessage());
    }

    @Test
    void moreThanThirteenIntegerDigitsAreRefusedWithTheAmount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CapitalAmounts.of(new BigDecimal("10000000000000.00")));
        assertTrue(e.getMessage().contains("10000000000000.00") && e.getMessage().contains("13"), e.getMessage());
    }

    @Test
    void fractionsOfAFenAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CapitalAmounts.of(new BigDecimal("1.005")));
        assertTrue(e.getMessage().contains("1.005"), e.getMessage());
    }
}
