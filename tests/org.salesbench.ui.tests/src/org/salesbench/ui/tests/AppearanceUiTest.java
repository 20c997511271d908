package org.salesbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.ui.css.swt.theme.ITheme;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.ui.forms.Colours;
import org.salesbench.ui.internal.preferences.AppearancePreferencePage;
import org.salesbench.ui.testing.UiTesting;

/**
 * Window › Preferences › Appearance: the light and dark CSS themes are installed (the engine finds its default theme) and
 * choosing Dark restyles the open window, our lists included.
 */
class AppearanceUiTest {

    private final IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();

    @AfterEach
    void backToLight() {
        IThemeEngine engine = AppearancePreferencePage.engine(Display.getCurrent());
        if (engine != null) {
            engine.setTheme(AppearancePreferencePage.LIGHT, true);
            UiTesting.processEvents();
        }
    }

    @Test
    void theLightAndDarkThemesAreInstalledAndTheLightOneIsTheDefault() {
        IThemeEngine engine = AppearancePreferencePage.engine(Display.getCurrent());
        assertNotNull(engine, "the workbench styles with CSS");
        List<String> ids = engine.getThemes().stream().map(ITheme::getId).toList();
        assertTrue(ids.contains(AppearancePreferencePage.LIGHT) && ids.contains(AppearancePreferencePage.DARK), ids.toString());
        assertEquals(AppearancePreferencePage.LIGHT, engine.getActiveTheme().getId(), "e4_default found and active");
    }

    @Test
    void choosingDarkInThePreferencesRestylesTheOpenLists() throws Exception {
        window.getActivePage().showView("org.salesbench.customers.ui.views.customers");
        UiTesting.processEvents();
        // a list is an SWT table or a grid (NatTable), which paints in its view's background (VirtualGrid)
        org.eclipse.swt.widgets.Control listControl = UiTesting.find(window.getShell(), org.eclipse.swt.widgets.Control.class,
                c -> c.isVisible() && (c instanceof Table || c.getClass().getSimpleName().equals("NatTable"))).get(0);
        org.eclipse.swt.widgets.Control list = listControl instanceof Table ? listControl : listControl.getParent();
        assertFalse(Colours.isDark(list.getBackground().getRGB()), "light to start with");

        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window.getShell(), "org.salesbench.ui.preferences.appearance", null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            AppearancePreferencePage page = (AppearancePreferencePage) dialog.getSelectedPage();
            List<String> items = Arrays.asList(page.themeCombo().getItems());
            assertTrue(items.contains("Light") && items.contains("Dark"), items.toString());
            assertEquals("Light", page.themeCombo().getText());
            UiTesting.choose(page.themeCombo(), "Dark");
            UiTesting.screenshot("appearance-preferences");
            assertTrue(page.performOk());
        } finally {
            dialog.close();
        }
        UiTesting.processEvents();
        IThemeEngine engine = AppearancePreferencePage.engine(Display.getCurrent());
        assertEquals(AppearancePreferencePage.DARK, engine.getActiveTheme().getId());
        UiTesting.waitUntil("the list restyled dark", () -> Colours.isDark(list.getBackground().getRGB()), 5_000);
        UiTesting.screenshot("dark-theme");
    }
}
