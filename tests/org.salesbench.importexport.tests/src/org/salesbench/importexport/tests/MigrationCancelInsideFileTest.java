package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.internal.ImportEngine;
import org.salesbench.importexport.internal.Migrator;
import org.salesbench.importexport.internal.Migrator.FileResult;
import org.salesbench.importexport.internal.Migrator.Orphans;
import org.salesbench.testing.MigrationExports;

/**
 * A migration cancelled inside a file's load, not between files: the monitor says "cancelled" once the engine has handed
 * over two batches of the contacts' file (of four), on the bulk path a real export's contacts take (one load; the service
 * path's cancel at a batch is {@code CustomerImportTest}'s, on a single file). What the code promises for a migration
 * (valid rows): the file keeps exactly the whole batches its result counts (outcome {@code CANCELLED_AT_BATCH}, the row it stopped after) and nothing after them, each kept contact whole (its
 * e-mail and its external id with it); the accounts' file before it stays whole; the files after it are not read. A
 * second run then imports the rest of the file and the files after it, nothing twice.
 */
class MigrationCancelInsideFileTest {

    private static final int ACCOUNTS = 40;
    private static final int CONTACTS = 3_500; // three full batches of 1,000 and a part

    @TempDir
    Path dir;

    /** Cancelled from the second batch handed over after the file {@code file} began (its name is the migration's step). */
    static final class CancelInside extends NullProgressMonitor {
        private final String file;
        private boolean inside;
        private int batches;

        CancelInside(String file) {
            this.file = file;
        }

        @Override
        public void subTask(String name) {
            if (file.equals(name)) {
                inside = true;
            } else if (inside) {
                batches++; // the engine names the rows read after each batch it hands over
            }
        }

        @Override
        public boolean isCanceled() {
            return batches >= 2;
        }
    }

    @Test
    void theFileKeepsTheWholeBatchesBeforeTheCancelAndTheRerunImportsTheRest() throws Exception {
        System.setProperty(ImportEngine.BULK_BYTES_PROPERTY, "1");
        try {
            cancelInsideTheContacts("blk");
        } finally {
            System.clearProperty(ImportEngine.BULK_BYTES_PROPERTY);
        }
    }

    private void cancelInsideTheContacts(String unique) throws Exception {
        Path folder = MigrationExports.accountsContactsAndATask(dir.resolve("export-" + unique), unique, ACCOUNTS, CONTACTS);
        try (SalesFixture f = new SalesFixture()) {
            Map<String, FileResult> first = byFile(new Migrator(f.engine).run("salesforce", folder, Orphans.PLACEHOLDER, null,
                    new CancelInside("Contact.csv")));
            assertEquals(List.of("Account.csv", "Contact.csv"), List.copyOf(first.keySet()), "the files after the cancelled one are not read");
            assertEquals(ACCOUNTS, first.get("Account.csv").result().created(), "the file before the cancel is whole");
            assertEquals(ImportResult.Outcome.COMPLETED, first.get("Account.csv").result().outcome());
            ImportResult contacts = first.get("Contact.csv").result();
            assertEquals(ImportResult.Outcome.CANCELLED_AT_BATCH, contacts.outcome(), contacts.toString());
            assertEquals(2_000, contacts.created(), "the two batches handed over before the cancel: " + contacts);
            assertTrue(contacts.lastCommittedRow() > 0 && contacts.lastCommittedRow() < CONTACTS + 1, contacts.toString());

            // nothing half-written: exactly the contacts the result counts, the first of the file, each with its e-mail and id
            String ours = "FROM SB_CONTACT WHERE NAME LIKE '%" + unique + "x%'";
            assertEquals(contacts.created(), f.count("SELECT COUNT(*) " + ours));
            assertEquals(contacts.created(), f.count("SELECT COUNT(*) FROM SB_CONTACT_EMAIL WHERE CONTACT_ID IN (SELECT ID " + ours + ")"));
            assertEquals(contacts.created(), f.count("SELECT COUNT(*) FROM SB_CONTACT_EXTERNAL_ID WHERE ENTITY = 'contact' AND RECORD_ID IN (SELECT ID "
                    + ours + ")"));
            assertEquals(contacts.created(), f.count("SELECT COUNT(*) FROM SB_CONTACT_EXTERNAL_ID WHERE ENTITY = 'contact' AND EXTERNAL_ID LIKE '003"
                    + unique + "x%' AND CAST(SUBSTR(EXTERNAL_ID, " + (5 + unique.length()) + ") AS INT) < " + contacts.created()),
                    "the file's first rows, none after the cancel");
            assertEquals(0, f.count("SELECT COUNT(*) FROM SB_ACTIVITY WHERE SUMMARY LIKE '%" + unique + "%'"));

            // the second run imports the rest and skips what is in
            Map<String, FileResult> again = byFile(new Migrator(f.engine).run("salesforce", folder, Orphans.PLACEHOLDER, null,
                    new NullProgressMonitor()));
            ImportResult rest = again.get("Contact.csv").result();
            assertEquals(ImportResult.Outcome.COMPLETED, rest.outcome(), rest.toString());
            assertEquals(CONTACTS - contacts.created(), rest.created(), rest.toString());
            assertEquals(ACCOUNTS, again.get("Account.csv").result().skipped(), "no account twice");
            assertEquals(CONTACTS, f.count("SELECT COUNT(*) " + ours), "no contact twice");
            assertEquals(CONTACTS, f.count("SELECT COUNT(*) FROM SB_CONTACT_EMAIL WHERE CONTACT_ID IN (SELECT ID " + ours + ")"));
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_ACTIVITY WHERE SUMMARY LIKE '%" + unique + "%'"));
            assertFalse(again.containsKey("NotThere.csv"));
        }
    }

    private static Map<String, FileResult> byFile(List<FileResult> results) {
        Map<String, FileResult> map = new LinkedHashMap<>();
        results.forEach(r -> map.put(r.spec().name(), r));
        return map;
    }
}
