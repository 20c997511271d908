package org.salesbench.analytics.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.eclipse.ui.handlers.IHandlerService;
import org.salesbench.analytics.ReportRow;
import org.salesbench.ui.forms.VirtualGrid;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.analytics.ReportDescriptor;
import org.salesbench.analytics.ReportFormat;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.dashboards.Dashboard;
import org.salesbench.analytics.dashboards.DashboardPeriod;
import org.salesbench.analytics.dashboards.DashboardService;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;

/**
 * The Manager dashboard, the report catalogue and export in the real workbench under Xvfb, on Derby. The deals:
 * 120,000 won today, 30,000 won on 10 January 2024, 45,000 lost today (price), all owned by ui.tester.
 */
class AnalyticsUiTest {

    private static final LocalDate OLD_WIN = LocalDate.of(2024, 1, 10);
    private static boolean dealsMade;

    private IWorkbenchPage page;

    @BeforeAll
    static void deals() {
        if (dealsMade) {
            return;
        }
        dealsMade = true;
        OpportunityService opportunities = Services.get(OpportunityService.class);
        Opportunity today = deal("数据中台一期", "120000");
        opportunities.markWon(today.getId(), LocalDate.now(Clocks.system()));
        Opportunity old = deal("Legacy CRM", "30000");
        opportunities.markWon(old.getId(), OLD_WIN);
        Opportunity lost = deal("华东区报表项目", "45000");
        opportunities.markLost(lost.getId(), "价格", LocalDate.now(Clocks.system()));
    }

