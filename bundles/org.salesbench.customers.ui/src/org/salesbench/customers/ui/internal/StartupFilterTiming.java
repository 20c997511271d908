package org.salesbench.customers.ui.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.salesbench.ui.StartupTimes;

/**
 * For the start-up benchmark: with {@code -Dsalesbench.startup.filter=WORD[,WORD…]} (and
 * {@code -Dsalesbench.startup.times=true}), once the Customers view's first rows painted, it types each word into the
 * view's search box a character at a time, as a user would ({@link Text#insert}, which sends the box's Modify event
 * as a key press does), and prints for each the time from its last keystroke to the paint of the rows that filter
 * found, with the CPU time the process used meanwhile: {@code SALESBENCH-FILTER: n=1 text=WORD ms=… cpu=… rows=…}.
 * The first word is typed {@value #PAUSE_MS} ms after the first paint, each next one as long after the last answer
 * painted. With {@code -Dsalesbench.startup.exit=true} the workbench then closes. Without the property it does nothing.
 */
final class StartupFilterTiming {

    /** The words to type, separated by commas. */
    static final String PROPERTY = StartupTimes.FILTER_PROPERTY;
    /** The line's prefix. */
    static final String MARKER = "SALESBENCH-FILTER:";
    /** How long a user looks at the list before typing. */
    static final int PAUSE_MS = Integer.getInteger(PROPERTY + ".pause", 2_000);
    /** Between two keystrokes: a quick typist, well within the list's typing pause. */
    private static final int KEYSTROKE_MS = 120;

    private final Text box;
    private final Deque<String> words;
    private int typed;
    /** The word whose answer is awaited, with when its last key was pressed and the process's CPU then. */
    private String awaited;
    private long keyNanos;
    private long keyCpuMillis;

    private StartupFilterTiming(Text box, String words) {
        this.box = box;
        this.words = new ArrayDeque<>(Arrays.stream(words.split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList());
    }

    /** The timing for this start, or {@code null} when the property is not set. */
    static StartupFilterTiming of(Text box) {
        String words = System.getProperty(PROPERTY);
        return words == null || words.isBlank() || !Boolean.getBoolean(StartupTimes.PROPERTY) ? null : new StartupFilterTiming(box, words);
    }

    /**
     * The view has just been given an answer for a filter of {@code text}: the first (the start's rows) starts the
     * typing after the pause; the awaited word's is timed at its paint.
     */
    void answerShown(Control control, String text, int rows) {
        if (typed == 0 && awaited == null) {
            typed = -1; // started
            control.getDisplay().timerExec(PAUSE_MS, this::next);
            return;
        }
        if (awaited == null || !Objects.equals(awaited, text == null ? "" : text.strip())) {
            return;
        }
        String word = awaited;
        awaited = null;
        control.addListener(SWT.Paint, new Listener() {
            @Override
            public void handleEvent(Event event) {
                control.removeListener(SWT.Paint, this);
                long ms = (System.nanoTime() - keyNanos) / 1_000_000;
                long cpu = cpuMillis() - keyCpuMillis;
                typed = Math.max(typed, 0) + 1;
                System.out.println(MARKER + " n=" + typed + " text=" + word + " ms=" + ms + " cpu=" + cpu + " rows=" + rows);
                System.out.flush();
                control.getDisplay().timerExec(PAUSE_MS, StartupFilterTiming.this::next);
            }
        });
        control.redraw();
    }

    private void next() {
        if (box.isDisposed()) {
            return;
        }
        String word = words.poll();
        if (word == null) {
            if (Boolean.getBoolean(StartupTimes.EXIT_PROPERTY) && PlatformUI.isWorkbenchRunning()) {
                PlatformUI.getWorkbench().close();
            }
            return;
        }
        box.setFocus();
        box.setText(""); // as a user selecting the last word and typing over it: the pause covers both
        type(word, 0);
    }

    private void type(String word, int at) {
        if (box.isDisposed()) {
            return;
        }
        box.insert(word.substring(at, at + 1));
        if (at + 1 < word.length()) {
            box.getDisplay().timerExec(KEYSTROKE_MS, () -> type(word, at + 1));
            return;
        }
        awaited = word;
        keyNanos = System.nanoTime();
        keyCpuMillis = cpuMillis();
    }

    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }
}
