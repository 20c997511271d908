package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.security.LocalSecurityService;
import org.osgi.service.event.Event;
import org.salesbench.core.events.EventTopics;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.customers.Customer;
import org.salesbench.customers.DuplicateCandidate;
import org.salesbench.customers.DuplicateCandidate.Reason;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * {@code CustomerService.idsByName}: the exact name first, then the folded one, from the search index and
 * confirmed in the database by id, so that an index behind the database never names a wrong customer.
 */
class CustomerNameLookupTest {

    private CustomerFixture fx;
    private long acmeCo;
    private long acme;
    private long huawei;

    @BeforeEach
    void open() {
        fx = new CustomerFixture();
        acmeCo = fx.service.create(CustomerFixture.customer("ACME Co., Ltd.")).getId();
        acme = fx.service.create(CustomerFixture.customer("Acme")).getId();
        huawei = fx.service.create(CustomerFixture.customer("深圳华为技术有限公司")).getId();
        // open: until then look-ups on Derby read the table, and these tests are about the index
        fx.service.search().awaitCurrent();
        assertFalse(fx.service.search().namesFromTable());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void theExactNameWinsOverTheFoldedOne() {
        assertEquals(List.of(acme), fx.service.idsByName("Acme"));
        assertEquals(List.of(acmeCo), fx.service.idsByName("  ACME Co., Ltd. "), "stripped first");
        assertEquals(List.of(acmeCo, acme), fx.service.idsByName("ＡＣＭＥ有限公司"), "no exact name: every folded one");
        assertEquals(List.of(huawei), fx.service.idsByName("深圳华为技术"));
        assertEquals(List.of(), fx.service.idsByName("Globex"));
        assertEquals(List.of(), fx.service.idsByName(" "));
        assertEquals(List.of(), fx.service.idsByName(null));
    }

    @Test
    void aCustomerIsFoundOnceItsWriteCommittedAndNotUnderANameItNoLongerHas() {
        long globex = fx.service.create(CustomerFixture.customer("Globex Corporation")).getId();
        assertEquals(List.of(globex), fx.service.idsByName("GLOBEX"), "found right after the commit, no list query in between");

        Customer renamed = fx.service.find(globex).orElseThrow();
        renamed.setName("Hooli");
        fx.service.update(renamed);
        assertEquals(List.of(), fx.service.idsByName("Globex Corporation"));
        assertEquals(List.of(globex), fx.service.idsByName("hooli"));

        // renamed and deleted behind the index's back: the index still names them, the database says otherwise
        fx.db.write(em -> em.createNativeQuery("UPDATE SB_CUSTOMER SET NAME = 'Initech', NORMALIZED_NAME = 'initech' WHERE ID = ?")
                .setParameter(1, globex).executeUpdate());
        fx.db.write(em -> em.createNativeQuery("DELETE FROM SB_CUSTOMER WHERE ID = ?").setParameter(1, huawei).executeUpdate());
        assertEquals(List.of(), fx.service.idsByName("Hooli"), "a stale index never yields a wrong id");
        assertEquals(List.of(), fx.service.idsByName("深圳华为技术有限公司"));
    }

    @Test
    void whileABulkWritesCatchUpIsPendingTheTableAnswers() throws Exception {
        try (Connection c = Database.connect(fx.db.settings())) {
            CustomerSearchIndexTest.insertRaw(c, 990_001, "台州椒江机械有限公司", Instant.now(Clocks.system()));
            c.commit();
        }
        assertEquals(List.of(), fx.service.idsByName("台州椒江机械有限公司"), "a JDBC write the index has not been told of");
        CustomerSearch search = fx.service.search();
        // holding the index's lock keeps the IMPORTED catch-up job waiting, so the look-up runs while it is pending
        synchronized (search) {
            fx.service.handleEvent(new Event(EventTopics.imported(Customer.ENTITY), Map.of(EventTopics.PROPERTY_COUNT, 1)));
            assertTrue(search.isBulkWritePending());
            assertTrue(search.namesFromTable());
            assertEquals(List.of(990_001L), fx.service.idsByName("台州椒江机械有限公司"), "the exact name, read from the table");
            assertEquals(List.of(acmeCo, acme), fx.service.idsByName("acme"), "folded names too");
        }
        Job.getJobManager().join(CustomerSearch.FAMILY, null);
        assertFalse(search.isBulkWritePending());
        assertEquals(List.of(990_001L), fx.service.idsByName("台州椒江机械有限公司"), "now from the index");
        // the raw row's NORMALIZED_NAME is its name unfolded: the exact name finds it, a folded spelling does not (as in SQL)
        assertEquals(List.of(), fx.service.idsByName("台州椒江机械"));
    }

    @Test
    void aCreditCodeDuplicateIsFoundFromTheIndexAndFromTheTableWhileACatchUpIsPending() throws Exception {
        String code = CreditCode.withCheckCharacter("91330100MA2BCDEF1");
        Customer first = CustomerFixture.customer("Credit Code Holder Co");
        first.setCreditCode(code);
        long holder = fx.service.create(first).getId();
        Customer again = CustomerFixture.customer("Another Name Entirely");
        again.setCreditCode(code.toLowerCase()); // as a user may type it
        assertEquals(List.of(holder), duplicateIds(again, Reason.CREDIT_CODE), "from the index");

        // a bulk write's customer with another code: found from the table while its catch-up is pending
        String other = CreditCode.withCheckCharacter("91330100MA2BCDEF2");
        try (Connection c = Database.connect(fx.db.settings())) {
            CustomerSearchIndexTest.insertRaw(c, 990_002, "温州鹿城鞋业有限公司", Instant.now(Clocks.system()));
            try (var update = c.prepareStatement("UPDATE SB_CUSTOMER SET CREDIT_CODE = ? WHERE ID = 990002")) {
                update.setString(1, other);
                update.executeUpdate();
            }
            c.commit();
        }
        Customer third = CustomerFixture.customer("Yet Another Co");
        third.setCreditCode(other);
        assertEquals(List.of(), duplicateIds(third, Reason.CREDIT_CODE), "a JDBC write the index has not been told of");
        CustomerSearch search = fx.service.search();
        synchronized (search) {
            fx.service.handleEvent(new Event(EventTopics.imported(Customer.ENTITY), Map.of(EventTopics.PROPERTY_COUNT, 1)));
            assertTrue(search.namesFromTable());
            assertEquals(List.of(990_002L), duplicateIds(third, Reason.CREDIT_CODE), "read from the table");
            assertEquals(List.of(holder), duplicateIds(again, Reason.CREDIT_CODE));
        }
        Job.getJobManager().join(CustomerSearch.FAMILY, null);
        assertEquals(List.of(990_002L), duplicateIds(third, Reason.CREDIT_CODE), "now from the index");

        // changed behind the index's back: the database has the last word
        fx.db.write(em -> em.createNativeQuery("UPDATE SB_CUSTOMER SET CREDIT_CODE = NULL WHERE ID = ?").setParameter(1, holder).executeUpdate());
        assertEquals(List.of(), duplicateIds(again, Reason.CREDIT_CODE), "a stale index never yields a wrong id");
    }

    private List<Long> duplicateIds(Customer customer, Reason reason) {
        return fx.service.findDuplicates(customer).stream().filter(d -> d.reason() == reason).map(DuplicateCandidate::id).toList();
    }

    @Test
    void aWriteCommittedWhileTheIndexOpensWaitsForItAndTheTableAnswersMeanwhile(@TempDir Path dir) throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
        LocalSecurityService security = new LocalSecurityService("tester");
        try (Database db = Database.open(settings, security)) {
            Job.getJobManager().suspend(); // the opening job waits, as a long build would
            CustomerServiceImpl service;
            long id;
            try {
                service = new CustomerServiceImpl(db, security, (e, c, i) -> { });
                id = service.create(CustomerFixture.customer("舟山定海渔业有限公司")).getId();
                // the opening may read the table before this commit: the write waits for the index, the table answers
                assertTrue(service.search().namesFromTable());
                assertEquals(List.of(id), service.idsByName("舟山定海渔业"));
            } finally {
                Job.getJobManager().resume();
            }
            try {
                Job.getJobManager().join(CustomerSearch.FAMILY, null);
                assertFalse(service.search().namesFromTable(), "taken once the index opened");
                assertEquals(List.of(id), service.idsByName("舟山定海渔业"), "from the index");
            } finally {
                service.search().close();
            }
        }
    }

    @Test
    void aLookUpAnswersFromTheTableWhileTheIndexCannotOpen(@TempDir Path dir) throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
        LocalSecurityService security = new LocalSecurityService("tester");
        Files.writeString(dir.resolve("db-search"), "a file where the index folder belongs");
        try (Database db = Database.open(settings, security)) {
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            try {
                long id = service.create(CustomerFixture.customer("嘉兴南湖纺织有限公司")).getId();
                Job.getJobManager().join(CustomerSearch.FAMILY, null);
                assertTrue(service.search().namesFromTable(), "the opening failed");
                assertEquals(List.of(id), service.idsByName("嘉兴南湖纺织"), "an import is not held up by the index");
            } finally {
                service.search().close();
            }
        }
    }
}
