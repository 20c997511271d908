package org.salesbench.ui.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.eclipse.collections.api.factory.Lists;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;

/**
 * The first grid's one-time work (Eclipse Collections' factories, NatTable's first logger) runs on a thread of its own
 * while the workbench starts, not on the user interface thread when the first view makes its grid.
 */
class GridPrimingUiTest {

    @Test
    void theWorkbenchsStartPrimesTheGridsOffTheUserInterfaceThread() throws ReflectiveOperationException {
        assertNotNull(Display.getCurrent(), "run on the user interface thread, as a view making its grid is");
        VirtualGrid.primeCollections(); // as a grid's making does: waits for the start's priming if it still runs
        assertEquals("Salesbench grid priming", VirtualGrid.primedOn,
                "the application's start primed the grids on their own thread before any grid was made");
        assertNotNull(Lists.class.getField("mutable").get(null), "and the factories were found through the implementation's class loader");
    }
}
