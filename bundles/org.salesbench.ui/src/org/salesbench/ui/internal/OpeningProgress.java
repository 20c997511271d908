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
 */
public final class OpeningProgress {

    /** A quick opening shows no window: it would only flash. */
    public static final int SHOW_AFTER_MILLIS = 500;
    /** The window's text (tests look for it). */
    public static final String SHELL_DATA = "org.salesbench.ui.openingProgress";

    private OpeningProgress() {
    }

    /**
     * Runs {@code opening} in a thread of its own and returns its result; the user interface thread dispatches events
     * until it is done. An exception of the opening is thrown here as it was thrown there.
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
        try {
            while (!result.isDone()) {
                if (!display.readAndDispatch()) {
                    display.sleep();
                }
            }
        } finally {
            if (shell[0] != null && !shell[0].isDisposed()) {
                shell[0].dispose();
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
