package org.salesbench.quotes.ui.internal;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.eclipse.ui.IWorkbenchPage;
import org.salesbench.quotes.Quote;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.testing.UiTesting;

/** What the tests of the quotes' grids (a customer's, a deal's) share: waiting for the rows, reading a column. */
final class QuoteGrids {

    private QuoteGrids() {
    }

    /** Closes the editors (which saves the test's layout) and forgets it, so that no other test inherits it. */
    static void closeAndForget(IWorkbenchPage page, String gridId) {
        page.closeAllEditors(false);
        UiTesting.processEvents();
        VirtualGrid.forgetLayouts(gridId);
    }

    /** Waits until the page's grid shows three quotes, read. */
    static void waitForThree(Supplier<VirtualGrid<Quote>> grid) {
        UiTesting.waitUntil("three quotes", () -> {
            UiTesting.waitForJobs(Jobs.FAMILY);
            return grid.get() != null && grid.get().rowCount() == 3 && grid.get().rowAt(2) != null;
        }, 10_000);
    }

    /** Column {@code id} of every row, as shown. */
    static List<String> shown(VirtualGrid<Quote> grid, String id) {
        return IntStream.range(0, grid.rowCount()).mapToObj(i -> grid.cellText(i, id)).toList();
    }

    static void waitForOrder(VirtualGrid<Quote> grid, String id, List<String> expected) {
        UiTesting.waitForRows(() -> shown(grid, id), expected, Jobs.FAMILY);
    }
}
