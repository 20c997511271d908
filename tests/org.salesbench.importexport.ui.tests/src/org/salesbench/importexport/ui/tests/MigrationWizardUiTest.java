package org.salesbench.importexport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerSort;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.Migrations.FileSummary;
import org.salesbench.importexport.ui.internal.MigrationWizard;
import org.salesbench.importexport.ui.internal.MigrationWizard.MigrationJob;
import org.salesbench.ui.Services;
import org.salesbench.testing.MigrationExports;
import org.salesbench.ui.testing.UiTesting;

/**
 * The migration wizard in the running workbench: a small Salesforce export folder written here, its plan (each file
 * the migration reads, with its rows; the files the folder lacks said so), Finish running it as a job with progress,
 * and the summary per file; the customers are then in the database the workbench opened.
 */
class MigrationWizardUiTest {

    @TempDir
    Path dir;

    @Test
    void aSalesforceFolderIsPlannedAndMigratedWithProgressAndASummary() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        Path folder = Files.createDirectories(dir.resolve("export"));
        Files.writeString(folder.resolve("Account.csv"), "Id,Name,Type,Industry\r\n"
                + "001" + unique + "1,Moving Rockets " + unique + ",Customer - Direct,Aerospace\r\n"
                + "001" + unique + "2,迁入测试" + unique + "有限公司,Analyst,Retail\r\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("Contact.csv"), "Id,AccountId,FirstName,LastName,Email\r\n"
                + "003" + unique + "1,001" + unique + "1,Wile,Coyote,wile." + unique + "@example.invalid\r\n"
                + "003" + unique + "2,001" + unique + "2,三,张,zhang." + unique + "@example.invalid\r\n", StandardCharsets.UTF_8);
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        assertNotNull(PlatformUI.getWorkbench().getImportWizardRegistry().findWizard("org.salesbench.importexport.ui.migrationWizard"),
                "in File > Import");
        MigrationWizard wizard = new MigrationWizard();
        ImportWizardUiTest.TestWizardDialog dialog = new ImportWizardUiTest.TestWizardDialog(shell, wizard);
        dialog.open();
        try {
            assertFalse(wizard.page().isPageComplete(), "no folder yet");
            wizard.page().choose("salesforce", dir.resolve("no-such-folder"), false);
            assertFalse(wizard.page().isPageComplete());
            assertNotNull(wizard.page().getErrorMessage());
            wizard.page().choose("salesforce", folder, false);
            assertTrue(wizard.page().isPageComplete(), wizard.page().getErrorMessage());
            List<String> plan = wizard.page().plan();
            assertTrue(plan.contains("Account.csv | customers | 2 rows"), plan.toString());
            assertTrue(plan.contains("Contact.csv | contacts | 2 rows"), plan.toString());
            assertTrue(plan.contains("User.csv | users | not in the folder"), plan.toString());
            UiTesting.screenshot("migration-plan");
            assertTrue(wizard.canFinish());
            dialog.finish();
            UiTesting.waitForJobs(MigrationJob.FAMILY);
            UiTesting.waitUntil("the summary", () -> wizard.job().summary() != null, 60_000);
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }
        UiTesting.screenshot("migration-summary");
        MigrationJob job = wizard.job();
        assertNull(job.failure(), job.failure());
        Map<String, FileSummary> byFile = job.results().stream().collect(Collectors.toMap(FileSummary::name, s -> s));
        assertEquals(List.of("Account.csv", "Contact.csv"), job.results().stream().map(FileSummary::name).toList());
        assertEquals(2, byFile.get("Account.csv").result().created(), byFile.get("Account.csv").result().errors().toString());
        assertEquals(2, byFile.get("Contact.csv").result().created(), byFile.get("Contact.csv").result().errors().toString());
        String text = job.summaryText();
        assertTrue(text.contains("Account.csv → customers: created 2, updated 0, skipped 0, failed 0"), text);
        job.summary().close();

