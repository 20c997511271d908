package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerSort;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RowError;
import org.salesbench.importexport.internal.ImportEngine;
import org.salesbench.importexport.targets.BulkLoad;

/**
 * Contacts and activities through the bulk path (Derby's bulk insert, taken here for a small file by lowering the
 * engine's size threshold) against the service path on the same file: the same records, the same row errors, nothing
 * of an all-or-nothing run with a bad row, the search index and the customers' next follow-ups right afterwards.
 */
class BulkContactsAndActivitiesImportTest {

    private static final String CONTACTS = """
            Customer,Customer External ID,Name,Title,Department,Phone,Email,Decision Role,Primary,External ID
            深圳华为技术有限公司,,李伟,采购总监,采购部,+86 138 0013 8000,li.wei@huawei.example,decision_maker,是,K-1
            ,A-2,Road Runner,,,"+1 555 0100; +1 555 0101",rr@acme.example; road@acme.example,,no,K-2
            深圳华为技术,,王芳,,, 13900001111 ,,influencer,,K-3
            Nowhere Ltd,,Nobody,,,,,,,K-4
            ACME Inc.,,Bad Mail,,,,not-an-email,,,K-5
            ACME Inc.,,,Clerk,,,,,,K-6
            ,A-404,Lost Id,,,,,,,K-7
            杭州云栖科技,,Twin,,,,,,,K-8
            Beta GmbH,,张三,Geschäftsführer,,+49 30 1234567,zhang@beta.example,,yes,K-9
            """;

    private static final String ACTIVITIES = """
            Customer,Customer External ID,Type,Date,Summary,Outcome,Next Step,Next Step Date,Contact,Satisfaction,External ID
            深圳华为技术有限公司,,CALL,2026-11-02 10:00,首次电话,有兴趣,发资料,2026-11-09,李伟,4,T-1
            ,A-2,MEETING,2026-11-03 14:30,Demo,,,,Road Runner,,T-2
            深圳华为技术有限公司,,VISIT,2026-11-05 09:00,拜访,,,2026-11-20,,5,T-3
            ACME Inc.,,CALL,2026-11-06 09:00,Nobody there,,,,Wile E.,,T-4
            ACME Inc.,,CALL,2026-11-06 09:00,Half happy,,,,,4.5,T-5
            ACME Inc.,,CALL,2026-11-06 09:00,Too happy,,,,,7,T-6
            ACME Inc.,,EMAIL,2026-11-06 09:00,Back in time,,,2026-11-01,,,T-7
            Nowhere Ltd,,CALL,2026-11-06 09:00,Nobody,,,,,,T-8
            Beta GmbH,,EMAIL,2026-11-07 16:00,Angebot,,,2026-12-01,张三,3,T-9
            """;

    @TempDir
    Path dir;
    private ImportFixture service;
    private ImportFixture bulk;

    @BeforeEach
    void open() {
        service = seeded();
        bulk = seeded();
    }

    /** The same customers in a fresh database; ACME's external id A-2; two customers folding to one name (Twin's refusal). */
    private static ImportFixture seeded() {
        ImportFixture fx = new ImportFixture();
        fx.customers.create(new Customer("深圳华为技术有限公司"));
        fx.customers.create(new Customer("Beta GmbH"));
        fx.customers.create(new Customer("杭州云栖科技有限公司"));
        fx.customers.create(new Customer("杭州云栖科技股份有限公司"));
        long acme = fx.customers.create(new Customer("ACME Inc.")).getId();
        fx.db.write(em -> em.createNativeQuery("INSERT INTO SB_IMPORT_EXTERNAL_ID (ENTITY, EXTERNAL_ID, RECORD_ID) VALUES ('customer', 'A-2', ?)")
                .setParameter(1, acme).executeUpdate());
        return fx;
    }

    @AfterEach
    void close() {
        service.close();
        bulk.close();
    }

