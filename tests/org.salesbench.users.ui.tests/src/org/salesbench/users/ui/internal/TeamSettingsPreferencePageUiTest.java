package org.salesbench.users.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.salesbench.core.recyclebin.RecycleBin;
import org.salesbench.core.settings.TeamSettings;
import org.salesbench.ui.Services;

/**
 * Preferences › Team settings in the real workbench under Xvfb, on the embedded database (whose owner is its
 * administrator): the page shows the recycle bin's time to restore, a changed value is stored for the team and the
 * running product's recycle bin follows it, and Restore Defaults brings back 30 days.
 */
class TeamSettingsPreferencePageUiTest {

    @Test
    void anAdministratorSetsTheTimeToRestoreOnThePageAndTheBinFollows() {
        TeamSettings settings = Services.get(TeamSettings.class);
        RecycleBin bin = Services.get(RecycleBin.class);
        settings.reset(RecycleBin.RETENTION.name());
        Shell shell = new Shell(PlatformUI.getWorkbench().getDisplay());
        try {
            TeamSettingsPreferencePage page = new TeamSettingsPreferencePage();
            page.init(PlatformUI.getWorkbench());
            page.createControl(shell);
            Spinner days = page.spinner(RecycleBin.RETENTION.name());
            assertNotNull(days, "the page shows the recycle bin's setting");
            assertEquals(30, days.getSelection());
            assertEquals(3650, days.getMaximum());

            days.setSelection(14);
            assertTrue(page.performOk(), page.getErrorMessage());
            assertEquals(14, settings.value(RecycleBin.RETENTION));
            assertEquals(Duration.ofDays(14), bin.retention(), "the running recycle bin reads the team's setting");

            page.performDefaults();
            assertEquals(30, days.getSelection());
            assertTrue(page.performOk());
            assertEquals(Duration.ofDays(30), bin.retention());
            assertFalse(settings.stored(RecycleBin.RETENTION.name()).isEmpty(), "stored as set, the default value");
        } finally {
            settings.reset(RecycleBin.RETENTION.name());
            shell.dispose();
        }
    }
}
