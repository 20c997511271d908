package org.salesbench.opportunities.internal;

import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManager;

import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.Picklists;

/**
 * Industries as the rules compare them: by the code of the {@link Picklists#INDUSTRY industry} picklist. Records store
 * codes, but a rule may have been written with a label ("Technology", "信息技术") or a record keep a text from before
 * the list; both sides are read as the code they name ({@link Picklists#resolve}'s rule, inside the caller's
 * transaction), a text naming no value of the list as itself.
 */
public final class IndustryCodes {

    private static final String SQL = "SELECT CODE, LABEL_EN, LABEL_ZH FROM SB_PICKLIST_VALUE WHERE LIST_ID = '" + Picklists.INDUSTRY
            + "' AND (UPPER(CODE) = ? OR UPPER(LABEL_EN) = ? OR LABEL_ZH = ?) ORDER BY POSITION";

    private IndustryCodes() {
    }

    /** The code {@code text} names (its code, English or Chinese label, case and surrounding blanks ignored), else the text stripped; {@code null} for none. */
    public static String codeOf(EntityManager em, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        String upper = t.toUpperCase(Locale.ROOT);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = MaskingViews.query(em, SQL).setParameter(1, upper).setParameter(2, upper).setParameter(3, t).getResultList();
        for (Object[] row : rows) { // a code first, as Picklists.resolve does
            if (((String) row[0]).equalsIgnoreCase(t)) {
                return (String) row[0];
            }
        }
        return rows.isEmpty() ? t : (String) rows.get(0)[0];
    }

    /** Whether two industries name the same value of the list (or are the same text when the list has none). */
    public static boolean same(EntityManager em, String a, String b) {
        String x = codeOf(em, a);
        return x != null && x.equalsIgnoreCase(codeOf(em, b));
    }
}
