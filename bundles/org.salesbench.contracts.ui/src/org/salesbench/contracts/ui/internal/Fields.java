package org.salesbench.contracts.ui.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.DateTime;
import org.salesbench.core.validation.Decimals;

/** Reading the dialogs' fields: a number or a message naming the field. */
final class Fields {

    private Fields() {
    }

    /** The amount typed in {@code text}, or an {@link IllegalArgumentException} whose message names {@code label}. */
    static BigDecimal amount(String label, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Field_required, label));
        }
        try {
            return Decimals.parseAmount(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.Field_notANumber, label, text.strip()));
        }
    }

    static LocalDate date(DateTime field) {
        return LocalDate.of(field.getYear(), field.getMonth() + 1, field.getDay());
    }

    static void set(DateTime field, LocalDate date) {
        field.setDate(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
    }
}
