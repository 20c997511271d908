package org.salesbench.ui.internal.preferences;

import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.salesbench.ui.internal.Messages;

/** English or Simplified Chinese from the next start (the launcher passes it as -nl). */
public class LocalePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public LocalePreferencePage() {
        super(GRID);
        setPreferenceStore(UiPreferences.store());
        setDescription(Messages.Preferences_localeDescription + "\n" + Messages.Preferences_restart);
    }

    @Override
    public void init(IWorkbench workbench) {
        // nothing to do
    }

    @Override
    protected void createFieldEditors() {
        // the language names are written in their own language, as users look for them
        addField(new ComboFieldEditor(UiPreferences.LOCALE, Messages.Preferences_locale,
                new String[][] {{Messages.Preferences_localeDefault, ""}, {"English", "en"}, {"简体中文", "zh_CN"}},
                getFieldEditorParent()));
    }
}
