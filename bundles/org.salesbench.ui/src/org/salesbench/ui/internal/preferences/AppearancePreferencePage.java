package org.salesbench.ui.internal.preferences;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.css.swt.theme.ITheme;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.PlatformUI;
import org.salesbench.ui.internal.Messages;

/**
 * The colour theme: light or dark (the e4 CSS themes of {@code org.eclipse.ui.themes}), applied at once and kept for the
 * next start by the theme engine itself.
 */
public class AppearancePreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    /** The themes the product ships: the platform's light default and its dark theme. */
    public static final String LIGHT = "org.eclipse.e4.ui.css.theme.e4_default"; //$NON-NLS-1$
    public static final String DARK = "org.eclipse.e4.ui.css.theme.e4_dark"; //$NON-NLS-1$

    private IThemeEngine engine;
    private final List<ITheme> themes = new ArrayList<>();
    private Combo combo;

    public AppearancePreferencePage() {
        setDescription(Messages.Preferences_appearanceDescription);
        noDefaultAndApplyButton();
    }

    @Override
    public void init(IWorkbench workbench) {
        engine = engine(workbench.getDisplay());
    }

    /** The workbench's CSS theme engine, {@code null} where styling is off. */
    public static IThemeEngine engine(Display display) {
        IThemeEngine engine = PlatformUI.isWorkbenchRunning() ? PlatformUI.getWorkbench().getService(IThemeEngine.class) : null;
        if (engine == null && display.getData("org.eclipse.e4.ui.css.swt.theme") instanceof IThemeEngine e) { //$NON-NLS-1$
            engine = e;
        }
        return engine;
    }

    /** A theme's name as our users read it: ours for the two we ship, the theme's own for any other. */
    public static String label(ITheme theme) {
        return switch (theme.getId()) {
            case LIGHT -> Messages.Preferences_themeLight;
            case DARK -> Messages.Preferences_themeDark;
            default -> theme.getLabel();
        };
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(2, false));
        new Label(body, SWT.NONE).setText(Messages.Preferences_theme);
        combo = new Combo(body, SWT.READ_ONLY);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        if (engine == null) {
            combo.setEnabled(false);
            setMessage(Messages.Preferences_noThemes, WARNING);
            return body;
        }
        ITheme active = engine.getActiveTheme();
        for (ITheme theme : engine.getThemes()) {
            themes.add(theme);
            combo.add(label(theme));
            if (active != null && active.getId().equals(theme.getId())) {
                combo.select(combo.getItemCount() - 1);
            }
        }
        if (combo.getSelectionIndex() < 0 && combo.getItemCount() > 0) {
            combo.select(0);
        }
        return body;
    }

    /** The theme combo (tests choose from it). */
    public Combo themeCombo() {
        return combo;
    }

    @Override
    public boolean performOk() {
        int index = combo == null ? -1 : combo.getSelectionIndex();
        if (engine != null && index >= 0) {
            ITheme chosen = themes.get(index);
            ITheme active = engine.getActiveTheme();
            if (active == null || !active.getId().equals(chosen.getId())) {
                engine.setTheme(chosen, true); // restyles the open windows and is remembered for the next start
            }
        }
        return true;
    }
}
