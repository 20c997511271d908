package org.salesbench.workflow.ui.internal.process;

import java.text.NumberFormat;

/** Days as the process views show them: one decimal. */
final class Days {

    private Days() {
    }

    static String format(double days) {
        NumberFormat format = NumberFormat.getNumberInstance();
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(days);
    }
}