    private static Opportunity deal(String name, String amount) {
        Customer customer = new Customer("分析测试客户 " + name);
        customer.addContact(new Contact("周敏"));
        customer = Services.get(CustomerService.class).create(customer);
        Opportunity o = new Opportunity(customer, name, Money.cny(amount));
        o.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
        return Services.get(OpportunityService.class).create(o);
    }

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        UiTesting.processEvents();
    }

    private DashboardEditor openManager() throws Exception {
        Dashboard manager = Services.get(DashboardService.class).visible().stream()
                .filter(d -> "manager".equals(d.getTemplate())).findFirst().orElseThrow();
        DashboardEditor editor = DashboardEditor.open(page, manager.getId(), manager.getName());
        settle(editor);
        return editor;
    }

    /** Waits for the tiles' jobs and for every tile to show what they brought. */
    private static void settle(DashboardEditor editor) {
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("every tile loaded", () -> editor.tiles().stream().noneMatch(t -> t.state() == TileControl.State.LOADING), 20_000);
    }

    /** Chooses a period in the editor's filter bar as a user does, and waits for the tiles. */
    private static void choosePeriod(DashboardEditor editor, DashboardPeriod period) {
        UiTesting.choose(UiTesting.labelled(editor.filterBar(), Messages.Filter_period, Combo.class), Labels.period(period));
        settle(editor);
    }

    /** Chooses custom days: the period "Custom…", then the first and the last day, each as a user picks it. */
    private static void chooseDays(DashboardEditor editor, LocalDate from, LocalDate to) {
        choosePeriod(editor, DashboardPeriod.CUSTOM);
        List<DateTime> days = UiTesting.find(editor.filterBar(), DateTime.class, d -> true);
        UiTesting.pickDate(days.get(0), from);
        UiTesting.pickDate(days.get(1), to);
        settle(editor);
    }

    private static TileControl tile(DashboardEditor editor, String title) {
        return editor.tiles().stream().filter(t -> t.tile().getTitle().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no tile " + title));
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertNotNull(actual, "expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void theManagerDashboardShowsTheFiguresAndFollowsThePeriod() throws Exception {
        DashboardEditor editor = openManager();
        choosePeriod(editor, DashboardPeriod.THIS_MONTH);

        TileControl won = tile(editor, "Won revenue");
        assertEquals(TileControl.State.SHOWN, won.state(), won.messageText());
        assertAmount("120000", won.result().kpi().value());
        assertTrue(won.kpi().figureText().contains("120"), won.kpi().figureText());
        TileControl rate = tile(editor, "Win rate");
        assertAmount("50", rate.result().kpi().value()); // one won, one lost this month
        TileControl byOwner = tile(editor, "Won revenue by owner");
        assertEquals(TileControl.State.SHOWN, byOwner.state(), byOwner.messageText());
        UiTesting.waitUntil("the owner chart drawn", () -> byOwner.chart() != null && byOwner.chart().isRendered(), 10_000);
        TileControl profile = tile(editor, "Customer profile");
        assertTrue(profile.table() != null && profile.table().rowCount() > 0, "the profile table has rows");
        UiTesting.screenshot("dashboard-manager");

        chooseDays(editor, OLD_WIN.minusDays(3), OLD_WIN.plusDays(3));
        assertAmount("30000", won.result().kpi().value());
        assertEquals(OLD_WIN.minusDays(3), won.result().filter().from());
        assertAmount("100", rate.result().kpi().value());
    }

    @Test
    void drillingDownATileListsTheDealsBehindItsFigure() throws Exception {
        DashboardEditor editor = openManager();
        choosePeriod(editor, DashboardPeriod.THIS_MONTH);
        TileControl byOwner = tile(editor, "Won revenue by owner");
        ReportResult result = byOwner.result().result();
        assertEquals(1, result.rows().size(), "one owner won this month");
        List<String> records = new ArrayList<>();
        UiTesting.DialogAnswer answer = UiTesting.whenDialogOpens(NLS.bind(Messages.Drill_titleOf, result.title()), shell -> {
            DrillDownDialog dialog = (DrillDownDialog) shell.getData();
            UiTesting.waitForJobs(Jobs.FAMILY);
            UiTesting.waitUntil("the records", () -> !dialog.records().isEmpty(), 20_000);
            UiTesting.screenshot("drill-down");
            dialog.records().forEach(r -> records.add(r.entity() + " " + r.label() + " " + r.amount().stripTrailingZeros().toPlainString()));
            UiTesting.click(shell, UiTesting.plain(IDialogConstants.CLOSE_LABEL));
        });
        UiTesting.chooseFromMenu(byOwner, Messages.Tile_drillDown);
        answer.assertAnswered();
        assertEquals(1, records.size(), records.toString());
        assertTrue(records.get(0).startsWith("opportunity ") && records.get(0).contains("数据中台一期") && records.get(0).endsWith(" 120000"),
                records.get(0));
    }

    @Test
    void movingAndRemovingTilesIsSavedForTheOwner() throws Exception {
        DashboardService service = Services.get(DashboardService.class);
        Dashboard sales = service.visible().stream().filter(d -> "sales".equals(d.getTemplate())).findFirst().orElseThrow();
        int tiles = sales.getTiles().size();
        DashboardEditor editor = DashboardEditor.open(page, sales.getId(), sales.getName());
        settle(editor);
        TileControl first = editor.tiles().get(0);
        String firstTitle = first.tile().getTitle();
        UiTesting.chooseFromMenu(first, Messages.Tile_move, Messages.Move_right);
        assertTrue(editor.isDirty());
        assertEquals(firstTitle, editor.tiles().get(1).tile().getTitle(), "the tile moved one place right");
        UiTesting.chooseFromMenu(editor.tiles().get(editor.tiles().size() - 1), Messages.Tile_remove);
        UiTesting.click(editor.filterBar().getParent(), Messages.Dashboard_save);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the save", () -> !editor.isDirty(), 20_000);

        Dashboard saved = service.find(sales.getId()).orElseThrow();
        assertEquals(tiles - 1, saved.getTiles().size());
        assertEquals(firstTitle, saved.getTiles().get(1).getTitle());
        assertEquals(tiles - 1, editor.tiles().size());
    }

    @Test
    void anEmptyPeriodShowsTheEmptyStateAndNoErrorDialog() throws Exception {
        Set<Shell> before = Set.of(Display.getCurrent().getShells());
        DashboardEditor editor = openManager();
        chooseDays(editor, LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31));
        TileControl won = tile(editor, "Won revenue");
        assertEquals(TileControl.State.EMPTY, won.state());
        assertEquals("No data in this period", won.messageText());
        assertEquals(TileControl.State.EMPTY, tile(editor, "Won revenue by owner").state());
        assertEquals(TileControl.State.EMPTY, tile(editor, "Win/loss by reason").state());
        for (TileControl t : editor.tiles()) {
            assertFalse(t.state() == TileControl.State.FAILED, t.tile().getTitle() + ": " + t.messageText());
        }
        List<Shell> opened = new ArrayList<>(List.of(Display.getCurrent().getShells()));
        opened.removeAll(before);
        opened.removeIf(shell -> !shell.isVisible()); // the date pickers' hidden drop-down shells
        assertTrue(opened.isEmpty(), "no dialog opened: " + opened.stream().map(Shell::getText).toList());
    }

    @Test
    void aReportIsExportedToXlsxAndPdf(@TempDir Path dir) throws Exception {
        DashboardEditor editor = openManager();
        choosePeriod(editor, DashboardPeriod.THIS_MONTH);
        TileControl byOwner = tile(editor, "Won revenue by owner");
        String title = byOwner.result().result().title();
        List<String> suggested = new ArrayList<>();
        ReportActions.setSaveLocationPrompt((shell, format, name) -> {
            suggested.add(name);
            return dir.resolve(format == ReportFormat.XLSX ? "won" : "won.pdf").toString();
        });
        try {
            for (ReportFormat format : List.of(ReportFormat.XLSX, ReportFormat.PDF)) {
                UiTesting.DialogAnswer done = UiTesting.whenDialogOpensPress(Messages.Export_doneTitle, UiTesting.plain(IDialogConstants.OK_LABEL));
                UiTesting.chooseFromMenu(byOwner, Messages.Tile_export, Labels.format(format));
                UiTesting.waitForJobs(Jobs.FAMILY);
                UiTesting.waitUntil("the export reported", done::answered, 20_000);
                done.assertAnswered();
            }
        } finally {
            ReportActions.setSaveLocationPrompt(null);
        }
        assertTrue(suggested.get(0).endsWith(".xlsx") && suggested.get(1).endsWith(".pdf"), suggested.toString());

        Path xlsx = dir.resolve("won.xlsx"); // the extension is added when the name lacks it
        Path pdf = dir.resolve("won.pdf");
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            assertNotNull(zip.getEntry("xl/workbook.xml"), "an XLSX workbook");
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(sheet.contains("120000"), "the won amount is in the sheet");
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertTrue(document.getNumberOfPages() >= 1);
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(title), text);
        }
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    /** The tree item of a report, under its category. */
    private static TreeItem reportItem(TreeItem[] items, String reportId) {
        for (TreeItem item : items) {
            if (item.getData() instanceof ReportDescriptor d && d.id().equals(reportId)) {
                return item;
            }
            TreeItem below = reportItem(item.getItems(), reportId);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    @Test
    void theReportsViewShowsTheCatalogueWithDefinitionsAndOpensAReport() throws Exception {
        ReportsView view = (ReportsView) page.showView(ReportsView.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the catalogue listed", () -> !view.descriptors().isEmpty(), 20_000);
        List<String> ids = view.descriptors().stream().map(d -> d.id()).toList();
        assertTrue(ids.containsAll(List.of("funnel", "won-revenue", "win-loss", "sales-cycle", "forecast", "customer-profile")), ids.toString());
        boolean wonDefined = false;
        for (var item : view.metricTable().getItems()) {
            if (item.getText(0).equals("Won revenue")) {
                wonDefined = item.getText(2).toLowerCase().contains("won");
            }
        }
        assertTrue(wonDefined, "the metric catalogue shows won revenue's definition");
        UiTesting.doubleClick(reportItem(view.reportTree().getItems(), "win-loss"));
        UiTesting.waitUntil("the report editor", () -> page.getActiveEditor() instanceof ReportEditor, 5_000);
        ReportEditor editor = (ReportEditor) page.getActiveEditor();
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the report's result", () -> editor.result() != null, 20_000);
        UiTesting.screenshot("report-editor");
        assertNotNull(editor.result(), editor.messageText());
        assertFalse(editor.result().isEmpty(), "this year has closed deals");
        resultGridSortsCopiesAndKeepsItsLayout(editor);

        DashboardsView dashboards = (DashboardsView) page.showView(DashboardsView.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the dashboards listed", () -> !dashboards.dashboards().isEmpty(), 20_000);
        UiTesting.screenshot("reports-view");
        List<String> names = dashboards.dashboards().stream().map(Dashboard::getName).toList();
        assertTrue(names.containsAll(List.of("Manager", "Sales")), names.toString());
    }

    /**
     * The result on the shared grid: a header click sorts the rows by the column's values (both ways, then as the report
     * gave them), Edit › Copy copies a cell, and a hidden column stays hidden when the report opens again.
     */
    private void resultGridSortsCopiesAndKeepsItsLayout(ReportEditor editor) throws Exception {
        ReportResult result = editor.result();
        ResultTable table = editor.table();
        assertEquals(result.rows().size(), table.rowCount());
        assertEquals(result.rows(), table.shownRows(), "as the report gave them");
        int figure = java.util.stream.IntStream.range(0, result.columns().size()).filter(i -> !result.columns().get(i).isDimension())
                .findFirst().orElseThrow();
        String id = result.columns().get(figure).id();
        VirtualGrid<ReportRow> grid = table.grid();
        grid.clickHeader(id);
        List<BigDecimal> ascending = table.shownRows().stream().map(r -> new BigDecimal(String.valueOf(r.value(figure)))).toList();
        assertEquals(ascending.stream().sorted().toList(), ascending, "by " + id + ", smallest first");
        grid.clickHeader(id);
        List<BigDecimal> descending = table.shownRows().stream().map(r -> new BigDecimal(String.valueOf(r.value(figure)))).toList();
        assertEquals(descending.stream().sorted(java.util.Comparator.reverseOrder()).toList(), descending, "largest first");
        grid.clickHeader(id);
        assertEquals(result.rows(), table.shownRows(), "a third click: as the report gave them");

        page.activate(editor);
        editor.getSite().getShell().forceActive();
        UiTesting.waitUntil("the grid focused", () -> grid.control().setFocus() && grid.control().isFocusControl());
        grid.selectCell(0, id);
        assertTrue(editor.canCopySelection());
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.copy", null);
        assertEquals(grid.cellText(0, id), UiTesting.clipboardText());

        grid.hideColumn(id);
        String reportId = result.reportId();
        page.closeEditor(editor, false);
        UiTesting.processEvents();
        ReportEditor again = (ReportEditor) page.openEditor(new ReportEditorInput(reportId, result.title()), ReportEditor.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the report's result again", () -> again.result() != null && again.table().grid() != null, 20_000);
        assertFalse(again.table().grid().visibleColumns().contains(id), again.table().grid().visibleColumns().toString());
        VirtualGrid.forgetLayouts("report." + reportId);
        page.closeEditor(again, false);
    }

    /** Posts a real pointer event, as the mouse makes it, to where it is on the screen. */
    private static void post(int type, int x, int y) {
        Event event = new Event();
        event.type = type;
        event.x = x;
        event.y = y;
        event.button = 1;
        assertTrue(Display.getCurrent().post(event), "the display takes posted mouse events");
        UiTesting.processEvents();
    }

    /** The bar of a category, as the chart last drew it. */
    private static CategoryItemEntity bar(ChartCanvas canvas, String category) {
        for (Object entity : canvas.entities().getEntities()) {
            if (entity instanceof CategoryItemEntity bar && bar.getColumnKey().equals(category)) {
                return bar;
            }
        }
        throw new AssertionError("no bar for " + category);
    }

    /** Rests the pointer on the middle of a part of the chart until the canvas shows its tooltip; returns that point. */
    private static Point hover(ChartCanvas canvas, ChartEntity entity) {
        java.awt.Rectangle bounds = entity.getArea().getBounds();
        Point at = canvas.toDisplay(bounds.x + bounds.width / 2, bounds.y + Math.max(1, bounds.height / 2));
        canvas.getShell().forceActive();
        post(SWT.MouseMove, at.x - 30, at.y - 30); // from outside, so the toolkit sees the pointer arrive
        int[] nudge = { 0 };
        long end = System.currentTimeMillis() + 10_000;
        while (!entity.getToolTipText().equals(canvas.getToolTipText()) && System.currentTimeMillis() < end) {
            post(SWT.MouseMove, at.x + nudge[0]++ % 2, at.y);
        }
        return at;
    }

    /** Lets the toolkit's own tooltip window appear under a resting pointer, when screenshots are taken. */
    private static void restFor(long millis) {
        if (System.getenv("SALESBENCH_SCREENSHOTS") == null) {
            return;
        }
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            UiTesting.processEvents();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void hoveringABarShowsItsFigureAndClickingItOpensTheDealsBehindIt() throws Exception {
        ReportEditor editor = (ReportEditor) page.openEditor(new ReportEditorInput("won-revenue", "Won revenue"), ReportEditor.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.choose(UiTesting.labelled((org.eclipse.swt.widgets.Composite) editor.filterBar().getParent().getChildren()[1],
                Messages.TileDialog_by, Combo.class), Labels.dimension("month"));
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the report by month", () -> editor.result() != null && editor.result().filter().by() != null, 20_000);
        ChartCanvas canvas = editor.chart();
        UiTesting.waitUntil("the chart drawn", canvas::isRendered, 10_000);
        // this year, by month: every month of the year is on the axis, those without a won deal as zeros
        String thisMonth = YearMonth.now(Clocks.system()).toString();
        var months = canvas.chart().getCategoryPlot().getDataset().getColumnKeys();
        assertEquals(12, months.size(), months.toString());
        assertEquals(YearMonth.now(Clocks.system()).withMonth(1).toString(), months.get(0));

        CategoryItemEntity bar = bar(canvas, thisMonth);
        Point at = hover(canvas, bar);
        String tooltip = canvas.getToolTipText();
        assertNotNull(tooltip, "a tooltip over the bar of " + thisMonth);
        assertTrue(tooltip.startsWith(thisMonth + "\n") && tooltip.contains("Won revenue (CNY)") && tooltip.contains("¥120,000.00"), tooltip);
        restFor(1500);
        UiTesting.screenshot("chart-tooltip");

        IThemeEngine engine = PlatformUI.getWorkbench().getService(IThemeEngine.class);
        if (engine == null && Display.getCurrent().getData("org.eclipse.e4.ui.css.swt.theme") instanceof IThemeEngine e) {
            engine = e;
        }
        assertNotNull(engine, "the CSS theme engine");
        String light = engine.getActiveTheme() == null ? null : engine.getActiveTheme().getId();
        try {
            engine.setTheme("org.eclipse.e4.ui.css.theme.e4_dark", false);
            UiTesting.processEvents();
            canvas.redraw();
            UiTesting.waitUntil("the chart drawn dark", () -> canvas.isRendered()
                    && canvas.chart().getBackgroundPaint() instanceof java.awt.Color c && c.getRed() < 100, 10_000);
            java.awt.Color text = (java.awt.Color) canvas.chart().getCategoryPlot().getDomainAxis().getTickLabelPaint();
            assertTrue(text.getRed() > 150, "the axis' text follows the dark theme: " + text);
            hover(canvas, bar(canvas, thisMonth));
            restFor(1500);
            UiTesting.screenshot("chart-tooltip-dark");
        } finally {
            engine.setTheme(light != null ? light : "org.eclipse.e4.ui.css.theme.e4_default", false);
            UiTesting.processEvents();
        }
        canvas.redraw();
        UiTesting.processEvents();
        UiTesting.waitUntil("the chart drawn again", canvas::isRendered, 10_000);
        UiTesting.screenshot("chart-light-again");

        // a click on the bar opens the deals behind it
        Point again = hover(canvas, bar(canvas, thisMonth));
        List<String> records = new ArrayList<>();
        UiTesting.DialogAnswer answer = UiTesting.whenDialogOpens(NLS.bind(Messages.Drill_titleOf, editor.result().title()), shell -> {
            DrillDownDialog dialog = (DrillDownDialog) shell.getData();
            UiTesting.waitForJobs(Jobs.FAMILY);
            UiTesting.waitUntil("the records", () -> !dialog.records().isEmpty(), 20_000);
            UiTesting.screenshot("chart-drill-down");
            dialog.records().forEach(r -> records.add(r.label() + " " + r.amount().stripTrailingZeros().toPlainString()));
            UiTesting.click(shell, UiTesting.plain(IDialogConstants.CLOSE_LABEL));
        });
        // the press and release at the bar, as the canvas receives them (the pointer already rests there: the tooltip
        // above came from the real pointer; a press posted through XTest did not reach the canvas under Xvfb)
        Point local = canvas.toControl(again);
        for (int type : new int[] { SWT.MouseDown, SWT.MouseUp }) {
            Event press = new Event();
            press.x = local.x;
            press.y = local.y;
            press.button = 1;
            canvas.notifyListeners(type, press);
        }
        UiTesting.waitUntil("the drill-down opened", answer::answered, 20_000);
        answer.assertAnswered();
        assertEquals(1, records.size(), records.toString());
        assertTrue(records.get(0).contains("数据中台一期") && records.get(0).endsWith(" 120000"), records.get(0));
        assertNotNull(at);
    }
}
