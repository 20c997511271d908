package org.salesbench.users.ui.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.settings.TeamSettings;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.ui.Services;

/**
 * The team's settings (the recycle bin's time to restore first): stored in the database, so they hold for every client;
 * only an administrator changes them, and the service refuses anyone else with a message shown on the page.
 */
public class TeamSettingsPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    private TeamSettings service;
    private final Map<TeamSettings.Setting, Spinner> spinners = new LinkedHashMap<>();

    @Override
    public void init(IWorkbench workbench) {
        service = Services.get(TeamSettings.class);
        setDescription(Messages.TeamSettings_description);
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(2, false));
        for (TeamSettings.Setting setting : service.settings()) {
            new Label(body, SWT.NONE).setText(setting.description());
            Spinner spinner = new Spinner(body, SWT.BORDER);
            spinner.setValues(service.value(setting), setting.min(), setting.max(), 0, 1, 10);
            spinner.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
            spinners.put(setting, spinner);
        }
        return body;
    }

    @Override
    protected void performDefaults() {
        spinners.forEach((setting, spinner) -> spinner.setSelection(setting.defaultValue()));
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        try {
            for (Map.Entry<TeamSettings.Setting, Spinner> e : spinners.entrySet()) {
                if (e.getValue().getSelection() != service.value(e.getKey())) {
                    service.set(e.getKey().name(), e.getValue().getSelection());
                }
            }
            setErrorMessage(null);
            return true;
        } catch (ValidationException | AccessDeniedException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }

    /** The spinner of {@code name} (tests). */
    Spinner spinner(String name) {
        return spinners.entrySet().stream().filter(e -> e.getKey().name().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
