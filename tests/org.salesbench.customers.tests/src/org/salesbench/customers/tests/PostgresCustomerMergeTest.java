package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.DuplicateCandidate.Reason;
import org.salesbench.customers.DuplicateGroup;
import org.salesbench.customers.internal.CustomerMergeImpl;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.customers.internal.ExternalIdsMerge;
import org.salesbench.persistence.Database;
import org.salesbench.testing.PostgresSchema;

/**
 * The duplicate finder's queries and the merge on a team server (PostgreSQL, with its triggers and row security): the
 * same groups as on Derby, and a merge that moves the contact and the external ids and bins the other. Runs on the server
 * {@code SALESBENCH_TEST_PG_URL} names, in a schema of its own that it drops afterwards.
 */
@Tag("postgres")
class PostgresCustomerMergeTest {

    private PostgresSchema schema;

    @Test
    void duplicatesAreFoundAndAMergeMovesTheContactAndBinsTheOther() {
        schema = PostgresSchema.create("merge");
        LocalSecurityService security = new LocalSecurityService("tester");
        try (Database db = Database.open(schema.settings(), security)) {
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            try {
                CustomerMergeImpl merge = new CustomerMergeImpl(db, security, (e, c, i) -> { }, service);
                merge.addParticipant(new ExternalIdsMerge(db));
                Customer a = CustomerFixture.customer("温州瓯海眼镜有限公司");
                a.addContact(CustomerFixture.contact("林峰", "+86 139 0577 0001", "lin@ouhai.example"));
                long keep = service.create(a).getId();
                Customer b = CustomerFixture.customer("温州瓯海眼镜");
                b.addContact(CustomerFixture.contact("陈红", "13905770001", "chen@ouhai.example"));
                long other = service.create(b).getId();
                db.write(em -> em.createNativeQuery("INSERT INTO SB_IMPORT_EXTERNAL_ID (ENTITY, EXTERNAL_ID, RECORD_ID) VALUES ('customer', '001A', ?1), "
                        + "('customer', '001B', ?2)").setParameter(1, keep).setParameter(2, other).executeUpdate());

                List<DuplicateGroup> groups = merge.duplicates(10);
                assertEquals(List.of(Reason.PHONE, Reason.NAME), groups.stream().map(DuplicateGroup::reason).toList(), groups.toString());
                for (DuplicateGroup g : groups) {
                    assertEquals(List.of(keep, other), g.members().stream().map(DuplicateGroup.Member::id).toList());
                }

                org.salesbench.customers.MergeResult merged = merge.merge(keep, other, Set.of(), null, null);
                assertEquals(Map.of("contact", 1, "activity", 0), merged.moved());
                assertEquals(2, service.find(keep).orElseThrow().getContacts().size());
                assertTrue(service.findDeleted(other).isPresent());
                assertTrue(merge.duplicates(10).isEmpty());
                assertEquals(List.of(keep, keep), externalIds(db), "the other's external id names the survivor");

                // and undone: the other back from the bin with its contact, under the server's triggers and row security
                assertEquals(Map.of("contact", 1, "activity", 0), merge.unmerge(merged.mergeId()).moved());
                assertEquals(List.of("林峰"), service.find(keep).orElseThrow().getContacts().stream().map(c -> c.getName()).toList());
                assertEquals(List.of("陈红"), service.find(other).orElseThrow().getContacts().stream().map(c -> c.getName()).toList());
                assertTrue(service.findDeleted(other).isEmpty());
                assertEquals(List.of(keep, other), externalIds(db));
            } finally {
                service.search().close();
            }
        }
    }

    /** The records the external ids 001A and 001B name, in that order. */
    private static List<Long> externalIds(Database db) {
        return db.read(em -> em.createNativeQuery("SELECT RECORD_ID FROM SB_IMPORT_EXTERNAL_ID WHERE ENTITY = 'customer' ORDER BY EXTERNAL_ID")
                .getResultList().stream().map(id -> ((Number) id).longValue()).toList());
    }

    @AfterEach
    void drop() {
        if (schema != null) {
            schema.close();
        }
    }
}
