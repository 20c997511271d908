package org.salesbench.workflow.ui.internal.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.ui.Services;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.workflow.reminders.ReminderEngine;
import org.salesbench.workflow.reminders.ReminderSetting;

/**
 * The Reminders preference page in the real workbench under Xvfb: every contributed rule is listed; changing the
 * "quote about to expire" rule's days and pressing Apply and Close stores them, and the engine's next run reads them.
 */
class RemindersPreferenceUiTest {

    private static final String RULE = "quoteExpiring";

    private final ReminderEngine engine = Services.get(ReminderEngine.class);

    @AfterEach
    void restore() {
        engine.resetSettings(RULE);
    }

    private ReminderSetting setting() {
        return engine.settings().stream().filter(s -> s.ruleId().equals(RULE)).findFirst().orElseThrow();
    }

    @Test
    void aRulesDaysChangedOnThePageAreWhatTheEngineUses() {
        ReminderSetting before = setting();
        assertEquals(before.defaultDays(), before.days(), "no setting stored yet");
        int days = before.defaultDays() + 4;

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(page.getWorkbenchWindow().getShell(), RemindersPreferencePage.ID, null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        RemindersPreferencePage preferences = (RemindersPreferencePage) dialog.getSelectedPage();
        for (ReminderSetting rule : engine.settings()) {
            // each contributed rule has its line: a box named after it, ticked as it runs, and its days
            Button box = UiTesting.button(dialog.getShell(), rule.label());
            assertEquals(rule.enabled(), box.getSelection(), rule.ruleId());
            assertEquals(rule.days(), preferences.daysOf(rule.ruleId()).getSelection(), rule.ruleId());
        }
        Spinner spinner = preferences.daysOf(RULE);
        assertEquals(before.days(), spinner.getSelection());
        spinner.setSelection(days);
        spinner.notifyListeners(SWT.Modify, new Event());
        UiTesting.click(dialog.getShell(), "Apply and Close");
        UiTesting.waitUntil("the preference dialog closes", () -> !UiTesting.alive(dialog.getShell()));

        assertEquals(days, setting().days());
        assertEquals(before.enabled(), setting().enabled());
    }
}
