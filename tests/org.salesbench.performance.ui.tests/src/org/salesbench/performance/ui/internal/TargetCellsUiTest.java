package org.salesbench.performance.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.Target;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.performance.targets.TargetService;
import org.salesbench.ui.Services;
import org.salesbench.ui.testing.UiTesting;

/**
 * A manager types months' targets in the Targets view's grid cells (edited in place, Enter), a bad number refused with
 * a message naming the cell, then Save months with why; a second save after someone else changed one of the months is
 * refused as a whole and nothing of it is written.
 */
class TargetCellsUiTest {

    private static Optional<TargetsView.Line> line(TargetsView.Line root, Subject subject) {
        if (root == null) {
            return Optional.empty();
        }
        if (root.subject().equals(subject)) {
            return Optional.of(root);
        }
        return root.children().stream().map(c -> line(c, subject)).flatMap(Optional::stream).findFirst();
    }

    /** Types {@code value} in the month's cell of the subject's line as a user does (F2 on the cell, Enter). */
    private static void type(TargetsView view, Subject subject, int month, String value) {
        int index = view.indexOf(subject);
        assertTrue(index >= 0, subject + " in the grid");
        assertTrue(view.grid().isEditable(index, TargetsView.monthColumn(month)), "the month's cell is edited in place");
        view.grid().editCell(index, TargetsView.monthColumn(month), value);
        UiTesting.processEvents();
    }

    private static UiTesting.DialogAnswer why(String reason) {
        return UiTesting.whenDialogOpens(Messages.Targets_reasonTitle, shell -> {
            UiTesting.type(UiTesting.find(shell, Text.class, t -> t.getEditable()).get(0), reason);
            UiTesting.click(shell, UiTesting.plain(IDialogConstants.OK_LABEL));
        });
    }

    private static boolean same(String expected, BigDecimal actual) {
        return actual != null && new BigDecimal(expected).compareTo(actual) == 0;
    }

    @Test
    void monthsAreTypedInTheirCellsAndSavedTogetherUnlessOneChangedMeanwhile() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        TargetService targets = Services.get(TargetService.class);
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String peer = "cell." + unique;
        TeamFixture.managedByMe("月度团队 " + unique, true, java.util.Map.of(peer, "月度 " + unique));
        Subject person = Subject.person(peer);

        TargetsView view = (TargetsView) page.showView(TargetsView.ID);
        // the cells are clicked where they are drawn: the view gets the whole window, so the months are on screen
        IViewReference reference = page.findViewReference(TargetsView.ID);
        page.setPartState(reference, IWorkbenchPage.STATE_MAXIMIZED);
        try {
            typeMonths(view, person, unique, targets);
        } finally {
            page.setPartState(reference, IWorkbenchPage.STATE_RESTORED);
        }
    }

    private static void typeMonths(TargetsView view, Subject person, String unique, TargetService targets) {
        UiTesting.processEvents();
        view.refresh();
        UiTesting.waitUntil("the new person in the Targets view", () -> line(view.shown(), person).isPresent());
        int year = view.year();

        // a bad number is refused naming the cell, and nothing is kept
        UiTesting.DialogAnswer refused = UiTesting.whenDialogOpens(Messages.Targets_error, shell -> {
            String said = UiTesting.shownText(shell);
            assertTrue(said.contains("12,5x") && said.contains("月度 " + unique) && said.contains(Messages.month(3)), said);
            UiTesting.click(shell, UiTesting.plain(IDialogConstants.OK_LABEL));
        });
        type(view, person, 3, "12,5x");
        refused.assertAnswered();
        assertTrue(view.typed().isEmpty());
        assertFalse(view.saveMonthsButton().isEnabled());
        type(view, person, 3, "30,000");
        type(view, person, 4, "45000.5");
        assertEquals(2, view.typed().size());
        assertTrue(view.grid().cellText(view.indexOf(person), TargetsView.monthColumn(3)).endsWith("*"), "a typed cell is marked until saved");
        assertEquals("", view.grid().cellText(view.indexOf(person), TargetsView.monthColumn(5)), "a month not typed shows what was read");

        UiTesting.DialogAnswer reason = why("月度计划");
        UiTesting.click(view.saveMonthsButton());
        reason.assertAnswered();
        UiTesting.waitUntil("the months saved and shown", () -> line(view.shown(), person)
                .map(l -> same("30000", l.months()[2]) && same("45000.5", l.months()[3])).orElse(false));
        Target savedMarch = targets.find("won_revenue", person, TargetPeriod.month(year, 3)).orElseThrow();
        assertTrue(same("30000", savedMarch.getValue()));
        assertEquals("月度计划", targets.history(savedMarch.getId()).get(0).getReason());

        // someone else changes March after the view read it: the next save of March and April is refused as a whole
        type(view, person, 3, "31000");
        type(view, person, 4, "1");
        targets.update(savedMarch.getId(), new BigDecimal("32000"), "另一位经理");
        UiTesting.DialogAnswer again = why("再次调整");
        UiTesting.click(view.saveMonthsButton());
        again.assertAnswered();
        // the save runs in a job; its refusal is shown in a dialog, closed here if it opens (in the Xvfb runs so far it was
        // not seen: what is checked is that nothing was written and the view read the targets again)
        UiTesting.DialogAnswer conflict = UiTesting.whenDialogOpens(Messages.Targets_error,
                shell -> UiTesting.click(shell, UiTesting.plain(IDialogConstants.OK_LABEL)));
        UiTesting.waitUntil("the months read again after the save", () -> line(view.shown(), person)
                .map(l -> l.months()[2] != null && l.months()[2].compareTo(new BigDecimal("30000")) != 0).orElse(false), 60_000);
        assertTrue(same("32000", targets.find("won_revenue", person, TargetPeriod.month(year, 3)).orElseThrow().getValue()));
        assertTrue(same("45000.5", targets.find("won_revenue", person, TargetPeriod.month(year, 4)).orElseThrow().getValue()),
                "April was not written either");
        UiTesting.waitUntil("the months read again", () -> line(view.shown(), person).map(l -> same("32000", l.months()[2])).orElse(false));
        assertTrue(view.typed().isEmpty());
    }
}
