package org.salesbench.ui.internal.preferences;

import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.ui.internal.Messages;

/** Which database to open at the next start; a URL that is not one Salesbench can use is refused on the field. */
public class DatabasePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public DatabasePreferencePage() {
        super(GRID);
        setPreferenceStore(UiPreferences.store());
        setDescription(Messages.Preferences_databaseDescription + "\n" + Messages.Preferences_restart);
    }

    @Override
    public void init(IWorkbench workbench) {
        // nothing to do
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        addField(new StringFieldEditor(UiPreferences.DB_URL, Messages.Preferences_databaseUrl, parent) {
            @Override
            protected boolean doCheckState() {
                String url = getStringValue().strip();
                if (url.isEmpty()) {
                    return true;
                }
                try {
                    new DatabaseSettings(url, null, null);
                    return true;
                } catch (IllegalArgumentException e) {
                    setErrorMessage(e.getMessage());
                    return false;
                }
            }
        });
        addField(new StringFieldEditor(UiPreferences.DB_USER, Messages.Preferences_databaseUser, parent));
    }
}
