package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The customer search (the list's text filter and the global search) on Derby's search index does not find a customer
 * by the text of a field the searching user's roles hide: otherwise a hidden phone or short name would leak one search
 * at a time. The same searches with no rules find it.
 */
class FieldRulesInSearchTest {

    /** Every right, and the field rules the test sets after seeding. */
    static final class Rules implements SecurityService {
        final Map<String, Map<String, FieldAccess>> rules = new HashMap<>();

        @Override
        public CurrentUser currentUser() {
            return new CurrentUser("rep", "Rep");
        }

        @Override
        public boolean isPermitted(Action action, String entity, String owner) {
            return true;
        }

        @Override
        public Map<String, FieldAccess> fieldRules(String entity) {
            return rules.getOrDefault(entity, Map.of());
        }
    }

    @Test
    void hiddenFieldsAreNotSearched() {
        Rules security = new Rules();
        Database db = Database.open(DatabaseSettings.inMemory("customer-search-rules-" + UUID.randomUUID()), security);
        CustomerServiceImpl service = new CustomerServiceImpl(db, security, (entity, change, id) -> {
        });
        try {
            Customer a = CustomerFixture.customer("东方重工");
            a.setShortName("东重集团");
            a.getTags().add("保密名单");
            a.addContact(CustomerFixture.contact("王经理", "13912345678", "wang@dongfang.example"));
            long id = service.create(a).getId();
            service.create(CustomerFixture.customer("南方电子"));
            service.search().awaitCurrent();

            List<String> secrets = List.of("13912345678", "东重", "wang@dongfang", "保密");
            for (String text : secrets) {
                assertEquals(List.of(id), found(service, text), "no rules: '" + text + "' finds the customer");
            }

            security.rules.put("customer", Map.of("shortName", FieldAccess.HIDDEN, "tags", FieldAccess.HIDDEN));
            security.rules.put("contact", Map.of("phones", FieldAccess.HIDDEN, "emails", FieldAccess.HIDDEN));
            for (String text : secrets) {
                assertEquals(List.of(), found(service, text), "'" + text + "' is in a hidden field only");
                assertEquals(0, service.count(CustomerFilter.text(text)), "the count of '" + text + "'");
                assertArrayEquals(new long[0], service.ids(CustomerFilter.text(text), CustomerSort.DEFAULT), "the id snapshot of '" + text + "'");
            }
            assertEquals(List.of(), service.tags(), "hidden tags are not offered to filter by");
            assertEquals(List.of(id), found(service, "东方"), "the visible name still finds it");
            assertEquals(List.of(id), found(service, "王经理"), "so does a visible contact name");
            assertEquals(List.of(id), found(service, "东方 王"), "words from two visible sources");
            assertEquals(List.of(), found(service, "东方 1391"), "one word only in a hidden field: no match");

            security.rules.put("contact", Map.of("name", FieldAccess.READ));
            assertEquals(List.of(id), found(service, "13912345678"), "a read-only field is searched");
            assertEquals(List.of(id), found(service, "王经理"));
        } finally {
            service.search().close();
            db.close();
        }
    }

    private static List<Long> found(CustomerServiceImpl service, String text) {
        return service.page(CustomerFilter.text(text), CustomerSort.DEFAULT, 0, 10).stream().map(CustomerRow::id).toList();
    }
}
