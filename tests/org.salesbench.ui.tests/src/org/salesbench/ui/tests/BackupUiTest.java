package org.salesbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.persistence.Backups;
import org.salesbench.ui.internal.backup.BackupPreferences;
import org.salesbench.ui.internal.backup.ScheduledBackups;

/** File › Backup… is in the menu; the Backups preference page turns the daily backup on, which then backs up online. */
class BackupUiTest {

    private final IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        BackupPreferences.store().setToDefault(BackupPreferences.AUTO);
        BackupPreferences.store().setToDefault(BackupPreferences.FOLDER);
        BackupPreferences.store().setToDefault(BackupPreferences.KEEP);
    }

    @Test
    void theFileMenuOffersBackup() {
        MenuItem file = window.getShell().getMenuBar().getItem(0);
        file.getMenu().notifyListeners(SWT.Show, new Event()); // the workbench fills a menu when it is shown
        List<String> items = Arrays.stream(file.getMenu().getItems()).map(MenuItem::getText).toList();
        assertTrue(items.stream().anyMatch(t -> t.startsWith("Backup…")), items.toString());
        file.getMenu().notifyListeners(SWT.Hide, new Event());
    }

    @Test
    void theDailyBackupTurnedOnInThePreferencesBacksUpOnceADayKeepingTheNewest() throws Exception {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window.getShell(), "org.salesbench.ui.preferences.backup",
                null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            PreferencePage page = (PreferencePage) dialog.getSelectedPage();
            Button daily = find(page.getControl(), Button.class).stream().filter(b -> (b.getStyle() & SWT.CHECK) != 0).findFirst().orElseThrow();
            daily.setSelection(true);
            daily.notifyListeners(SWT.Selection, new Event());
            List<Text> texts = find(page.getControl(), Text.class);
            type(texts.get(0), "relative/folder");
            assertTrue(!page.isValid(), "the folder is a full path");
            type(texts.get(0), dir.toString());
            assertTrue(page.isValid(), page.getErrorMessage());
            type(texts.get(1), "0");
            assertTrue(!page.isValid(), "at least one backup is kept");
            type(texts.get(1), "2");
            assertTrue(page.isValid(), page.getErrorMessage());
            assertTrue(page.performOk());
        } finally {
            dialog.close();
        }
        assertTrue(BackupPreferences.store().getBoolean(BackupPreferences.AUTO));

        IStatus taken = ScheduledBackups.runIfDue(new NullProgressMonitor());
        assertEquals(IStatus.INFO, taken.getSeverity(), taken.getMessage()); // "The backup is in …"
        List<Path> backups = Backups.datedBackups(dir);
        assertEquals(1, backups.size(), backups.toString());
        try (var files = Files.list(backups.get(0))) {
            Path made = files.findFirst().orElseThrow();
            assertTrue(Files.isRegularFile(made.resolve("service.properties")), made.toString());
        }
        ScheduledBackups.runIfDue(new NullProgressMonitor());
        assertEquals(backups, Backups.datedBackups(dir), "one a day: the next is not due yet");
    }

    private static void type(Text text, String value) {
        text.setText(value);
        text.notifyListeners(SWT.KeyUp, new Event());
        text.notifyListeners(SWT.Modify, new Event());
        text.notifyListeners(SWT.FocusOut, new Event()); // the folder field checks when it loses the focus
    }

    private static <T extends Control> List<T> find(Control control, Class<T> type) {
        List<T> found = new ArrayList<>();
        if (type.isInstance(control)) {
            found.add(type.cast(control));
        }
        if (control instanceof Composite c) {
            for (Control child : c.getChildren()) {
                found.addAll(find(child, type));
            }
        }
        return found;
    }
}
