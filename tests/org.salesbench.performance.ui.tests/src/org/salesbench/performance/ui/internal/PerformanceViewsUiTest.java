package org.salesbench.performance.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
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
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
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
        Table table = view.table();
        assertEquals(3, table.getItemCount());
        assertEquals("VISIT", table.getItem(1).getText(0).replaceAll(".*\\((.*)\\)", "$1"));
        assertEquals("25%", table.getItem(1).getText(2));
        assertEquals(Messages.Value_none, table.getItem(2).getText(5), "no follow-up task: nothing to measure");
        assertTrue(view.summary().getText().contains("UI 考核 " + year), view.summary().getText());

        Path file = dir.resolve("my-score.csv");
        PeriodTableView.savePrompt = (shell, name) -> file.toString();
        UiTesting.click(view.exportButton());
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(csv.contains("position,kpi,label"), csv);
        assertTrue(csv.contains("activities"), csv);
        assertTrue(view.summary().getText().contains(file.toString()), view.summary().getText());

        showPeriod("2026-Q5");
        assertEquals(0, table.getItemCount());
        assertTrue(view.summary().getText().contains("2026-Q5"), view.summary().getText());
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
