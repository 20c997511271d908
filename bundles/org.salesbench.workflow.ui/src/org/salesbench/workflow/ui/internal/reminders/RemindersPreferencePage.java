package org.salesbench.workflow.ui.internal.reminders;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.workflow.reminders.ReminderEngine;
import org.salesbench.workflow.reminders.ReminderSetting;

/**
 * The reminder rules' settings, one line per contributed rule (an add-on's rule from the {@code reminderRules}
 * extension point appears like the shipped ones): whether it runs and its number of days, with the contribution's values
 * beside. Stored through {@link ReminderEngine#configure} as {@code reminder.<id>.enabled|days}; Restore Defaults gives
 * each rule its contribution's values back.
 */
public class RemindersPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "org.salesbench.workflow.ui.preferences.reminders"; //$NON-NLS-1$

    /** One rule's line: its setting as read and its widgets. */
    record Line(ReminderSetting setting, Button enabled, Spinner days) {
    }

    private ReminderEngine engine;
    private final List<Line> lines = new ArrayList<>();

    @Override
    public void init(IWorkbench workbench) {
        engine = Services.get(ReminderEngine.class);
        setDescription(Messages.Page_description);
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(3, false));
        List<ReminderSetting> settings = engine.settings();
        if (settings.isEmpty()) {
            new Label(body, SWT.NONE).setText(Messages.Page_none);
            return body;
        }
        new Label(body, SWT.NONE).setText(Messages.Page_rule);
        new Label(body, SWT.NONE).setText(Messages.Page_days);
        new Label(body, SWT.NONE);
        for (ReminderSetting setting : settings) {
            Button enabled = new Button(body, SWT.CHECK);
            enabled.setText(setting.label());
            enabled.setSelection(setting.enabled());
            enabled.setData(setting.ruleId());
            enabled.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Spinner days = new Spinner(body, SWT.BORDER);
            days.setValues(setting.days(), 0, 3650, 0, 1, 7);
            days.setData(setting.ruleId());
            Label defaults = new Label(body, SWT.NONE);
            defaults.setText(NLS.bind(Messages.Page_default, setting.defaultEnabled() ? "✓" : "✗", setting.defaultDays())); //$NON-NLS-1$ //$NON-NLS-2$
            lines.add(new Line(setting, enabled, days));
        }
        return body;
    }

    @Override
    protected void performDefaults() {
        for (Line line : lines) {
            line.enabled().setSelection(line.setting().defaultEnabled());
            line.days().setSelection(line.setting().defaultDays());
        }
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        try {
            for (Line line : lines) {
                ReminderSetting s = line.setting();
                boolean enabled = line.enabled().getSelection();
                int days = line.days().getSelection();
                if (enabled == s.defaultEnabled() && days == s.defaultDays()) {
                    // the contribution's values: an add-on's later default applies again
                    engine.resetSettings(s.ruleId());
                } else {
                    engine.configure(s.ruleId(), enabled, days);
                }
            }
        } catch (RuntimeException e) {
            setErrorMessage(NLS.bind(Messages.Page_refused, Jobs.message(e)));
            return false;
        }
        return true;
    }

    /** The days field of a rule (for tests). */
    Spinner daysOf(String ruleId) {
        return lines.stream().filter(l -> l.setting().ruleId().equals(ruleId)).findFirst().orElseThrow().days();
    }
}
