package org.salesbench.ui.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DragSourceListener;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.DropTargetListener;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;

/**
 * Drives the real SWT event loop in tests (there is no SWTBot on Maven Central): waits for visible state,
 * never for a fixed time, and presses widgets as a user would.
 */
public final class UiTesting {

    /** How long a wait for the UI lasts before the test fails, unless a test says otherwise. */
    public static final long TIMEOUT_MS = 20_000;
    /** How often a wait looks at its condition when no event wakes it. */
    private static final int POLL_MS = 10;

    private UiTesting() {
    }

    /** Processes events until {@code condition} holds, failing after {@code timeoutMs}. */
    public static void waitUntil(String what, BooleanSupplier condition, long timeoutMs) {
        waitUntil(what, condition, timeoutMs, () -> {
        });
    }

    /** Waits as {@link #waitUntil(String, BooleanSupplier, long)} and, each time the display is idle, runs {@code whenIdle}. */
    private static void waitUntil(String what, BooleanSupplier condition, long timeoutMs, Runnable whenIdle) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + timeoutMs;
        Runnable wake = () -> {
        };
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("Timed out after " + timeoutMs + " ms waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                whenIdle.run();
                // a background thread may change the condition without posting an event: wake up to look again
                display.timerExec(POLL_MS, wake);
                display.sleep();
            }
        }
    }

    /** {@link #waitUntil(String, BooleanSupplier, long)} with the default timeout. */
    public static void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, condition, TIMEOUT_MS);
    }

    /** Runs every event already queued (asyncExec results, paints, layouts), and returns when none is left. */
    public static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // keep going until the queue is empty
        }
    }

    /**
     * Waits until no job of the family runs or waits and the results they posted by asyncExec have been shown
     * (which may schedule more jobs of the family: those are waited for too).
     */
    public static void waitForJobs(Object family) {
        waitUntil("jobs of " + family + " to finish and their results to be shown", () -> {
            if (Job.getJobManager().find(family).length > 0) {
                return false;
            }
            processEvents();
            return Job.getJobManager().find(family).length == 0;
        }, 60_000);
    }

    /**
     * Waits until a list shows {@code expected}: {@code shown} is read again after the jobs of {@code family} (which read
     * the rows) have finished and their results have been shown.
     */
    public static void waitForRows(Supplier<List<String>> shown, List<String> expected, Object family) {
        waitUntil("the rows " + expected, () -> {
            waitForJobs(family);
            processEvents();
            return expected.equals(shown.get());
        }, 10_000);
    }

    /** The text on the clipboard (what Copy put there), or {@code null}. */
    public static String clipboardText() {
        org.eclipse.swt.dnd.Clipboard clipboard = new org.eclipse.swt.dnd.Clipboard(Display.getCurrent());
        try {
            return (String) clipboard.getContents(org.eclipse.swt.dnd.TextTransfer.getInstance());
        } finally {
            clipboard.dispose();
        }
    }

    /** Every widget under {@code root} (itself included) that is of {@code type} and passes {@code test}. */
    public static <W extends Control> List<W> find(Composite root, Class<W> type, Predicate<? super W> test) {
        List<W> found = new ArrayList<>();
        collect(root, type, test, found);
        return found;
    }

    private static <W extends Control> void collect(Control control, Class<W> type, Predicate<? super W> test, List<W> found) {
        if (type.isInstance(control) && test.test(type.cast(control))) {
            found.add(type.cast(control));
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, type, test, found);
            }
        }
    }

    /**
     * The first control of {@code type} after the shown label {@code label} among the label's siblings, as a form
     * lays them out (hidden pages of a wizard or an editor are not looked at).
     */
    public static <W extends Control> W labelled(Composite root, String label, Class<W> type) {
        for (Label l : find(root, Label.class, l -> l.isVisible() && label.equals(plain(l.getText())))) {
            List<Control> siblings = Arrays.asList(l.getParent().getChildren());
            for (Control next : siblings.subList(siblings.indexOf(l) + 1, siblings.size())) {
                if (type.isInstance(next)) {
                    return type.cast(next);
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " after a label \"" + label + "\" in " + root);
    }

    /** Types {@code text} into a text field as a user would, replacing what it held. */
    public static void type(Text field, String text) {
        if (!field.isEnabled() || !field.getEditable()) {
            throw new AssertionError("the field cannot be typed in: " + field);
        }
        field.setFocus();
        field.setText(text);
    }

    /** Types {@code text} into an editable combo as a user would, replacing what it held (GTK reports no change made by the program). */
    public static void type(Combo combo, String text) {
        if (!combo.isEnabled() || (combo.getStyle() & SWT.READ_ONLY) != 0) {
            throw new AssertionError("the combo cannot be typed in: " + combo);
        }
        combo.setFocus();
        combo.setText(text);
        combo.notifyListeners(SWT.Modify, new Event());
    }

    /** Chooses the item {@code item} of a combo as a user would. */
    public static void choose(Combo combo, String item) {
        int index = Arrays.asList(combo.getItems()).indexOf(item);
        if (index < 0) {
            throw new AssertionError("no \"" + item + "\" in " + Arrays.toString(combo.getItems()));
        }
        combo.select(index);
        combo.notifyListeners(SWT.Selection, new Event());
    }

    /** Selects row {@code index} of a table as a click on it would. */
    public static void selectRow(Table table, int index) {
        table.setSelection(index);
        Event event = new Event();
        event.item = table.getItem(index);
        table.notifyListeners(SWT.Selection, event);
    }

    /** Clicks the header of column {@code index} of a table, as a user sorting by it would. */
    public static void clickColumn(Table table, int index) {
        table.getColumn(index).notifyListeners(SWT.Selection, new Event());
        processEvents();
    }

    /** The one push button under {@code root} whose label (mnemonic '&' ignored) is {@code label}. */
    public static Button button(Composite root, String label) {
        List<Button> buttons = find(root, Button.class, b -> label.equals(plain(b.getText())));
        if (buttons.size() != 1) {
            throw new AssertionError(buttons.size() + " buttons labelled \"" + label + "\" in " + root + "; there are "
                    + find(root, Button.class, b -> true).stream().map(b -> "\"" + plain(b.getText()) + "\"").toList());
        }
        return buttons.get(0);
    }

    /** Clicks a button as a user would: it must be shown and enabled. */
    public static void click(Button button) {
        if (!button.isEnabled() || !button.isVisible()) {
            throw new AssertionError("\"" + plain(button.getText()) + "\" cannot be pressed: "
                    + (button.isEnabled() ? "hidden" : "disabled"));
        }
        if ((button.getStyle() & (SWT.CHECK | SWT.RADIO | SWT.TOGGLE)) != 0) {
            button.setSelection(!button.getSelection());
        }
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** Clicks the button labelled {@code label} under {@code root}. */
    public static void click(Composite root, String label) {
        click(button(root, label));
    }

    /** Clicks the tool item of {@code toolbar} whose text or tooltip is {@code label}. */
    public static void click(ToolBar toolbar, String label) {
        ToolItem item = Arrays.stream(toolbar.getItems())
                .filter(i -> label.equals(plain(i.getText())) || label.equals(plain(i.getToolTipText()))).findFirst()
                .orElseThrow(() -> new AssertionError("no tool item \"" + label + "\" in " + Arrays.stream(toolbar.getItems())
                        .map(i -> plain(i.getText()) + "/" + plain(i.getToolTipText())).toList()));
        if (!item.isEnabled()) {
            throw new AssertionError("the tool item \"" + label + "\" is disabled");
        }
        item.notifyListeners(SWT.Selection, new Event());
    }

    /**
     * Chooses an item of a control's context menu, as a right click would: {@code path} names the item, after the
     * cascading items that lead to it ("Move", "Right"). Each menu is shown first, so that menu managers and
     * menus made as they open fill it, then the item is selected.
     */
    public static void chooseFromMenu(Control control, String... path) {
        Menu menu = control.getMenu();
        if (menu == null) {
            throw new AssertionError(control + " has no context menu");
        }
        List<Menu> shown = new ArrayList<>();
        try {
            for (int i = 0; i < path.length; i++) {
                menu.notifyListeners(SWT.Show, new Event());
                shown.add(menu);
                String label = path[i];
                Menu in = menu;
                MenuItem item = Arrays.stream(in.getItems()).filter(m -> label.equals(plain(m.getText()))).findFirst()
                        .orElseThrow(() -> new AssertionError("no menu item \"" + label + "\" in "
                                + Arrays.stream(in.getItems()).map(m -> plain(m.getText())).toList()));
                if (!item.isEnabled()) {
                    throw new AssertionError("the menu item \"" + label + "\" is disabled");
                }
                if (i < path.length - 1) {
                    if (item.getMenu() == null) {
                        throw new AssertionError("the menu item \"" + label + "\" opens no menu");
                    }
                    menu = item.getMenu();
                } else {
                    item.notifyListeners(SWT.Selection, new Event());
                }
            }
        } finally {
            for (int i = shown.size() - 1; i >= 0; i--) {
                if (!shown.get(i).isDisposed()) {
                    shown.get(i).notifyListeners(SWT.Hide, new Event());
                }
            }
        }
    }

    /** Picks a day in a date field as a user would: the field must be enabled. */
    public static void pickDate(DateTime field, LocalDate day) {
        if (!field.isEnabled()) {
            throw new AssertionError("the date field is disabled: " + field);
        }
        field.setDate(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
        field.notifyListeners(SWT.Selection, new Event());
    }

    /** Double-clicks a tree item as a user would: it is selected, then opened. */
    public static void doubleClick(TreeItem item) {
        Tree tree = item.getParent();
        tree.setSelection(item);
        Event selected = new Event();
        selected.item = item;
        tree.notifyListeners(SWT.Selection, selected);
        Event opened = new Event();
        opened.item = item;
        tree.notifyListeners(SWT.DefaultSelection, opened);
    }

    /**
     * Drags {@code source} onto {@code target} with the mouse: pointer events posted to the display (XTest under
     * X11), so the toolkit's own drag and drop runs as for a user. Both controls must be on screen and carry SWT's
     * drag source and drop target. Each step waits for what the toolkit reports (drag started, pointer over the
     * target, drop finished), never a fixed time.
     * <p>
     * The controls are looked up again for each try: a view may redraw (and so replace) them between the lookup and
     * the press, as it would under a user's hand; a drag whose card went before it began is let go and tried again
     * with the new controls. Once the drag has begun, the view is expected to hold still until the drop.
     */
    public static void dragWithMouse(Supplier<? extends Control> source, Supplier<? extends Control> target) {
        for (int attempt = 1;; attempt++) {
            processEvents();
            if (dragWithMouse(source.get(), target)) {
                return;
            }
            if (attempt == 3) {
                throw new AssertionError("the dragged control was replaced before each of " + attempt + " drags began");
            }
        }
    }

    /** One try; false when the source was disposed before the drag began (the pointer is let go then). */
    private static boolean dragWithMouse(Control source, Supplier<? extends Control> targetLookup) {
        DragSource dragSource = (DragSource) source.getData(DND.DRAG_SOURCE_KEY);
        if (dragSource == null) {
            throw new AssertionError(source + " cannot be dragged");
        }
        boolean[] started = new boolean[1];
        boolean[] over = new boolean[1];
        boolean[] finished = new boolean[1];
        DragSourceListener drag = new DragSourceAdapter() {
            @Override
            public void dragStart(DragSourceEvent event) {
                started[0] = true;
            }

            @Override
            public void dragFinished(DragSourceEvent event) {
                finished[0] = true;
            }
        };
        DropTargetListener drop = new DropTargetAdapter() {
            @Override
            public void dragOver(DropTargetEvent event) {
                over[0] = true;
            }
        };
        dragSource.addDragListener(drag);
        Display display = source.getDisplay();
        Point from = source.toDisplay(source.getSize().x / 2, source.getSize().y / 2);
        int[] nudge = {0};
        DropTarget dropTarget = null;
        try {
            source.getShell().forceActive();
            processEvents();
            postMouse(display, SWT.MouseMove, from.x, from.y);
            processEvents();
            postMouse(display, SWT.MouseDown, 0, 0);
            // past the drag threshold, a few pixels a poll, until the toolkit says the drag began
            try {
                waitUntil("the drag starting", () -> started[0] || source.isDisposed(), TIMEOUT_MS, () -> {
                    nudge[0]++;
                    postMouse(display, SWT.MouseMove, from.x + Math.min(2 * nudge[0], 16) + nudge[0] % 2, from.y);
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " (pressed at " + from + " on " + source + " with bounds "
                        + display.map(source.getParent(), null, source.getBounds()) + ", pointer over " + display.getCursorControl() + ")", e);
            }
            if (!started[0]) {
                return false; // redrawn under the pointer before the drag began: the finally block lets go
            }
            Control target = targetLookup.get();
            dropTarget = (DropTarget) target.getData(DND.DROP_TARGET_KEY);
            if (dropTarget == null) {
                throw new AssertionError(target + " takes no drop");
            }
            dropTarget.addDropListener(drop);
            Point to = target.toDisplay(target.getSize().x / 2, target.getSize().y / 2);
            int steps = 10;
            Point last = new Point(from.x + 16, from.y);
            for (int i = 1; i <= steps; i++) {
                postMouse(display, SWT.MouseMove, last.x + (to.x - last.x) * i / steps, last.y + (to.y - last.y) * i / steps);
                processEvents();
            }
            // a pointer resting on the target moves a pixel at a time until the target has seen it
            try {
                waitUntil("the drag over the target", () -> over[0], TIMEOUT_MS,
                        () -> postMouse(display, SWT.MouseMove, to.x + ++nudge[0] % 2, to.y));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " (from " + from + " to " + to + ", pointer at " + display.getCursorLocation()
                        + " over " + display.getCursorControl() + ", source " + (source.isDisposed() ? "disposed" : "shown") + ", target "
                        + (target.isDisposed() ? "disposed" : "shown") + ")", e);
            }
            postMouse(display, SWT.MouseUp, 0, 0);
            waitUntil("the drop finished", () -> finished[0], TIMEOUT_MS);
            return true;
        } finally {
            if (!finished[0]) {
                postMouse(display, SWT.MouseUp, 0, 0); // never leave the button held for the next test or try
                processEvents();
            }
            if (!dragSource.isDisposed()) {
                dragSource.removeDragListener(drag);
            }
            if (dropTarget != null && !dropTarget.isDisposed()) {
                dropTarget.removeDropListener(drop);
            }
        }
    }

    private static void postMouse(Display display, int type, int x, int y) {
        Event event = new Event();
        event.type = type;
        if (type == SWT.MouseMove) {
            event.x = x;
            event.y = y;
        } else {
            event.button = 1;
        }
        if (!display.post(event)) {
            throw new AssertionError("the display takes no posted mouse events (" + type + ")");
        }
    }

    /** The open shell titled {@code title}, if any. */
    public static Optional<Shell> shell(String title) {
        return Arrays.stream(Display.getCurrent().getShells()).filter(s -> !s.isDisposed() && s.isVisible() && title.equals(s.getText()))
                .findFirst();
    }

    /**
     * Answers the modal dialog titled {@code title} that the next action opens: once it is shown, runs
     * {@code answer} on its shell (which should press one of its buttons). Call it before the action that opens
     * the dialog, because that action only returns after the dialog closes; then check {@link DialogAnswer#answered()}.
     */
    public static DialogAnswer whenDialogOpens(String title, Consumer<Shell> answer) {
        DialogAnswer pending = new DialogAnswer(title);
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        Runnable[] look = new Runnable[1];
        look[0] = () -> {
            if (pending.stopped) {
                return;
            }
            Optional<Shell> shell = shell(title);
            if (shell.isPresent()) {
                pending.answered = true;
                try {
                    answer.accept(shell.get());
                } catch (Throwable failure) {
                    // an answer that fails must not leave the modal dialog open: the test would hang in its loop
                    pending.failure = failure;
                    if (!shell.get().isDisposed()) {
                        shell.get().close();
                    }
                }
            } else if (System.currentTimeMillis() < end) {
                display.timerExec(POLL_MS, look[0]);
            }
        };
        display.timerExec(POLL_MS, look[0]);
        return pending;
    }

    /** Answers the dialog titled {@code title}, when it opens, by pressing its button labelled {@code buttonLabel}. */
    public static DialogAnswer whenDialogOpensPress(String title, String buttonLabel) {
        return whenDialogOpens(title, shell -> click(shell, buttonLabel));
    }

    /** A dialog answer waiting for its dialog. */
    public static final class DialogAnswer {
        private final String title;
        private boolean answered;
        private Throwable failure;
        private boolean stopped;

        DialogAnswer(String title) {
            this.title = title;
        }

        /** Fails unless the dialog opened and was answered without failing; stops looking for it either way. */
        public void assertAnswered() {
            stopped = true; // a dialog of the same title opened later is not this answer's to press
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw new AssertionError("answering \"" + title + "\" failed: " + failure, failure);
            }
            if (!answered) {
                throw new AssertionError("the dialog \"" + title + "\" never opened");
            }
        }

        public boolean answered() {
            return answered;
        }
    }

    /** The texts of the labels under {@code root}, one a line: what a dialog says. */
    public static String shownText(Composite root) {
        return String.join("\n", find(root, Label.class, l -> !l.getText().isEmpty()).stream().map(Label::getText).toList());
    }

    /** A label as the user reads it: without the mnemonic marker. */
    public static String plain(String label) {
        return label == null ? "" : label.replace("&", "");
    }

    /** Whether a widget is still there. */
    public static boolean alive(Widget widget) {
        return widget != null && !widget.isDisposed();
    }

    /** With SALESBENCH_SCREENSHOTS set to a folder, saves the screen there (to look at what users see). */
    public static void screenshot(String name) {
        String dir = System.getenv("SALESBENCH_SCREENSHOTS");
        if (dir == null) {
            return;
        }
        processEvents(); // paint what is pending before the picture is taken
        try {
            new ProcessBuilder("import", "-window", "root", dir + "/" + name + ".png").inheritIO().start().waitFor();
        } catch (Exception e) {
            System.err.println("screenshot " + name + ": " + e);
        }
    }
}
