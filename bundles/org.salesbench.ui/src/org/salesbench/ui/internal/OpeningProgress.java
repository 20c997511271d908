package org.salesbench.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.salesbench.persistence.DatabaseSettings;

/**
 * Opens the database off the user interface thread and, when that takes longer than a moment, shows a small window
 * saying so, with a moving progress bar: a first start creates the whole schema, which on a busy machine takes minutes,
 * and the user saw nothing at all meanwhile. The user interface thread keeps answering the window system meanwhile.
 * <p>
 * Once the database is open the window stays, saying the workbench is being opened, until the workbench window shows
 * ({@link #close()}): making that window takes seconds more (a first start's many more), during which nothing of ours
 * was on the screen.
 */
public final class OpeningProgress {

    /** A quick opening shows no window: it would only flash. */
    public static final int SHOW_AFTER_MILLIS = 500;
    /** The window's text (tests look for it). */
    public static final String SHELL_DATA = "org.salesbench.ui.openingProgress";

    /** The window left up after a successful opening, until the workbench window shows; touched on the UI thread only. */
    private static Shell kept;

    private OpeningProgress() {
    }

    /**
     * Runs {@code opening} in a thread of its own and returns its result; the user interface thread dispatches events
     * until it is done. An exception of the opening is thrown here as it was thrown there, and the window is gone then;
     * after a successful one the window, if it was shown, stays up saying the workbench is being opened, until
     * {@link #close()}.
     */
    public static <T> T open(Display display, DatabaseSettings settings, Supplier<T> opening) {
        boolean creating = isNew(settings);
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(opening.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                if (!display.isDisposed()) {
                    display.wake();
                }
            }
        }, "Salesbench database opening");
        thread.setDaemon(true);
        Shell[] shell = new Shell[1];
        display.timerExec(SHOW_AFTER_MILLIS, () -> {
            if (!result.isDone()) {
                shell[0] = show(display, creating ? Messages.Opening_creating : Messages.Opening_opening);
            }
        });
        thread.start();
        boolean opened = false;
        try {
            while (!result.isDone()) {
                if (!display.readAndDispatch()) {
                    display.sleep();
                }
            }
            opened = !result.isCompletedExceptionally();
        } finally {
            if (shell[0] != null && !shell[0].isDisposed()) {
                if (opened) {
                    keep(shell[0]);
                } else {
                    shell[0].dispose();
                }
            }
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The window stays, saying what comes next, and is painted so before the workbench takes the thread. */
    private static void keep(Shell shell) {
        close();
        shell.setData(SHELL_DATA, Messages.Opening_workbench);
        for (org.eclipse.swt.widgets.Control child : shell.getChildren()) {
            if (child instanceof Label label) {
                label.setText(Messages.Opening_workbench);
            }
        }
        shell.layout(true);
        shell.update();
        kept = shell;
    }

    /**
     * Closes the window a successful opening left up: the workbench window shows (or the start ends another way). Does
     * nothing when there is none; call on the user interface thread.
     */
    public static void close() {
        Shell shell = kept;
        kept = null;
        if (shell != null && !shell.isDisposed()) {
            shell.dispose();
        }
    }

    /** Whether the opening is to create an embedded database (a first start), which takes much longer. */
    private static boolean isNew(DatabaseSettings settings) {
        Path index = settings.dialect() == DatabaseSettings.Dialect.DERBY ? settings.searchIndexFolder() : null;
        if (index == null) {
            return false;
        }
        String name = index.getFileName().toString();
        return !Files.exists(index.resolveSibling(name.substring(0, name.length() - "-search".length())));
    }

    private static Shell show(Display display, String text) {
        Shell shell = new Shell(display, SWT.TITLE | SWT.BORDER | SWT.ON_TOP);
        shell.setData(SHELL_DATA, text);
        shell.setText(Messages.Window_title);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 16;
        layout.marginHeight = 14;
        layout.verticalSpacing = 10;
        shell.setLayout(layout);
        Label label = new Label(shell, SWT.WRAP);
        label.setText(text);
        GridData labelData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        labelData.widthHint = 380;
        label.setLayoutData(labelData);
        ProgressBar bar = new ProgressBar(shell, SWT.HORIZONTAL | SWT.INDETERMINATE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        shell.pack();
        Rectangle screen = display.getPrimaryMonitor().getClientArea();
        Rectangle size = shell.getBounds();
        shell.setLocation(screen.x + (screen.width - size.width) / 2, screen.y + (screen.height - size.height) / 3);
        shell.open();
        return shell;
    }
}
