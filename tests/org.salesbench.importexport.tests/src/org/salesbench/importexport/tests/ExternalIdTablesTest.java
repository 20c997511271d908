package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.MergeResult;
import org.salesbench.customers.internal.ContactMergeImpl;
import org.salesbench.customers.internal.CustomerMergeImpl;
import org.salesbench.customers.internal.ExternalIdsMerge;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.internal.ImportEngine;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.persistence.DatabaseSettings;

/**
 * Contacts and activities keep their external ids in tables of their own (declared on their import targets in the customers
 * module's plugin.xml, made by its changelog; deals and their stage moves likewise in the opportunities module), so that a contacts or activities file loaded after the customers' file —
 * whose ids fill the shared SB_IMPORT_EXTERNAL_ID — still loads its ids into an empty table: Derby's unlogged bulk insert,
 * seen as the table's heap replaced by a new conglomerate. A second file into the now full table goes the logged way (the
 * heap stays), a re-run matched on the external id updates rather than duplicates, and an installation whose shared table
 * held contacts' ids before the upgrade finds them in the contacts' table afterwards.
 */
class ExternalIdTablesTest {

    private static final String CONTACTS = """
            Customer External ID,Name,External ID
            A-1,李伟,K-1
            A-2,Road Runner,K-2
            A-1,王芳,K-3
            """;

    private static final String MORE_CONTACTS = """
            Customer External ID,Name,External ID
            A-2,张三,K-4
            """;

    private static final String ACTIVITIES = """
            Customer External ID,Type,Date,Summary,External ID
            A-1,CALL,2026-11-02 10:00,首次电话,T-1
            A-2,MEETING,2026-11-03 14:30,Demo,T-2
            """;

    @TempDir
    Path dir;

    private ImportFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    /** Two customers with the external ids in the shared table, as the customers' file of a move-in leaves them. */
    private void customers() {
        fx = new ImportFixture(DatabaseSettings.embedded(dir.resolve("db")));
        long first = fx.customers.create(new Customer("深圳华为技术有限公司")).getId();
        long second = fx.customers.create(new Customer("ACME Inc.")).getId();
        fx.db.write(em -> em.createNativeQuery("INSERT INTO SB_IMPORT_EXTERNAL_ID (ENTITY, EXTERNAL_ID, RECORD_ID) VALUES ('customer', 'A-1', ?), "
                + "('customer', 'A-2', ?)").setParameter(1, first).setParameter(2, second).executeUpdate());
    }

    private ImportResult bulk(String name, String text, String target, MatchPolicy match) throws IOException {
        Path file = ImportFixture.utf8(dir.resolve(name), text);
        ImportSettings settings = fx.auto(file, target).withMode(Mode.ALL_OR_NOTHING);
        if (match != null) {
            settings = settings.withMatch(match);
        }
        System.setProperty(ImportEngine.BULK_BYTES_PROPERTY, "1");
        try {
            return fx.importFile(file, target, settings);
        } finally {
            System.clearProperty(ImportEngine.BULK_BYTES_PROPERTY);
        }
    }

