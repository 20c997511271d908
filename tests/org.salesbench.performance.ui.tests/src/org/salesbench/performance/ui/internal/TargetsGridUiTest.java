package org.salesbench.performance.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.performance.targets.TargetService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.testing.UiTesting;

/**
 * The Targets view on the shared grid: lines set in under their parent, a header click sorts each line's children by
 * the column (people stay under their team), Edit › Copy reaches the cells, and the layout outlives closing the view.
 */
class TargetsGridUiTest {

    @Test
    void sortingKeepsPeopleUnderTheirTeamCopiesCellsAndKeepsTheLayout() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        TargetService targets = Services.get(TargetService.class);
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String small = "a.grid." + unique;
        String big = "b.grid." + unique;
        Subject teamSubject = Subject.team(TeamFixture.managedByMe("表格团队 " + unique, false,
                java.util.Map.of(small, "甲 " + unique, big, "乙 " + unique)).getId());

        TargetsView view = (TargetsView) page.showView(TargetsView.ID);
        int year = view.year();
        targets.set(TargetsView.METRIC, teamSubject, TargetPeriod.year(year), new BigDecimal("300"), "grid test");
        targets.set(TargetsView.METRIC, Subject.person(small), TargetPeriod.year(year), new BigDecimal("100"), "grid test");
        targets.set(TargetsView.METRIC, Subject.person(big), TargetPeriod.year(year), new BigDecimal("200"), "grid test");
        view.refresh();
        UiTesting.waitUntil("the new team's people in the grid", () -> view.indexOf(Subject.person(big)) >= 0
                && view.shownRows().get(view.indexOf(Subject.person(big))).line().year() != null);

        // read order: the company first, the team's people (by login) right under the team, set in one level further
        int teamAt = view.indexOf(teamSubject);
        assertEquals(0, view.shownRows().get(0).depth());
        assertEquals(List.of(teamAt + 1, teamAt + 2), List.of(view.indexOf(Subject.person(small)), view.indexOf(Subject.person(big))));
        assertEquals(2, view.shownRows().get(teamAt + 1).depth());
        assertTrue(view.grid().cellText(teamAt + 1, "subject").startsWith(TargetsView.INDENT.repeat(2) + "甲"), view.grid().cellText(teamAt + 1, "subject"));

        // the year sorted descending: the bigger target first among the team's people, both still under the team
        VirtualGrid<TargetsView.Row> grid = view.grid();
        grid.clickHeader("year");
        grid.clickHeader("year");
        assertFalse(grid.ascending());
        teamAt = view.indexOf(teamSubject);
        assertEquals(List.of(teamAt + 1, teamAt + 2), List.of(view.indexOf(Subject.person(big)), view.indexOf(Subject.person(small))));
        assertEquals(0, view.indexOf(org.salesbench.performance.targets.Subject.company()), "the company stays the first line");
        grid.clickHeader("year");
        assertEquals(view.indexOf(teamSubject) + 1, view.indexOf(Subject.person(small)), "a third click: the order read");

        // Edit › Copy on a selected cell
        page.activate(view);
        view.getSite().getShell().forceActive();
        UiTesting.waitUntil("the grid focused", () -> grid.control().setFocus() && grid.control().isFocusControl());
        grid.selectCell(view.indexOf(Subject.person(big)), "year");
        assertTrue(view.canCopySelection());
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.copy", null);
        assertEquals(grid.cellText(view.indexOf(Subject.person(big)), "year"), UiTesting.clipboardText());
        assertTrue(UiTesting.clipboardText().contains("200"), UiTesting.clipboardText());

        // the layout (a hidden and a moved column, the sort) outlives closing the view
        grid.hideColumn("check");
        grid.moveColumn("year", 0);
        grid.clickHeader("year");
        grid.clickHeader("year");
        page.hideView(view);
        UiTesting.processEvents();
        TargetsView again = (TargetsView) page.showView(TargetsView.ID);
        UiTesting.waitUntil("the team read again", () -> again.indexOf(Subject.person(big)) >= 0);
        assertEquals("year", again.grid().visibleColumns().get(0));
        assertFalse(again.grid().visibleColumns().contains("check"));
        assertFalse(again.grid().ascending());
        int teamAgain = again.indexOf(teamSubject);
        assertEquals(List.of(teamAgain + 1, teamAgain + 2), List.of(again.indexOf(Subject.person(big)), again.indexOf(Subject.person(small))));
        VirtualGrid.forgetLayouts(TargetsView.ID);
        page.hideView(again);
    }
}