    private ImportResult run(ImportFixture fx, boolean viaBulk, String name, String text, String target, Mode mode, MatchPolicy match)
            throws IOException {
        Path file = ImportFixture.utf8(dir.resolve((viaBulk ? "bulk-" : "service-") + name), text);
        var settings = fx.auto(file, target).withMode(mode);
        if (match != null) {
            settings = settings.withMatch(match);
        }
        if (!viaBulk) {
            return fx.importFile(file, target, settings);
        }
        System.setProperty(ImportEngine.BULK_BYTES_PROPERTY, "1");
        // two rows of each later table (a contact's phones, a deal's history, the external ids) in memory, the rest
        // through a spill file: every comparison below reads what went through one
        System.setProperty(BulkLoad.SPILL_ROWS_PROPERTY, "2");
        try {
            return fx.importFile(file, target, settings);
        } finally {
            System.clearProperty(ImportEngine.BULK_BYTES_PROPERTY);
            System.clearProperty(BulkLoad.SPILL_ROWS_PROPERTY);
        }
    }

    /** Both paths on the same file: the same counts and row errors; the bulk run announced one IMPORTED event. */
    private ImportResult both(String name, String text, String target, Mode mode, MatchPolicy match) throws IOException {
        ImportResult viaService = run(service, false, name, text, target, mode, match);
        ImportResult viaBulk = run(bulk, true, name, text, target, mode, match);
        assertEquals(viaService.outcome(), viaBulk.outcome());
        assertEquals(List.of(viaService.created(), viaService.skipped(), viaService.failed()),
                List.of(viaBulk.created(), viaBulk.skipped(), viaBulk.failed()), () -> viaBulk.errors().toString());
        assertEquals(errors(viaService), errors(viaBulk), "a bad row is reported the same way on both paths");
        return viaBulk;
    }