    /** The conglomerate number of the table's heap: Derby's bulk insert into an empty table writes a new one. */
    private long heap(String table) {
        return fx.db.read(em -> ((Number) em.createNativeQuery("SELECT c.CONGLOMERATENUMBER FROM SYS.SYSCONGLOMERATES c JOIN SYS.SYSTABLES t "
                + "ON t.TABLEID = c.TABLEID WHERE t.TABLENAME = ? AND c.ISINDEX = FALSE").setParameter(1, table).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql) {
        return fx.db.read(em -> ((List<Object>) em.createNativeQuery(sql).getResultList()).stream()
                .map(r -> r instanceof Object[] cells ? String.join(" ", java.util.Arrays.stream(cells).map(String::valueOf).toList()) : String.valueOf(r))
                .toList());
    }

    @Test
    void theTargetsDeclareWhereTheirEntitiesExternalIdsLive() {
        assertEquals("SB_CONTACT_EXTERNAL_ID", ExternalIds.table("contact"));
        assertEquals("SB_ACTIVITY_EXTERNAL_ID", ExternalIds.table("activity"));
        assertEquals(ExternalIds.SHARED_TABLE, ExternalIds.table("customer"), "a target that declares nothing keeps the shared table");
        assertEquals("SB_OPPORTUNITY_EXTERNAL_ID", ExternalIds.table("opportunity"));
        assertEquals("SB_STAGE_HISTORY_EXTERNAL_ID", ExternalIds.table("stageHistory"));
        assertEquals(ExternalIds.SHARED_TABLE, ExternalIds.table("lead"));
    }

    @Test
    void aLaterFilesIdsLoadIntoTheirEmptyTableInBulkAndResolveThroughIt() throws IOException {
        customers();
        long contactsHeap = heap("SB_CONTACT_EXTERNAL_ID");
        ImportResult contacts = bulk("contacts.csv", CONTACTS, "contacts", null);
        assertEquals(Outcome.COMPLETED, contacts.outcome(), () -> contacts.errors().toString());
        assertEquals(List.of("contact:3"), fx.imported, "the bulk path loaded the file");
        assertNotEquals(contactsHeap, heap("SB_CONTACT_EXTERNAL_ID"), "the ids went in by the empty table's bulk insert");
        assertEquals(List.of("K-1 李伟", "K-2 Road Runner", "K-3 王芳"), rows("SELECT x.EXTERNAL_ID, k.NAME FROM SB_CONTACT_EXTERNAL_ID x "
                + "JOIN SB_CONTACT k ON k.ID = x.RECORD_ID WHERE x.ENTITY = 'contact' ORDER BY x.EXTERNAL_ID"));
        assertEquals(List.of("customer A-1", "customer A-2"), rows("SELECT ENTITY, EXTERNAL_ID FROM SB_IMPORT_EXTERNAL_ID ORDER BY EXTERNAL_ID"),
                "the shared table holds the customers' ids only");

        // into the table that now holds rows: the logged insert, the same heap
        long filled = heap("SB_CONTACT_EXTERNAL_ID");
        ImportResult more = bulk("more.csv", MORE_CONTACTS, "contacts", null);
        assertEquals(1, more.created(), () -> more.errors().toString());
        assertEquals(filled, heap("SB_CONTACT_EXTERNAL_ID"));
        assertEquals(4, fx.count("SB_CONTACT_EXTERNAL_ID"));

        // a re-run matched on the external id finds the records through the contacts' table: nothing new
        ImportResult again = bulk("again.csv", CONTACTS, "contacts", new MatchPolicy(List.of("externalId"), OnMatch.UPDATE));
        assertEquals(Outcome.COMPLETED, again.outcome(), () -> again.errors().toString());
        assertEquals(0, again.created());
        assertEquals(3, again.updated());
        assertEquals(4, fx.count("SB_CONTACT"));
        assertEquals(4, fx.count("SB_CONTACT_EXTERNAL_ID"));

        long activitiesHeap = heap("SB_ACTIVITY_EXTERNAL_ID");
        ImportResult activities = bulk("activities.csv", ACTIVITIES, "activities", null);
        assertEquals(2, activities.created(), () -> activities.errors().toString());
        assertNotEquals(activitiesHeap, heap("SB_ACTIVITY_EXTERNAL_ID"));
        assertEquals(List.of("T-1 首次电话", "T-2 Demo"), rows("SELECT x.EXTERNAL_ID, a.SUMMARY FROM SB_ACTIVITY_EXTERNAL_ID x "
                + "JOIN SB_ACTIVITY a ON a.ID = x.RECORD_ID WHERE x.ENTITY = 'activity' ORDER BY x.EXTERNAL_ID"));
        assertEquals(2, fx.count("SB_IMPORT_EXTERNAL_ID"));
    }

    @Test
    void anUpgradeMovesTheContactsIdsOutOfTheSharedTable() throws IOException {
        customers();
        ImportResult contacts = bulk("contacts.csv", CONTACTS, "contacts", null);
        assertEquals(3, contacts.created(), () -> contacts.errors().toString());
        // the database as the last release left it: the contacts' ids in the shared table, the copy not yet made
        fx.db.write(em -> {
            em.createNativeQuery("INSERT INTO SB_IMPORT_EXTERNAL_ID (ENTITY, EXTERNAL_ID, RECORD_ID) SELECT ENTITY, EXTERNAL_ID, RECORD_ID "
                    + "FROM SB_CONTACT_EXTERNAL_ID").executeUpdate();
            em.createNativeQuery("DELETE FROM SB_CONTACT_EXTERNAL_ID").executeUpdate();
            return em.createNativeQuery("DELETE FROM DATABASECHANGELOG WHERE ID = 'customers-18-external-ids-copied'").executeUpdate();
        });
        assertEquals(5, fx.count("SB_IMPORT_EXTERNAL_ID"));
        fx.close();

        fx = new ImportFixture(DatabaseSettings.embedded(dir.resolve("db"))); // the upgrade's migration runs
        assertEquals(List.of("K-1", "K-2", "K-3"), rows("SELECT EXTERNAL_ID FROM SB_CONTACT_EXTERNAL_ID ORDER BY EXTERNAL_ID"),
                () -> "the copy's change set: " + rows("SELECT EXECTYPE FROM DATABASECHANGELOG WHERE ID = 'customers-18-external-ids-copied'"));
        // the next import (of any target) deletes the copied rows from the shared table; the ids still match
        ImportResult again = bulk("again.csv", CONTACTS, "contacts", new MatchPolicy(List.of("externalId"), OnMatch.UPDATE));
        assertEquals(3, again.updated(), () -> again.errors().toString());
        assertEquals(0, again.created());
        assertEquals(List.of("customer A-1", "customer A-2"), rows("SELECT ENTITY, EXTERNAL_ID FROM SB_IMPORT_EXTERNAL_ID ORDER BY EXTERNAL_ID"));
        assertEquals(3, fx.count("SB_CONTACT_EXTERNAL_ID"));
    }

    @Test
    void aMergedCustomersExternalIdsNameTheSurvivorUntilTheMergeIsUndone() throws IOException {
        customers();
        long huawei = fx.db.read(em -> ((Number) em.createNativeQuery("SELECT RECORD_ID FROM SB_IMPORT_EXTERNAL_ID WHERE EXTERNAL_ID = 'A-1'")
                .getSingleResult()).longValue());
        long acme = fx.db.read(em -> ((Number) em.createNativeQuery("SELECT RECORD_ID FROM SB_IMPORT_EXTERNAL_ID WHERE EXTERNAL_ID = 'A-2'")
                .getSingleResult()).longValue());
        CustomerMergeImpl merge = new CustomerMergeImpl(fx.db, new LocalSecurityService("tester"), (entity, change, id) -> { }, fx.customers);
        merge.addParticipant(new ExternalIdsMerge(fx.db));
        MergeResult merged = merge.merge(huawei, acme, Set.of(), null, null);
        assertEquals(List.of("A-1 " + huawei, "A-2 " + huawei), rows("SELECT EXTERNAL_ID, RECORD_ID FROM SB_IMPORT_EXTERNAL_ID ORDER BY EXTERNAL_ID"));
        merge.unmerge(merged.mergeId());
        assertEquals(List.of("A-1 " + huawei, "A-2 " + acme), rows("SELECT EXTERNAL_ID, RECORD_ID FROM SB_IMPORT_EXTERNAL_ID ORDER BY EXTERNAL_ID"),
                "the undo gave A-2 back to the merged customer");
        assertEquals(0, fx.count("SB_IMPORT_EXTERNAL_ID_MERGED"), "nothing left to point back");

        // merged again: the other CRM's next export still names the merged account A-2; matched on the external id, it updates the survivor
        merge.merge(huawei, acme, Set.of(), null, null);
        ImportResult again = bulk("again.csv", "External ID,Name,Region\nA-2,深圳华为技术有限公司,华南\n", "customers",
                new MatchPolicy(List.of("externalId"), OnMatch.UPDATE));
        assertEquals(Outcome.COMPLETED, again.outcome(), () -> again.errors().toString());
        assertEquals(0, again.created());
        assertEquals(1, again.updated());
        assertEquals(List.of(huawei + " 华南", acme + " null"), rows("SELECT ID, REGION FROM SB_CUSTOMER ORDER BY ID"),
                "the survivor took the row, not the merged customer in the recycle bin");
    }

    @Test
    void aMergedContactsExternalIdsMoveInTheContactsTableAndBack() throws IOException {
        customers();
        ImportResult contacts = bulk("contacts.csv", CONTACTS, "contacts", null);
        assertEquals(3, contacts.created(), () -> contacts.errors().toString());
        long li = contactOf("K-1");
        long wang = contactOf("K-3");
        ContactMergeImpl merge = new ContactMergeImpl(fx.db, new LocalSecurityService("tester"), (entity, change, id) -> { }, fx.customers);
        merge.addParticipant(new ExternalIdsMerge(fx.db));
        MergeResult merged = merge.merge(li, wang, Set.of(), null, null);
        assertEquals(li, contactOf("K-3"));
        assertEquals(li, contactOf("K-1"));
        merge.unmerge(merged.mergeId());
        assertEquals(wang, contactOf("K-3"));
        assertEquals(li, contactOf("K-1"));
    }

    private long contactOf(String externalId) {
        return fx.db.read(em -> ((Number) em.createNativeQuery("SELECT RECORD_ID FROM SB_CONTACT_EXTERNAL_ID WHERE EXTERNAL_ID = ?")
                .setParameter(1, externalId).getSingleResult()).longValue());
    }
}
