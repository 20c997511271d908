package org.salesbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.ui.internal.Messages;
import org.salesbench.ui.internal.OpeningProgress;

/**
 * The database opens off the user interface thread, which keeps answering the window system and, when the opening
 * takes long (a first start creates the schema), shows a window saying so, instead of nothing at all.
 */
class OpeningProgressUiTest {

    private final Display display = Display.getCurrent();
    private final DatabaseSettings settings = DatabaseSettings.inMemory("opening-progress");

    private String progressText() {
        return Arrays.stream(display.getShells()).filter(s -> !s.isDisposed() && s.getData(OpeningProgress.SHELL_DATA) != null)
                .map(s -> (String) s.getData(OpeningProgress.SHELL_DATA)).findFirst().orElse(null);
    }

    @Test
    void aLongOpeningRunsOffTheUiThreadAndShowsAWindowUntilItIsDone() {
        AtomicReference<String> seen = new AtomicReference<>();
        Thread ui = Thread.currentThread();
        String opened = OpeningProgress.open(display, settings, () -> {
            assertNotSame(ui, Thread.currentThread(), "the opening runs in a thread of its own");
            // the window appears after a moment; the user interface thread answers meanwhile (syncExec runs on it)
            for (int i = 0; i < 200 && seen.get() == null; i++) {
                sleep(50);
                display.syncExec(() -> seen.set(progressText()));
            }
            return "opened";
        });
        assertEquals("opened", opened);
        assertEquals(Messages.Opening_opening, seen.get(), "the window said what is going on while the opening ran");
        assertEquals(Messages.Opening_workbench, progressText(),
                "once the database is open it stays, saying the workbench comes, until the workbench window shows");
        OpeningProgress.close();
        assertEquals(null, progressText(), "and is gone when the workbench window shows");
        OpeningProgress.close(); // again: nothing left to close
    }

    @Test
    void aQuickOpeningShowsNoWindow() {
        AtomicReference<String> seen = new AtomicReference<>("not looked");
        assertEquals(42, OpeningProgress.open(display, settings, () -> {
            display.syncExec(() -> seen.set(progressText()));
            return 42;
        }));
        assertEquals(null, seen.get());
    }

    @Test
    void aFailedOpeningThrowsItsOwnExceptionOnTheUiThread() {
        DatabaseException failure = new DatabaseException(DatabaseException.Reason.CONNECT, "Cannot connect: nobody home", null);
        DatabaseException thrown = assertThrows(DatabaseException.class, () -> OpeningProgress.open(display, settings, () -> {
            sleep(OpeningProgress.SHOW_AFTER_MILLIS + 300);
            throw failure;
        }));
        assertSame(failure, thrown, "the reason reaches the error dialog unchanged");
        assertEquals(null, progressText(), "no window stays up over the error dialog");
        assertTrue(Arrays.stream(display.getShells()).noneMatch(s -> s.getData(OpeningProgress.SHELL_DATA) != null && !s.isDisposed()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
