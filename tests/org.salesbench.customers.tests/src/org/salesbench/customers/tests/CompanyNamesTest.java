package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.salesbench.customers.internal.CompanyNames;

/** Folding company names: the spellings of one company compare equal. */
class CompanyNamesTest {

    @Test
    void spellingsOfOneCompanyFoldAlike() {
        assertEquals("acme", CompanyNames.normalise("ACME Co., Ltd."));
        assertEquals("acme", CompanyNames.normalise("ａｃｍｅ"));
        assertEquals("acme", CompanyNames.normalise("ACME有限公司"));
        assertEquals("华为技术", CompanyNames.normalise("华为技术股份有限公司"));
        assertEquals("深圳华为技术", CompanyNames.normalise(" 深圳 华为技术有限公司。"), "trailing full-width punctuation, then the legal form");
        assertEquals("taco", CompanyNames.normalise("Taco"), "a Latin suffix must stand as its own word");
        assertEquals("obriensons", CompanyNames.normalise("O'Brien & Sons, Inc."));
        assertEquals("a\uD840\uDC00b", CompanyNames.normalise("a \uD840\uDC00 b"), "a character outside the BMP stays");
        assertEquals("", CompanyNames.normalise(null));
        assertEquals("", CompanyNames.normalise("、。！"));
    }

    /** Every code point: the test that replaced a regular expression drops exactly what the expression matched. */
    @Test
    void spacesAndPunctuationAreExactlyWhatTheRegularExpressionMatched() {
        Pattern reference = Pattern.compile("[\\s\\p{Punct}\\p{IsPunctuation}]");
        StringBuilder differing = new StringBuilder();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (reference.matcher(Character.toString(c)).matches() != CompanyNames.isSpaceOrPunctuation(c) && differing.length() < 100) {
                differing.append(Integer.toHexString(c)).append(' ');
            }
        }
        assertEquals("", differing.toString());
    }
}
