package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.importexport.FormatDescriptor;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.TargetDescriptor;
import org.salesbench.importexport.WriteOptions;

/** Activities through the customer service's rules, and the formats and targets read from the extension registry. */
class ActivityAndRegistryTest {

    @TempDir
    Path dir;
    private ImportFixture fx;

    @BeforeEach
    void open() {
        fx = new ImportFixture();
        Customer acme = new Customer("ACME Inc.");
        acme.addContact(new Contact("Road Runner"));
        fx.customers.create(acme);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void formatsAndTargetsComeFromTheExtensionPoints() {
        assertEquals(List.of("csv", "vcard", "xlsx"), fx.engine.formats().stream().map(FormatDescriptor::id).toList());
        assertEquals(List.of("customers", "contacts", "activities", "users", "products", "leadSources", "leads", "opportunities",
                "stageHistory", "campaignMembers"), fx.engine.targets().stream().map(TargetDescriptor::id).toList());
        assertEquals("Customers", fx.engine.target("customers").label());
        assertEquals("xlsx", fx.engine.formatFor(Path.of("Book1.XLSX")).orElseThrow().id());
        assertTrue(fx.engine.formatFor(Path.of("notes.docx")).isEmpty());
    }

    @Test
    void activitiesAreLoggedThroughTheServiceAndRoundTrip() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("a.csv"), """
                Account Name,Activity Type,Date,Subject,Contact,Next Step Date,Activity ID
                ACME Inc.,visit,2026-11-02 10:00,首次拜访,Road Runner,2026-11-20,T-1
                ACME Inc.,call,2026/11/05,Follow-up,,,T-2
                ACME Inc.,fax,2026-11-06,Old habits,,,T-3
                ACME Inc.,note,2026-11-07,Who?,Nobody,,T-4
                """);
        ImportResult result = fx.importFile(file, "activities", fx.auto(file, "activities").withMode(Mode.VALID_ROWS));
        assertEquals(2, result.created(), result.errors().toString());
        assertEquals(2, result.failed());
        assertEquals("Activity Type", result.errors().get(0).column());
        assertTrue(result.errors().get(1).message().contains("no contact named \"Nobody\""), result.errors().get(1).message());
        Customer acme = fx.customers.find(fx.idOf("ACME Inc.")).orElseThrow();
        assertEquals(2, acme.getActivities().size());
        Activity visit = acme.getActivities().stream().filter(a -> a.getType() == ActivityType.VISIT).findFirst().orElseThrow();
        assertEquals(LocalDateTime.of(2026, 11, 2, 10, 0), visit.getOccurredAt());
        assertEquals("Road Runner", visit.getContact().getName());
        assertEquals("importer", visit.getPerformedBy());
        assertEquals(LocalDate.of(2026, 11, 20), acme.getNextFollowUp(), "the service's rule: a next-step date moves the follow-up");

        ImportResult again = fx.importFile(file, "activities", fx.auto(file, "activities").withMode(Mode.VALID_ROWS)
                .withMatch(new MatchPolicy(List.of("externalId"), OnMatch.SKIP)));
        assertEquals(2, again.skipped(), again.errors().toString());

        Path exported = dir.resolve("activities.xlsx");
        assertEquals(2, fx.engine.export("activities", null, exported, WriteOptions.DEFAULT, new NullProgressMonitor()));
        try (ImportFixture copy = new ImportFixture()) {
            Customer twin = new Customer("ACME Inc.");
            twin.addContact(new Contact("Road Runner"));
            copy.customers.create(twin);
            ImportResult imported = copy.engine.run(exported, ReadOptions.DETECT, copy.auto(exported, "activities"), new NullProgressMonitor());
            assertEquals(Outcome.COMPLETED, imported.outcome(), imported.errors().toString());
            List<String> original = describe(acme.getActivities());
            List<String> copied = describe(copy.customers.find(copy.idOf("ACME Inc.")).orElseThrow().getActivities());
            assertEquals(original, copied);
        }
    }

    @Test
    void theCustomersSatisfactionIsImportedChangedByExternalIdAndExported() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("csat.csv"), """
                客户,类型,日期,主题,满意度,外部编号
                ACME Inc.,visit,2026-11-02 10:00,回访,5,S-1
                ACME Inc.,call,2026-11-03 10:00,电话,,S-2
                ACME Inc.,call,2026-11-04 10:00,半分,4.5,S-3
                ACME Inc.,call,2026-11-05 10:00,太高,6,S-4
                """);
        ImportResult result = fx.importFile(file, "activities", fx.auto(file, "activities").withMode(Mode.VALID_ROWS));
        assertEquals(2, result.created(), result.errors().toString());
        assertEquals(2, result.failed());
        assertTrue(result.errors().get(0).message().contains("4.5"), result.errors().get(0).message());
        assertTrue(result.errors().get(1).message().contains("6"), result.errors().get(1).message());
        Customer acme = fx.customers.find(fx.idOf("ACME Inc.")).orElseThrow();
        assertEquals(List.of("回访=5", "电话=null"), acme.getActivities().stream().map(a -> a.getSummary() + "=" + a.getSatisfaction()).sorted().toList());

        Path change = ImportFixture.utf8(dir.resolve("csat2.csv"), """
                Account Name,Activity Type,Date,Subject,CSAT,Activity ID
                ACME Inc.,call,2026-11-03 10:00,电话,3,S-2
                """);
        ImportResult updated = fx.importFile(change, "activities", fx.auto(change, "activities").withMode(Mode.VALID_ROWS)
                .withMatch(new MatchPolicy(List.of("externalId"), OnMatch.UPDATE)));
        assertEquals(1, updated.updated(), updated.errors().toString());
        acme = fx.customers.find(fx.idOf("ACME Inc.")).orElseThrow();
        assertEquals(List.of("回访=5", "电话=3"), acme.getActivities().stream().map(a -> a.getSummary() + "=" + a.getSatisfaction()).sorted().toList());

        Path exported = dir.resolve("csat.csv.out.csv");
        assertEquals(2, fx.engine.export("activities", null, exported, WriteOptions.DEFAULT, new NullProgressMonitor()));
        String csv = java.nio.file.Files.readString(exported, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.contains("回访") && csv.lines().anyMatch(l -> l.contains("回访") && l.contains(",5,")), csv);
    }

    private static List<String> describe(List<Activity> activities) {
        return activities.stream().map(a -> a.getType() + "|" + a.getOccurredAt() + "|" + a.getSummary() + "|" + a.getNextStepDate() + "|"
                + (a.getContact() == null ? "" : a.getContact().getName())).sorted().toList();
    }
}
