package org.salesbench.ui.internal.preferences;

import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.salesbench.ui.internal.Messages;

/** The local user's login and display name, used from the next start. */
public class UserPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public UserPreferencePage() {
        super(GRID);
        setPreferenceStore(UiPreferences.store());
        setDescription(Messages.Preferences_userDescription + "\n" + Messages.Preferences_restart);
    }

    @Override
    public void init(IWorkbench workbench) {
        // nothing to do
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        StringFieldEditor login = new StringFieldEditor(UiPreferences.USER_LOGIN, Messages.Preferences_userLogin, parent) {
            @Override
            protected boolean doCheckState() {
                String value = getStringValue().strip();
                return value.isEmpty() || value.matches("[A-Za-z0-9._-]{2,64}");
            }
        };
        login.setErrorMessage(Messages.Preferences_badLogin);
        addField(login);
        addField(new StringFieldEditor(UiPreferences.USER_DISPLAY_NAME, Messages.Preferences_userDisplayName, parent));
    }
}