    private static List<String> errors(ImportResult result) {
        return result.errors().stream().map(e -> e.row() + " | " + e.column() + " | " + e.message()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> rows(ImportFixture fx, String sql) {
        return fx.db.read(em -> ((List<Object>) em.createNativeQuery(sql).getResultList()).stream()
                .map(r -> r instanceof Object[] cells ? Arrays.toString(cells) : String.valueOf(r)).toList());
    }

    private static final String CONTACT_ROWS = "SELECT c.NAME, k.NAME, k.TITLE, k.DEPARTMENT, k.DECISION_ROLE, k.IS_PRIMARY, k.OWNER, k.CREATED_BY, "
            + "k.UPDATED_BY, k.VERSION, k.DELETED_AT, (SELECT x.EXTERNAL_ID FROM SB_CONTACT_EXTERNAL_ID x WHERE x.ENTITY = 'contact' AND x.RECORD_ID = k.ID) "
            + "FROM SB_CONTACT k JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID ORDER BY k.NAME";
    private static final String PHONE_ROWS = "SELECT k.NAME, p.POSITION, p.PHONE FROM SB_CONTACT_PHONE p JOIN SB_CONTACT k ON k.ID = p.CONTACT_ID "
            + "ORDER BY k.NAME, p.POSITION";
    private static final String EMAIL_ROWS = "SELECT k.NAME, e.POSITION, e.EMAIL FROM SB_CONTACT_EMAIL e JOIN SB_CONTACT k ON k.ID = e.CONTACT_ID "
            + "ORDER BY k.NAME, e.POSITION";
    private static final String ACTIVITY_ROWS = "SELECT c.NAME, k.NAME, a.ACTIVITY_TYPE, a.OCCURRED_AT, a.PERFORMED_BY, a.SUMMARY, a.OUTCOME, "
            + "a.NEXT_STEP, a.NEXT_STEP_DATE, a.SATISFACTION, a.OWNER, a.CREATED_BY, a.VERSION, "
            + "(SELECT x.EXTERNAL_ID FROM SB_ACTIVITY_EXTERNAL_ID x WHERE x.ENTITY = 'activity' AND x.RECORD_ID = a.ID) "
            + "FROM SB_ACTIVITY a JOIN SB_CUSTOMER c ON c.ID = a.CUSTOMER_ID LEFT JOIN SB_CONTACT k ON k.ID = a.CONTACT_ID ORDER BY a.SUMMARY, a.ID";
    private static final String FOLLOW_UPS = "SELECT NAME, NEXT_FOLLOW_UP FROM SB_CUSTOMER ORDER BY NAME";

    private void sameRecords(String sql) {
        List<String> expected = rows(service, sql);
        assertTrue(!expected.isEmpty(), sql);
        assertEquals(expected, rows(bulk, sql));
    }

    @Test
    void contactsAndActivitiesLoadInBulkAsTheServiceWritesThem() throws IOException {
        // all or nothing: a bad row loads nothing, on either path
        ImportResult refused = both("k0.csv", CONTACTS, "contacts", Mode.ALL_OR_NOTHING, null);
        assertEquals(Outcome.ROLLED_BACK, refused.outcome());
        RowError nowhere = refused.errors().stream().filter(e -> e.message().contains("Nowhere Ltd")).findFirst()
                .orElseThrow(() -> new AssertionError(refused.errors().toString()));
        assertEquals(5, nowhere.row());
        assertEquals("Customer", nowhere.column());
        assertEquals(0, bulk.count("SB_CONTACT"));
        assertEquals(0, bulk.count("SB_CONTACT_PHONE"));
        assertEquals(0, bulk.count("SB_CONTACT_EXTERNAL_ID WHERE ENTITY = 'contact'"));

        ImportResult refusedActivities = both("a0.csv", ACTIVITIES, "activities", Mode.ALL_OR_NOTHING, null);
        assertEquals(Outcome.ROLLED_BACK, refusedActivities.outcome());
        assertEquals(0, bulk.count("SB_ACTIVITY_EXTERNAL_ID WHERE ENTITY = 'activity'"));
        assertEquals(0, bulk.count("SB_ACTIVITY"));
        assertEquals(rows(service, FOLLOW_UPS), rows(bulk, FOLLOW_UPS), "no follow-up moved");
        assertEquals(List.of(), bulk.imported, "nothing announced");

        // valid rows: the good ones, the same on both paths
        ImportResult contacts = both("k.csv", CONTACTS, "contacts", Mode.VALID_ROWS, null);
        assertEquals(4, contacts.created(), contacts.errors().toString());
        assertEquals(5, contacts.failed());
        assertEquals(List.of("contact:4"), bulk.imported, "the bulk path took the file");
        assertEquals(List.of(), service.imported);
        sameRecords(CONTACT_ROWS);
        sameRecords(PHONE_ROWS);
        sameRecords(EMAIL_ROWS);

        // the customers' search index has the loaded contacts at once: by a contact's name and by a phone's digits
        long[] byPhone = bulk.customers.ids(CustomerFilter.text("13900001111"), CustomerSort.DEFAULT);
        assertEquals(List.of(bulk.idOf("深圳华为技术有限公司")), Arrays.stream(byPhone).boxed().toList());
        assertEquals(1, bulk.customers.count(CustomerFilter.text("Road Runner")));

        ImportResult activities = both("a.csv", ACTIVITIES, "activities", Mode.VALID_ROWS, null);
        assertEquals(4, activities.created(), activities.errors().toString());
        assertEquals(5, activities.failed());
        assertEquals(List.of("contact:4", "activity:4"), bulk.imported);
        sameRecords(ACTIVITY_ROWS);
        sameRecords(FOLLOW_UPS);
        assertEquals(1, bulk.customers.count(CustomerFilter.text("Beta")), "the customer stays findable after its follow-up moved");

        // a second run of the same files matches on the external ids and writes nothing
        MatchPolicy byExternalId = new MatchPolicy(List.of("externalId"), OnMatch.SKIP);
        assertEquals(4, both("k2.csv", CONTACTS, "contacts", Mode.VALID_ROWS, byExternalId).skipped());
        assertEquals(4, both("a2.csv", ACTIVITIES, "activities", Mode.VALID_ROWS, byExternalId).skipped());
        sameRecords(CONTACT_ROWS);
        sameRecords(ACTIVITY_ROWS);

        // without matching, the file's activities are new ones and their external ids move to them
        assertEquals(4, both("a3.csv", ACTIVITIES, "activities", Mode.VALID_ROWS, new MatchPolicy(List.of("externalId"), OnMatch.CREATE))
                .created());
        assertEquals(8, bulk.count("SB_ACTIVITY"));
        sameRecords(ACTIVITY_ROWS);
    }
}
