package org.salesbench.documents;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.model.Money;

/**
 * Amounts of yuan in Chinese capital numerals (大写金额), as contracts, receipts and invoices write them so that no
 * figure can be altered: 10,010.00 is 壹万零壹拾元整, 1,000,000.05 is 壹佰万元零伍分.
 * <p>
 * The rules followed are those banks apply to cheques and payment orders: one 零 for any run of zeros inside the
 * number or before a lower 万/亿 group that does not start with its thousands digit, none for trailing zeros;
 * 整 after 元 when there are no 角 and 分 (none after 角 or 分); 零 between 元 and 分 when 角 is zero; an amount
 * below one yuan starts with its 角 or 分 (0.05 is 伍分); 壹拾 is written in full. A negative amount is said with
 * 负 in front (a credit note's red amount), 0.00 is 零元整. Refused with a message: fractions of a 分, and more
 * than 13 digits before the decimal point (from ten thousand 亿 on).
 */
public final class CapitalAmounts {

    /** The largest whole part said: 9,999,999,999,999 (玖万玖仟玖佰玖拾玖亿…). */
    public static final int MAX_INTEGER_DIGITS = 13;

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] GROUP_UNITS = { "仟", "佰", "拾", "" };
    private static final long WAN = 10_000L;
    private static final long YI = 100_000_000L;

    private CapitalAmounts() {
    }

    /** The capital numerals of a yuan amount (CNY); other currencies are refused, their units are not 元角分. */
    public static String of(Money money) {
        Objects.requireNonNull(money, "money");
        if (!Money.DEFAULT_CURRENCY.equals(money.getCurrency())) {
            throw new IllegalArgumentException(NLS.bind(Messages.Capital_notYuan, money.getCurrency()));
        }
        return of(money.getAmount());
    }

    /**
     * The capital numerals of an amount of yuan.
     *
     * @throws IllegalArgumentException for fractions of a 分 or more than {@link #MAX_INTEGER_DIGITS} integer digits,
     *                                  with a message naming the amount
     */
    public static String of(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        BigDecimal abs = amount.abs();
        BigDecimal cents;
        try {
            cents = abs.movePointRight(2).setScale(0);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.Capital_fractionOfFen, amount.toPlainString()), e);
        }
        BigInteger[] yuanAndCents = cents.toBigIntegerExact().divideAndRemainder(BigInteger.valueOf(100));
        BigInteger yuan = yuanAndCents[0];
        if (yuan.toString().length() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(NLS.bind(Messages.Capital_tooLarge, amount.toPlainString(), MAX_INTEGER_DIGITS));
        }
        int jiao = yuanAndCents[1].intValue() / 10;
        int fen = yuanAndCents[1].intValue() % 10;
        String sign = amount.signum() < 0 ? "负" : "";
        return sign + say(yuan.longValueExact(), jiao, fen);
    }

    private static String say(long yuan, int jiao, int fen) {
        StringBuilder s = new StringBuilder();
        if (yuan > 0) {
            s.append(integer(yuan)).append('元');
            if (jiao == 0 && fen == 0) {
                return s.append('整').toString();
            }
            if (jiao == 0) {
                return s.append('零').append(DIGITS.charAt(fen)).append('分').toString();
            }
        } else if (jiao == 0 && fen == 0) {
            return "零元整";
        }
        if (jiao > 0) {
            s.append(DIGITS.charAt(jiao)).append('角');
        }
        if (fen > 0) {
            s.append(DIGITS.charAt(fen)).append('分');
        }
        return s.toString();
    }

    /** A whole number from 1: 亿 groups, then 万 groups, each lower group after a zero thousands digit led by 零. */
    private static String integer(long n) {
        if (n >= YI) {
            return joined(belowYi(n / YI) + "亿", n % YI, YI / 10, CapitalAmounts::belowYi);
        }
        return belowYi(n);
    }

    private static String belowYi(long n) {
        if (n >= WAN) {
            return joined(group((int) (n / WAN)) + "万", n % WAN, WAN / 10, m -> group((int) m));
        }
        return group((int) n);
    }

    private static String joined(String high, long low, long lowLeadingUnit, java.util.function.LongFunction<String> sayLow) {
        if (low == 0) {
            return high;
        }
        return high + (low < lowLeadingUnit ? "零" : "") + sayLow.apply(low);
    }

    /** 1 to 9999: a digit and its unit each, one 零 for zeros between digits, nothing for trailing zeros. */
    private static String group(int n) {
        String digits = String.format("%04d", n);
        StringBuilder s = new StringBuilder();
        boolean zeroPending = false;
        for (int i = 0; i < 4; i++) {
            int d = digits.charAt(i) - '0';
            if (d == 0) {
                zeroPending = s.length() > 0;
            } else {
                if (zeroPending) {
                    s.append('零');
                    zeroPending = false;
                }
                s.append(DIGITS.charAt(d)).append(GROUP_UNITS[i]);
            }
        }
        return s.toString();
    }
}
