package org.salesbench.workflow.ui.internal.tasks;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;

/** A day and a time of day, in the user's time zone: a task's due time or the end of a snooze. */
final class DueField {

    private final Composite composite;
    private final DateTime date;
    private final DateTime time;

    DueField(Composite parent, Instant initial) {
        composite = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        composite.setLayout(layout);
        date = new DateTime(composite, SWT.DATE | SWT.MEDIUM | SWT.DROP_DOWN | SWT.BORDER);
        time = new DateTime(composite, SWT.TIME | SWT.SHORT | SWT.BORDER);
        LocalDateTime at = LocalDateTime.ofInstant(initial, ZoneId.systemDefault());
        date.setDate(at.getYear(), at.getMonthValue() - 1, at.getDayOfMonth());
        time.setTime(at.getHour(), at.getMinute(), 0);
    }

    Composite control() {
        return composite;
    }

    DateTime date() {
        return date;
    }

    void setEnabled(boolean enabled) {
        date.setEnabled(enabled);
        time.setEnabled(enabled);
    }

    Instant value() {
        return LocalDateTime.of(date.getYear(), date.getMonth() + 1, date.getDay(), time.getHours(), time.getMinutes())
                .atZone(ZoneId.systemDefault()).toInstant();
    }
}
