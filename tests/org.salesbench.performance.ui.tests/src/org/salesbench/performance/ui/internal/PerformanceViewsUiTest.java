package org.salesbench.performance.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import java.util.List;
import java.util.UUID;

import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.performance.commissions.CommissionBasis;
import org.salesbench.performance.commissions.CommissionPlan;
import org.salesbench.performance.commissions.CommissionService;
import org.salesbench.performance.scorecards.Curve;
import org.salesbench.performance.scorecards.ScorecardService;
import org.salesbench.performance.scorecards.ScorecardTemplate;
import org.salesbench.core.security.SecurityService;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.performance.targets.TargetService;
import org.salesbench.ui.Services;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.testing.UiTesting;

/**
 * My Scorecard and My Commission Statement in the real workbench under Xvfb, on embedded Derby (its owner, the
 * signed-in ui.tester, may publish and plan): a period typed and shown as a user would, the table and summary
 * checked, and the CSV export written where the (answered) save dialog says.
 */
class PerformanceViewsUiTest {

    private IWorkbenchPage page;
    private PeriodTableView<?> view;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        VirtualGrid.forgetLayouts(ScorecardView.ID); // the columns as made, whatever a user or test left
    }

    @AfterEach
    void tearDown() {
        if (view != null) {
            page.hideView(view);
        }
    }

    private void showPeriod(String period) {
        UiTesting.type(view.period(), period);
        UiTesting.click(UiTesting.button(view.period().getParent(), Messages.Show));
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the summary for " + period, () -> !view.summary().getText().equals(Messages.Loading));
    }

    @Test
    void myScorecardShowsEachLineAndExportsIt() throws Exception {
        int year = LocalDate.now().getYear() + 2;
        ScorecardTemplate t = new ScorecardTemplate("UI 考核 " + year, LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30));
        t.addLine("revenue_attainment", new BigDecimal("60"), Curve.CAPPED, null, new BigDecimal("100")).setCapAndSteps(new BigDecimal("120"), null)
                .setKpiTarget(new BigDecimal("500000"));
        t.addLine("activities", new BigDecimal("25"), Curve.LINEAR, null, new BigDecimal("20")).setParameter("VISIT");
        t.addLine("follow_up_timeliness", new BigDecimal("15"), Curve.STEPPED, null, null).setCapAndSteps(null, "80=60;95=100");
        ScorecardService scorecards = Services.get(ScorecardService.class);
        scorecards.publish(scorecards.save(t).getId());

        view = (ScorecardView) page.showView(ScorecardView.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        showPeriod(year + "-Q1");
        assertEquals(3, view.shownLines().size());
        assertEquals("VISIT", view.shownLines().get(1).get(0).replaceAll(".*\\((.*)\\)", "$1"));
        assertEquals("25%", view.shownLines().get(1).get(2));
        assertEquals(Messages.Value_none, view.shownLines().get(2).get(5), "no follow-up task: nothing to measure");
        assertTrue(view.summary().getText().contains("UI 考核 " + year), view.summary().getText());

        // the grid: a header click sorts the computed lines as shown (numbers by value), twice descending, thrice as computed
        List<List<String>> computed = view.shownLines();
        VirtualGrid<List<String>> grid = view.grid();
        grid.clickHeader("weight");
        assertEquals(List.of("15%", "25%", "60%"), view.shownLines().stream().map(l -> l.get(2)).toList());
        grid.clickHeader("weight");
        assertEquals(List.of("60%", "25%", "15%"), view.shownLines().stream().map(l -> l.get(2)).toList());
        grid.clickHeader("weight");
        assertEquals(computed, view.shownLines(), "a third click: the computed order");
        // Edit › Copy on a selected cell, Select All and Copy on whole rows under their titles
        page.activate(view);
        view.getSite().getShell().forceActive();
        UiTesting.waitUntil("the grid focused", () -> grid.control().setFocus() && grid.control().isFocusControl());
        grid.selectCell(1, "weight");
        assertTrue(view.canCopySelection());
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.copy", null);
        assertEquals("25%", UiTesting.clipboardText());
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.selectAll", null);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.copy", null);
        assertTrue(UiTesting.clipboardText().startsWith(Messages.Column_kpi + "\t" + Messages.Column_definition), UiTesting.clipboardText());
        assertEquals(4, UiTesting.clipboardText().lines().count(), "the titles and three lines");
        // the layout (a hidden and a moved column, the sort) outlives closing the view
        grid.hideColumn("curve");
        grid.moveColumn("score", 0);
        grid.clickHeader("weight");
        grid.clickHeader("weight");
        page.hideView(view);
        UiTesting.processEvents();
        view = (ScorecardView) page.showView(ScorecardView.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        showPeriod(year + "-Q1");
        VirtualGrid<List<String>> again = view.grid();
        assertEquals(List.of("score", "kpi", "definition", "weight", "target", "value", "weighted"), again.visibleColumns());
        assertEquals(Integer.valueOf(2), again.sortKey());
        assertFalse(again.ascending());
        assertEquals(List.of("60%", "25%", "15%"), view.shownLines().stream().map(l -> l.get(2)).toList());
        VirtualGrid.forgetLayouts(ScorecardView.ID);

        Path file = dir.resolve("my-score.csv");
        PeriodTableView.savePrompt = (shell, name) -> file.toString();
        UiTesting.click(view.exportButton());
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(csv.contains("position,kpi,label"), csv);
        assertTrue(csv.contains("activities"), csv);
        assertTrue(view.summary().getText().contains(file.toString()), view.summary().getText());

        showPeriod("2026-Q5");
        assertEquals(0, view.shownLines().size());
        assertTrue(view.summary().getText().contains("2026-Q5"), view.summary().getText());
    }

    @Test
    void aManagerPicksATeamAndSeesItsScoreAgainstTheTeamsTarget() throws Exception {
        int year = LocalDate.now().getYear() + 4;
        UserService users = Services.get(UserService.class);
        String me = Services.get(SecurityService.class).currentUser().login();
        String unique = UUID.randomUUID().toString().substring(0, 6);
        if (users.findUser(me).isEmpty()) {
            users.createUser(new User(me, "界面测试员"));
        }
        users.createUser(new User("sc." + unique, "组员 " + unique));
        Team team = new Team("考核团队 " + unique);
        team.setManager(me);
        team.getMembers().addAll(List.of(me, "sc." + unique));
        long teamId = users.createTeam(team).getId();
        Services.get(TargetService.class).create("won_revenue", Subject.team(teamId), TargetPeriod.quarter(year, 1), new BigDecimal("70000"),
                "团队一季度");
        ScorecardTemplate t = new ScorecardTemplate("团队表 " + year, LocalDate.of(year, 1, 1), LocalDate.of(year, 3, 31));
        t.addLine("revenue_attainment", new BigDecimal("100"), Curve.LINEAR, null, new BigDecimal("100"));
        ScorecardService scorecards = Services.get(ScorecardService.class);
        scorecards.publish(scorecards.save(t).getId());

        ScorecardView scorecard = (ScorecardView) page.showView(ScorecardView.ID);
        view = scorecard;
        UiTesting.waitForJobs(Jobs.FAMILY);
        showPeriod(year + "-Q1");
        assertEquals(1, view.shownLines().size());
        assertEquals("100", view.shownLines().get(0).get(4), "my own line: no target of mine for the quarter");

        UiTesting.choose(scorecard.whose(), NLS.bind(Messages.Score_team, team.getName()));
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the team's score", () -> view.summary().getText().contains(team.getName()));
        assertEquals(1, view.shownLines().size());
        assertEquals("100 / 70000", view.shownLines().get(0).get(4), "measured against the team's target");

        UiTesting.choose(scorecard.whose(), Messages.Score_me);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("my score again", () -> !view.summary().getText().contains(team.getName())
                && !view.summary().getText().equals(Messages.Loading));
        assertEquals("100", view.shownLines().get(0).get(4));
    }

    @Test
    void myStatementSaysWhenNoPlanCoversThePeriodAndShowsTheTotalWhenOneDoes() throws Exception {
        int year = LocalDate.now().getYear() + 3;
        view = (StatementView) page.showView(StatementView.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        showPeriod(year + "-Q2");
        assertTrue(view.summary().getText().contains(year + "-04-01"), view.summary().getText());
        assertTrue(!view.exportButton().isEnabled());

        Services.get(CommissionService.class).savePlan(new CommissionPlan("UI 提成 " + year, CommissionBasis.WON, new BigDecimal("0.05"),
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        showPeriod(year + "-Q2");
        assertTrue(view.summary().getText().contains("UI 提成 " + year) && view.summary().getText().contains("0.00"), view.summary().getText());
        assertTrue(view.exportButton().isEnabled());
    }
}
