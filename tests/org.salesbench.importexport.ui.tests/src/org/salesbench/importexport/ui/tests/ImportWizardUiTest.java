package org.salesbench.importexport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerSort;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ui.internal.ExportWizard;
import org.salesbench.importexport.ui.internal.ImportJob;
import org.salesbench.importexport.ui.internal.ImportWizard;
import org.salesbench.ui.Services;
import org.salesbench.ui.testing.UiTesting;

/** The import and export wizards in the running workbench, on the database the workbench opened. */
class ImportWizardUiTest {

    static final class TestWizardDialog extends WizardDialog {
        TestWizardDialog(Shell shell, IWizard wizard) {
            super(shell, wizard);
            setBlockOnOpen(false);
        }

        /** Presses Next, as a user would, and checks where it leads; the pages read their file on the way. */
        void next(org.eclipse.jface.wizard.IWizardPage expected) {
            UiTesting.click(getShell(), "Next >");
            assertEquals(expected, getCurrentPage());
            UiTesting.processEvents();
        }

        /** Presses Finish, as a user would. */
        void finish() {
            UiTesting.click(getShell(), "Finish");
        }
    }

    @TempDir
    Path dir;
    private Shell shell;
    private CustomerService customers;
    private String unique;

    @BeforeEach
    void setUp() {
        shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        customers = Services.get(CustomerService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    private List<CustomerRow> named(String text) {
        return customers.page(CustomerFilter.text(text), CustomerSort.DEFAULT, 0, 100);
    }

    @Test
    void theWizardsAreInFileImportAndExport() {
        IWizardDescriptor imports = PlatformUI.getWorkbench().getImportWizardRegistry()
                .findWizard("org.salesbench.importexport.ui.importWizard");
        assertNotNull(imports);
        assertNotNull(PlatformUI.getWorkbench().getExportWizardRegistry().findWizard("org.salesbench.importexport.ui.exportWizard"));
    }

    @Test
    void importsACsvWithChineseHeadersMappingAValueAndReportsTheFailedRow() throws Exception {
        Path file = Files.writeString(dir.resolve("客户-" + unique + ".csv"),
                "\uFEFF客户名称,所属行业,客户等级,备注\n"
                        + "测试科技" + unique + "有限公司,软件,甲,第一行\n"
                        + "样例贸易" + unique + "有限公司,贸易,B,第二行\n"
                        + ",缺少名称,C,这一行会失败\n",
                StandardCharsets.UTF_8);
        ImportWizard wizard = new ImportWizard();
        TestWizardDialog dialog = new TestWizardDialog(shell, wizard);
        dialog.open();
        try {
            wizard.filePage().select(file, "customers");
            assertTrue(wizard.filePage().isPageComplete(), "a readable CSV and a target");
            dialog.next(wizard.mappingPage());
            assertEquals("name", wizard.mappingPage().fieldOf("客户名称"));
            assertEquals("industry", wizard.mappingPage().fieldOf("所属行业"));
            assertEquals("grade", wizard.mappingPage().fieldOf("客户等级"));
            assertEquals("notes", wizard.mappingPage().fieldOf("备注"));
            assertEquals(List.of("grade:甲"), wizard.mappingPage().unmappedValues(), "the unknown grade is shown, not guessed");
            wizard.mappingPage().mapValue("grade", "甲", "A");
            wizard.mappingPage().map("备注", null);
            wizard.mappingPage().save("中文表头" + unique);
            UiTesting.screenshot("import-mapping");

            dialog.next(wizard.optionsPage());
            wizard.optionsPage().choose("name", OnMatch.SKIP, Mode.VALID_ROWS);
            UiTesting.screenshot("import-options");
            assertTrue(wizard.canFinish());
            dialog.finish();
            UiTesting.waitForJobs(ImportJob.FAMILY);
            UiTesting.waitUntil("the summary", () -> wizard.job().summary() != null, 60_000);
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }
        UiTesting.screenshot("import-summary");
        ImportJob job = wizard.job();
        assertNull(job.failure(), job.failure());
        assertEquals(Outcome.COMPLETED, job.result().outcome());
        assertEquals(2, job.result().created());
        assertEquals(1, job.result().failed());
        String text = job.summary().text();
        assertTrue(text.contains("Created 2, updated 0, skipped 0, failed 1."), text);
        Path report = dir.resolve("errors.csv");
        assertTrue(job.summary().saveReport(report));
        assertTrue(Files.readString(report, StandardCharsets.UTF_8).contains("\n4,"), "row 4 (no name) is in the report");
        job.summary().close();

        List<CustomerRow> imported = named(unique);
        assertEquals(2, imported.size(), imported.toString());
        assertTrue(imported.stream().anyMatch(r -> r.name().equals("测试科技" + unique + "有限公司") && "A".equals(r.grade())),
                "甲 was mapped to A: " + imported);

        // the saved mapping and the name match: the same file again skips both rows
        ImportWizard again = new ImportWizard();
        TestWizardDialog second = new TestWizardDialog(shell, again);
        second.open();
        try {
            again.filePage().select(file, "customers");
            second.next(again.mappingPage());
            again.mappingPage().load("中文表头" + unique);
            assertNull(again.mappingPage().fieldOf("备注"), "the saved mapping leaves the notes out");
            second.next(again.optionsPage());
            again.optionsPage().choose("name", OnMatch.SKIP, Mode.VALID_ROWS);
            second.finish();
            UiTesting.waitForJobs(ImportJob.FAMILY);
            UiTesting.waitUntil("the summary", () -> again.job().summary() != null, 60_000);
        } finally {
            if (second.getShell() != null && !second.getShell().isDisposed()) {
                second.close();
            }
        }
        assertEquals(2, again.job().result().skipped(), again.job().summary().text());
        again.job().summary().close();
        assertEquals(2, named(unique).size());
    }

    @Test
    void theFilesLocaleIsSavedWithTheMappingAndLoadedBackWithIt() throws Exception {
        // 03/04/2026 is 3 April in French and 4 March in American English: only the file's locale settles it
        Path file = Files.writeString(dir.resolve("fr-" + unique + ".csv"),
                "Name,Next Follow-up\nLocale " + unique + " SARL,03/04/2026\n", StandardCharsets.UTF_8);
        String mapping = "French dates " + unique;
        ImportWizard wizard = new ImportWizard();
        TestWizardDialog dialog = new TestWizardDialog(shell, wizard);
        dialog.open();
        try {
            wizard.filePage().select(file, "customers");
            dialog.next(wizard.mappingPage());
            assertEquals("nextFollowUp", wizard.mappingPage().fieldOf("Next Follow-up"));
            assertNull(wizard.mappingPage().fileLocale(), "detected per column until the user says");
            wizard.mappingPage().selectLocale(Locale.FRANCE);
            wizard.mappingPage().save(mapping);
        } finally {
            dialog.close();
        }
        assertEquals(Locale.FRANCE, Services.get(ImportService.class).loadMapping("customers", mapping).orElseThrow().values().locale(),
                "the saved mapping keeps the file's locale");

        ImportWizard again = new ImportWizard();
        TestWizardDialog second = new TestWizardDialog(shell, again);
        second.open();
        try {
            again.filePage().select(file, "customers");
            second.next(again.mappingPage());
            again.mappingPage().load(mapping);
            assertEquals(Locale.FRANCE, again.mappingPage().fileLocale(), "loading the mapping chooses its locale");
            assertEquals("nextFollowUp", again.mappingPage().fieldOf("Next Follow-up"));
            second.next(again.optionsPage());
            again.optionsPage().choose(null, OnMatch.SKIP, Mode.ALL_OR_NOTHING);
            second.finish();
            UiTesting.waitForJobs(ImportJob.FAMILY);
            UiTesting.waitUntil("the summary", () -> again.job().summary() != null, 60_000);
        } finally {
            if (second.getShell() != null && !second.getShell().isDisposed()) {
                second.close();
            }
        }
        assertEquals(1, again.job().result().created(), again.job().summary().text());
        again.job().summary().close();
        List<CustomerRow> imported = named("Locale " + unique);
        assertEquals(1, imported.size(), imported.toString());
        assertEquals(LocalDate.of(2026, 4, 3), imported.get(0).nextFollowUp(), "read as the French file writes it");
    }

    @Test
    void aBinaryFileIsRefusedOnTheMappingPageWithAMessage() throws IOException {
        byte[] bytes = new byte[4096];
        new java.util.Random(3).nextBytes(bytes);
        Path file = Files.write(dir.resolve("binary.csv"), bytes);
        ImportWizard wizard = new ImportWizard();
        TestWizardDialog dialog = new TestWizardDialog(shell, wizard);
        dialog.open();
        try {
            wizard.filePage().select(file, "customers");
            dialog.next(wizard.mappingPage());
            assertNotNull(wizard.mappingPage().getErrorMessage());
            assertFalse(wizard.canFinish());
        } finally {
            dialog.close();
        }
    }

    @Test
    void exportWizardWritesTheCustomersOfAFilter() throws Exception {
        Path file = Files.writeString(dir.resolve("in.csv"), "Name,Grade\n导出测试" + unique + "一号,A\n导出测试" + unique + "二号,B\n");
        ImportWizard wizard = new ImportWizard();
        TestWizardDialog importDialog = new TestWizardDialog(shell, wizard);
        importDialog.open();
        wizard.filePage().select(file, "customers");
        importDialog.next(wizard.mappingPage());
        importDialog.finish();
        UiTesting.waitForJobs(ImportJob.FAMILY);
        UiTesting.waitUntil("the summary", () -> wizard.job().summary() != null, 60_000);
        wizard.job().summary().close();

        ExportWizard export = new ExportWizard(CustomerFilter.text(unique));
        TestWizardDialog dialog = new TestWizardDialog(shell, export);
        dialog.open();
        Path out = dir.resolve("out");
        export.page().choose("customers", out, 0);
        dialog.finish();
        UiTesting.waitForJobs(ExportWizard.FAMILY);
        assertTrue(export.outcome().startsWith("Exported 2 records"), export.outcome());
        String csv = Files.readString(dir.resolve("out.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF") && csv.contains("导出测试" + unique + "二号"), csv);
    }

    @Test
    void theCustomersViewsExportOpensTheWizardWithTheListsFilterAndFileHasImportAndExport() throws Exception {
        org.eclipse.ui.IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        org.eclipse.ui.IViewPart view = window.getActivePage().showView("org.salesbench.customers.ui.views.customers");
        org.eclipse.jface.action.IToolBarManager toolBar = view.getViewSite().getActionBars().getToolBarManager();
        assertNotNull(toolBar.find("org.salesbench.importexport.ui.toolbar.exportCustomers"), "Export… on the view's tool bar");
        org.eclipse.jface.action.MenuManager file = (org.eclipse.jface.action.MenuManager) ((org.eclipse.ui.internal.WorkbenchWindow) window)
                .getMenuManager().find(org.eclipse.ui.IWorkbenchActionConstants.M_FILE);
        file.updateAll(true);
        assertNotNull(file.find("org.salesbench.importexport.ui.menu.import"), "File > Import…");
        assertNotNull(file.find("org.salesbench.importexport.ui.menu.export"), "File > Export…");

        boolean[] withFilter = { false };
        UiTesting.DialogAnswer export = UiTesting.whenDialogOpens("Export", exportShell -> {
            WizardDialog d = (WizardDialog) exportShell.getData();
            withFilter[0] = ((ExportWizard) d.getCurrentPage().getWizard()).exportsListFilter();
            UiTesting.click(exportShell, "Cancel");
        });
        view.setFocus();
        PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class)
                .executeCommand("org.salesbench.importexport.ui.exportCustomers", null);
        export.assertAnswered();
        assertTrue(withFilter[0], "the wizard got the Customers view's filter");
    }
}
