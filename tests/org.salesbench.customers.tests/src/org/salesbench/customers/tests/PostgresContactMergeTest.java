package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.MergeResult;
import org.salesbench.customers.internal.ContactMergeImpl;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.Database;
import org.salesbench.testing.PostgresSchema;

/**
 * The merge of two contacts on a team server (PostgreSQL, its triggers and row security): a merge that lost a race
 * with an edit is refused and nothing moves; the merge at the current versions moves the phone and bins the other;
 * its undo brings both back. Runs on the server {@code SALESBENCH_TEST_PG_URL} names, in a schema it drops afterwards.
 */
@Tag("postgres")
class PostgresContactMergeTest {

    private PostgresSchema schema;

    @Test
    void aMergeThatLostARaceIsRefusedAndTheMergeAtTheCurrentVersionsIsUndone() {
        schema = PostgresSchema.create("contactmerge");
        LocalSecurityService security = new LocalSecurityService("tester");
        try (Database db = Database.open(schema.settings(), security)) {
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            try {
                ContactMergeImpl merge = new ContactMergeImpl(db, security, (e, c, i) -> { }, service);
                Customer a = CustomerFixture.customer("温州瓯海眼镜有限公司");
                a.addContact(CustomerFixture.contact("林峰", "+86 139 0577 0001", null));
                a.addContact(CustomerFixture.contact("林 峰", "0577-8888 0001", "lin@ouhai.example"));
                a = service.create(a);
                long customer = a.getId();
                long keep = a.getContacts().stream().filter(k -> k.getName().equals("林峰")).findFirst().orElseThrow().getId();
                long other = a.getContacts().stream().filter(k -> k.getName().equals("林 峰")).findFirst().orElseThrow().getId();
                long keepSeen = version(service, customer, keep);
                long otherSeen = version(service, customer, other);

                Customer edited = service.find(customer).orElseThrow();
                edited.getContacts().stream().filter(k -> k.getId() == other).findFirst().orElseThrow().setTitle("采购经理");
                service.update(edited);
                assertThrows(ConcurrentChangeException.class, () -> merge.merge(keep, other, Set.of(), keepSeen, otherSeen));
                assertEquals(2, service.find(customer).orElseThrow().getContacts().size(), "nothing merged");

                MergeResult merged = merge.merge(keep, other, Set.of(), version(service, customer, keep), version(service, customer, other));
                assertEquals(Map.of("activity", 0), merged.moved());
                Contact kept = service.find(customer).orElseThrow().getContacts().get(0);
                assertEquals("林峰", kept.getName());
                assertEquals("采购经理", kept.getTitle());
                assertEquals(List.of("+86 139 0577 0001", "0577-8888 0001"), kept.getPhones());

                merge.unmerge(merged.mergeId());
                List<Contact> back = service.find(customer).orElseThrow().getContacts();
                assertEquals(2, back.size());
                assertTrue(back.stream().anyMatch(k -> k.getId() == keep && k.getTitle() == null && k.getPhones().size() == 1));
            } finally {
                service.search().close();
            }
        }
    }

    private static long version(CustomerServiceImpl service, long customer, long contact) {
        return service.find(customer).orElseThrow().getContacts().stream().filter(k -> k.getId() == contact).findFirst().orElseThrow().getVersion();
    }

    @AfterEach
    void drop() {
        if (schema != null) {
            schema.close();
        }
    }
}
