package org.salesbench.users.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
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
    /** Settings of named values (a default template): a read-only combo of the names, sized to the longest. */
    private final Map<TeamSettings.Setting, Combo> combos = new LinkedHashMap<>();
    private final Map<TeamSettings.Setting, List<Integer>> comboValues = new LinkedHashMap<>();

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
            Map<Integer, String> choices = service.choices(setting);
            if (!choices.isEmpty()) {
                combo(body, setting, choices);
                continue;
            }
            Spinner spinner = new Spinner(body, SWT.BORDER);
            spinner.setValues(service.value(setting), setting.min(), setting.max(), 0, 1, 10);
            spinner.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
            spinners.put(setting, spinner);
        }
        return body;
    }

    /** The names in a read-only combo; a stored value no longer among them (a template deleted since) is listed by its number. */
    private void combo(Composite body, TeamSettings.Setting setting, Map<Integer, String> choices) {
        Combo combo = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
        List<Integer> values = new ArrayList<>(choices.keySet());
        int value = service.value(setting);
        if (!values.contains(value)) {
            values.add(value);
        }
        for (int v : values) {
            combo.add(choices.getOrDefault(v, Integer.toString(v)));
        }
        combo.select(values.indexOf(value));
        combo.setVisibleItemCount(Math.min(values.size(), 15));
        combo.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
        combos.put(setting, combo);
        comboValues.put(setting, values);
    }

    private int selected(TeamSettings.Setting setting) {
        Combo combo = combos.get(setting);
        return combo.getSelectionIndex() < 0 ? service.value(setting) : comboValues.get(setting).get(combo.getSelectionIndex());
    }

    @Override
    protected void performDefaults() {
        spinners.forEach((setting, spinner) -> spinner.setSelection(setting.defaultValue()));
        combos.forEach((setting, combo) -> combo.select(comboValues.get(setting).indexOf(setting.defaultValue())));
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
            for (TeamSettings.Setting setting : combos.keySet()) {
                if (selected(setting) != service.value(setting)) {
                    service.set(setting.name(), selected(setting));
                }
            }
            setErrorMessage(null);
            return true;
        } catch (ValidationException | AccessDeniedException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }

    /** The combo of {@code name}, a setting of named values (tests). */
    Combo combo(String name) {
        return combos.entrySet().stream().filter(e -> e.getKey().name().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The spinner of {@code name} (tests). */
    Spinner spinner(String name) {
        return spinners.entrySet().stream().filter(e -> e.getKey().name().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
