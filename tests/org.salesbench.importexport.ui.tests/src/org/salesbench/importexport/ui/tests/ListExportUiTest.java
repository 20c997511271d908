package org.salesbench.importexport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.importexport.ui.internal.ExportWizard;
import org.salesbench.opportunities.LeadFilter;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.ui.internal.LeadsView;
import org.salesbench.opportunities.ui.internal.OpportunitiesView;
import org.salesbench.ui.Services;
import org.salesbench.ui.testing.UiTesting;

/** The Leads and Opportunities views' Export…: the wizard gets the list's filter and the file holds what the list shows. */
class ListExportUiTest {

    @TempDir
    Path dir;

    private static Opportunity opportunity(Customer customer, String name, String amount, LocalDate close) {
        Pipeline pipeline = Services.get(PipelineService.class).pipelines(true).get(0);
        Opportunity o = new Opportunity(customer, name, Money.cny(amount));
        o.setPipeline(pipeline);
        o.setExpectedCloseDate(close);
        return Services.get(OpportunityService.class).create(o);
    }

    /** Runs a command of the active view and returns the export wizard it opened, after {@code onWizard} ran on it. */
    private static ExportWizard runExport(String commandId, java.util.function.Consumer<ExportWizard> onWizard) throws Exception {
        ExportWizard[] opened = { null };
        Display display = Display.getCurrent();
        Runnable handle = new Runnable() {
            int attempts;

            @Override
            public void run() {
                Shell active = display.getActiveShell();
                if (active != null && active.getData() instanceof WizardDialog d && d.getCurrentPage() != null
                        && d.getCurrentPage().getWizard() instanceof ExportWizard w) {
                    opened[0] = w;
                    onWizard.accept(w);
                    d.close();
                } else if (++attempts < 200) {
                    display.timerExec(100, this);
                }
            }
        };
        display.timerExec(100, handle);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(commandId, null);
        assertNotNull(opened[0], "the export wizard opened");
        return opened[0];
    }

    @Test
    void theOpportunitiesViewsExportWritesTheFilteredListToCsv() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        CustomerService customers = Services.get(CustomerService.class);
        Customer mine = customers.create(new Customer("导出商机客户" + unique));
        Customer other = customers.create(new Customer("别的客户" + unique));
        LocalDate today = LocalDate.now(Clocks.system());
        opportunity(mine, "二期 CRM", "250000", today.plusMonths(3));
        opportunity(mine, "一期 CRM", "120000.5", today.plusMonths(1));
        opportunity(other, "不在列表里", "999", today.plusMonths(2));

        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        OpportunitiesView view = (OpportunitiesView) window.getActivePage().showView(OpportunitiesView.ID);
        IToolBarManager toolBar = view.getViewSite().getActionBars().getToolBarManager();
        assertNotNull(toolBar.find("org.salesbench.importexport.ui.toolbar.exportOpportunities"), "Export… on the view's tool bar");
        view.searchBox().setText("导出商机客户" + unique);
        UiTesting.waitUntil("the filtered list", () -> view.filter().text() != null && view.filter().text().contains(unique)
                && view.rowCount() == 2, 10_000);

        Path out = dir.resolve("opportunities");
        ExportWizard wizard = runExport("org.salesbench.importexport.ui.exportOpportunities", w -> {
            w.page().choose("opportunities", out, 0);
            assertTrue(w.performFinish());
        });
        assertEquals(view.filter(), wizard.listFilter(), "the wizard got the view's filter");
        UiTesting.waitForJobs(ExportWizard.FAMILY);
        assertTrue(wizard.outcome().startsWith("Exported 2 records"), wizard.outcome());

        String csv = Files.readString(dir.resolve("opportunities.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"), "UTF-8 with a byte-order mark");
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1)))) {
            rows = parser.getRecords();
        }
        assertEquals(20, rows.get(0).size(), "one column per field (the source's created date and the campaign among them) and the Version: " + rows.get(0));
        rows = rows.subList(1, rows.size());
        assertEquals(2, rows.size(), csv);
        assertEquals(List.of("一期 CRM", "二期 CRM"), rows.stream().map(r -> r.get(0)).toList(), "in the list's order: " + csv);
        for (CSVRecord row : rows) {
            assertEquals("导出商机客户" + unique, row.get(1), csv);
        }
        assertEquals(0, new BigDecimal("120000.5").compareTo(new BigDecimal(rows.get(0).get(3))), csv);
        assertEquals(today.plusMonths(1).toString(), rows.get(0).get(5), csv);
    }

    @Test
    void theLeadsViewsExportOpensTheWizardWithTheListsFilter() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        LeadsView view = (LeadsView) window.getActivePage().showView(LeadsView.ID);
        assertNotNull(view.getViewSite().getActionBars().getToolBarManager().find("org.salesbench.importexport.ui.toolbar.exportLeads"),
                "Export… on the view's tool bar");
        view.searchBox().setText("无此公司");
        UiTesting.waitUntil("the filtered list", () -> "无此公司".equals(view.filter().text()), 10_000);
        ExportWizard wizard = runExport("org.salesbench.importexport.ui.exportLeads", w -> {
        });
        assertTrue(wizard.listFilter() instanceof LeadFilter f && "无此公司".equals(f.text()), String.valueOf(wizard.listFilter()));
        assertTrue(wizard.exportsListFilter());
    }

}
