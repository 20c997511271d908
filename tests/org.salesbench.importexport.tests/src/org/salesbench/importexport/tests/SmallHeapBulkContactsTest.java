package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.customers.Customer;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.persistence.DatabaseSettings;

/**
 * A contacts file whose bulk load stages far more than a small heap holds: 120,000 contacts with four phones and four
 * e-mails each and an external id (960,000 phone and e-mail rows and 120,000 external ids: about 140 MB as the staged
 * objects, counted by their sizes) import through the bulk path in a JVM of its own with {@code -Xmx128m} (the
 * {@code small-heap-bulk} execution in this module's pom). Before the later tables and the external ids spilled to a
 * file ({@code DerbyBulkInsert.spilling}, {@code BulkLoad}) the phones, e-mails and external ids of the whole file
 * waited in memory for the contacts' insert to end, which is how the 1,000,000-row {@code cli import contacts} ran out
 * of its 1 GB heap.
 */
class SmallHeapBulkContactsTest {

    private static final int CUSTOMERS = 100;
    private static final int ROWS = 120_000;
    private static final int EACH = 4;

    @TempDir
    Path dir;

    @Test
    void aContactsFileLargerThanTheHeapLoadsInBulkInBoundedMemory() throws IOException {
        long maxHeapMb = Runtime.getRuntime().maxMemory() >> 20;
        // -Dtest=… runs it in the other executions too, in their large heap: there it proves nothing
        assumeTrue(maxHeapMb <= 160, "this test runs in its own small heap, not " + maxHeapMb + " MB");
        Path file = dir.resolve("contacts.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Customer,Name,Title,Phone,Email,External ID\n");
            for (int i = 0; i < ROWS; i++) {
                StringBuilder phones = new StringBuilder();
                StringBuilder emails = new StringBuilder();
                for (int n = 0; n < EACH; n++) {
                    phones.append(n == 0 ? "" : "; ").append("+86 21 ").append(5000_0000 + i).append(" ext ").append(n);
                    emails.append(n == 0 ? "" : "; ").append("contact.number.").append(i).append(".mailbox").append(n).append("@example.com");
                }
                out.write("Customer " + (i % CUSTOMERS) + ",联系人 " + i + ",Purchasing manager," + phones + "," + emails + ",CT-" + i + "\n");
            }
        }
        try (ImportFixture fx = new ImportFixture(DatabaseSettings.embedded(dir.resolve("db")))) {
            for (int c = 0; c < CUSTOMERS; c++) {
                fx.customers.create(new Customer("Customer " + c));
            }
            ImportSettings settings = fx.auto(file, "contacts").withMode(Mode.ALL_OR_NOTHING);
            ImportResult result = fx.importFile(file, "contacts", settings);
            assertEquals(Outcome.COMPLETED, result.outcome(), () -> result.errors().stream().limit(5).toList().toString());
            assertEquals(ROWS, result.created());
            assertEquals(List.of("contact:" + ROWS), fx.imported, "the bulk path loaded the file (one IMPORTED event)");
            assertEquals(ROWS, fx.count("SB_CONTACT"));
            assertEquals(ROWS * EACH, fx.count("SB_CONTACT_PHONE"));
            assertEquals(ROWS * EACH, fx.count("SB_CONTACT_EMAIL"));
            assertEquals(ROWS, fx.count("SB_CONTACT_EXTERNAL_ID WHERE ENTITY = 'contact'"));
            // the last row, read back from the spill files: its customer, phones and e-mails in order, its external id
            int last = ROWS - 1;
            List<?> stored = fx.db.read(em -> em.createNativeQuery("SELECT c.NAME, p.PHONE, e.EMAIL, x.EXTERNAL_ID FROM SB_CONTACT k "
                    + "JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID JOIN SB_CONTACT_PHONE p ON p.CONTACT_ID = k.ID AND p.POSITION = 3 "
                    + "JOIN SB_CONTACT_EMAIL e ON e.CONTACT_ID = k.ID AND e.POSITION = 3 "
                    + "JOIN SB_CONTACT_EXTERNAL_ID x ON x.ENTITY = 'contact' AND x.RECORD_ID = k.ID WHERE k.NAME = ?")
                    .setParameter(1, "联系人 " + last).getResultList());
            assertEquals(1, stored.size());
            assertEquals(List.of("Customer " + last % CUSTOMERS, "+86 21 " + (5000_0000 + last) + " ext 3",
                    "contact.number." + last + ".mailbox3@example.com", "CT-" + last), List.of((Object[]) stored.get(0)));
        }
    }
}