        CustomerService customers = Services.get(CustomerService.class);
        UiTesting.waitUntil("the migrated customers in the list",
                () -> customers.page(CustomerFilter.text(unique), CustomerSort.DEFAULT, 0, 100).size() == 2);
        List<CustomerRow> migrated = customers.page(CustomerFilter.text(unique), CustomerSort.DEFAULT, 0, 100);
        assertTrue(migrated.stream().anyMatch(r -> r.name().equals("迁入测试" + unique + "有限公司")), migrated.toString());
    }

    private static long count(String sql, String like) {
        return Services.get(org.salesbench.persistence.UnitOfWork.class).read(em -> ((Number) em.createNativeQuery(sql).setParameter(1, like)
                .getSingleResult()).longValue());
    }

    /**
     * Cancel in the middle of a run: the accounts' file, done before the cancel, stays whole; the contacts' file being
     * imported keeps nothing or only its committed batches, exactly as its summary line says; the files after it are
     * not read; the summary says the run was cancelled. A second run then imports the rest and skips what is in.
     */
    @Test
    void aCancelMidRunLeavesAConsistentDatabaseAndASummaryOfWhatWasImported() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        int accounts = 200;
        int contacts = 30_000; // over a megabyte: the bulk load, long enough to be cancelled in
        Path folder = MigrationExports.accountsContactsAndATask(dir.resolve("export"), unique, accounts, contacts);
        String customersOf = "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME LIKE ?1 AND DELETED_AT IS NULL";
        String contactsOf = "SELECT COUNT(*) FROM SB_CONTACT WHERE NAME LIKE ?1";
        String tasksOf = "SELECT COUNT(*) FROM SB_ACTIVITY WHERE SUMMARY LIKE ?1";
        String like = "%" + unique + "%";

        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        MigrationWizard wizard = new MigrationWizard();
        ImportWizardUiTest.TestWizardDialog dialog = new ImportWizardUiTest.TestWizardDialog(shell, wizard);
        dialog.open();
        try {
            wizard.page().choose("salesforce", folder, false);
            assertTrue(wizard.page().isPageComplete(), wizard.page().getErrorMessage());
            dialog.finish();
            // the accounts are in (their file committed): cancel while the contacts load
            UiTesting.waitUntil("the accounts migrated", () -> count(customersOf, like) == accounts, 120_000);
            wizard.job().cancel();
            UiTesting.waitForJobs(MigrationJob.FAMILY);
            UiTesting.waitUntil("the summary", () -> wizard.job().summary() != null, 60_000);
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }
        MigrationJob job = wizard.job();
        UiTesting.screenshot("migration-cancelled");
        assertNull(job.failure(), job.failure());
        assertTrue(job.cancelled());
        String text = job.summaryText();
        assertTrue(text.contains(org.salesbench.importexport.Migrations.cancelledNote()), text);
        job.summary().close();
        Map<String, FileSummary> byFile = job.results().stream().collect(Collectors.toMap(FileSummary::name, s -> s));
        assertEquals(accounts, byFile.get("Account.csv").result().created(), "the file before the cancel is whole");
        assertTrue(text.contains("Account.csv → customers: created " + accounts), text);
        assertFalse(byFile.containsKey("Task.csv"), "the files after the cancelled one are not read: " + byFile.keySet());
        assertEquals(0, count(tasksOf, like));
        assertEquals(accounts, count(customersOf, like));
        // the contacts' file: nothing of it, or exactly the batches its summary line counts
        FileSummary contactFile = byFile.get("Contact.csv");
        long stored = count(contactsOf, like);
        if (contactFile == null || contactFile.result().wroteNothing()) {
            assertEquals(0, stored, "a file cancelled whole leaves no contact");
        } else {
            assertEquals(contactFile.result().created(), stored, contactFile.result().toString());
        }

        // a second run imports the rest, skipping what is in
        MigrationWizard again = runToTheEnd(shell, folder, null);
        assertNull(again.job().failure(), again.job().failure());
        assertFalse(again.job().cancelled());
        again.job().summary().close();
        assertEquals(accounts, count(customersOf, like), "no account twice");
        assertEquals(contacts, count(contactsOf, like), again.job().summaryText());
        assertEquals(1, count(tasksOf, like));
    }

    /**
     * A cancel that lands inside a file's load (the job cancels itself, as Cancel on its progress would, once the first
     * batch of the contacts' file is handed over): the contacts' file keeps exactly the whole batches its summary line
     * counts ("cancelled after row N"), each contact with its e-mail, nothing after them; the accounts stay whole; the task
     * file is not read. A second run imports the rest, nothing twice.
     */
    @Test
    void aCancelInsideAFileKeepsExactlyTheBatchesItsSummaryLineCounts() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        int accounts = 50;
        int contacts = 30_000; // over a megabyte: the bulk load, as a real export's contacts
        Path folder = MigrationExports.accountsContactsAndATask(dir.resolve("inside"), unique, accounts, contacts);
        String like = "%" + unique + "%";
        String contactsOf = "SELECT COUNT(*) FROM SB_CONTACT WHERE NAME LIKE ?1";

        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        MigrationWizard wizard = runToTheEnd(shell, folder, "Contact.csv");
        MigrationJob job = wizard.job();
        assertNull(job.failure(), job.failure());
        assertTrue(job.cancelled());
        String text = job.summaryText();
        job.summary().close();
        Map<String, FileSummary> byFile = job.results().stream().collect(Collectors.toMap(FileSummary::name, s -> s));
        assertEquals(java.util.Set.of("Account.csv", "Contact.csv"), byFile.keySet(), text);
        assertEquals(accounts, byFile.get("Account.csv").result().created());
        ImportResult inside = byFile.get("Contact.csv").result();
        assertEquals(ImportResult.Outcome.CANCELLED_AT_BATCH, inside.outcome(), text);
        assertTrue(inside.created() > 0 && inside.created() < contacts, "the cancel landed inside the file: " + text);
        assertTrue(text.contains(org.salesbench.importexport.Migrations.summaryLine("Contact.csv", "contacts", inside)), text);
        assertTrue(text.contains(org.salesbench.importexport.Migrations.cancelledNote()), text);
        assertEquals(inside.created(), count(contactsOf, like), "exactly the batches the summary counts");
        assertEquals(inside.created(), count("SELECT COUNT(*) FROM SB_CONTACT_EMAIL E JOIN SB_CONTACT C ON C.ID = E.CONTACT_ID WHERE C.NAME LIKE ?1",
                like), "each with its e-mail");
        assertEquals(0, count("SELECT COUNT(*) FROM SB_ACTIVITY WHERE SUMMARY LIKE ?1", like));

        MigrationWizard again = runToTheEnd(shell, folder, null);
        assertNull(again.job().failure(), again.job().failure());
        again.job().summary().close();
        assertEquals(contacts, count(contactsOf, like), again.job().summaryText());
        assertEquals(1, count("SELECT COUNT(*) FROM SB_ACTIVITY WHERE SUMMARY LIKE ?1", like));
    }

    /**
     * Runs the wizard on a Salesforce {@code folder} with Finish, its job cancelling itself inside {@code cancelInside}
     * (a file's name; {@code null}: not cancelled), until the summary is shown.
     */
    private static MigrationWizard runToTheEnd(Shell shell, Path folder, String cancelInside) {
        MigrationWizard wizard = new MigrationWizard();
        ImportWizardUiTest.TestWizardDialog dialog = new ImportWizardUiTest.TestWizardDialog(shell, wizard);
        dialog.open();
        try {
            wizard.page().choose("salesforce", folder, false);
            if (cancelInside != null) {
                wizard.cancelInside(cancelInside);
            }
            dialog.finish();
            UiTesting.waitForJobs(MigrationJob.FAMILY);
            UiTesting.waitUntil("the summary", () -> wizard.job() != null && wizard.job().summary() != null, 120_000);
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }
        return wizard;
    }
}
