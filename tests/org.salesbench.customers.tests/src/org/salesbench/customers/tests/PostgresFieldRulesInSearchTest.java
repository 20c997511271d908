package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.testing.PostgresSchema;

/**
 * The customer search on a team server (answered by the database, not an index) does not find a customer by the text
 * of a field the searching user's roles hide, as {@link FieldRulesInSearchTest} shows of Derby's index: neither by a
 * hidden short name, credit code, tag, contact phone or e-mail, nor in the list's count and id snapshot.
 */
@Tag("postgres")
class PostgresFieldRulesInSearchTest {

    @Test
    void hiddenFieldsAreNotSearchedOnTheServer() {
        FieldRulesInSearchTest.Rules security = new FieldRulesInSearchTest.Rules();
        try (PostgresSchema schema = PostgresSchema.create("fieldsearch"); Database db = Database.open(schema.settings(), security)) {
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, (entity, change, id) -> {
            });
            try {
                Customer a = CustomerFixture.customer("东方重工");
                a.setShortName("东重集团");
                a.setCreditCode(CreditCode.withCheckCharacter("91330200MA2ABCD12"));
                a.getTags().add("保密名单");
                a.addContact(CustomerFixture.contact("王经理", "13912345678", "wang@dongfang.example"));
                long id = service.create(a).getId();
                service.create(CustomerFixture.customer("南方电子"));

                List<String> secrets = List.of("13912345678", "东重", "wang@dongfang", "保密", "ma2abcd");
                for (String text : secrets) {
                    assertEquals(List.of(id), found(service, text), "no rules: '" + text + "' finds the customer");
                }
                assertEquals(List.of("保密名单"), service.tags(), "no rules: the tags to filter by");

                security.rules.put("customer", Map.of("shortName", FieldAccess.HIDDEN, "tags", FieldAccess.HIDDEN,
                        "creditCode", FieldAccess.HIDDEN));
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
                assertEquals(2, service.count(CustomerFilter.ALL), "no text: every customer, hidden fields or not");

                security.rules.put("customer", Map.of("name", FieldAccess.HIDDEN));
                security.rules.put("contact", Map.of("name", FieldAccess.READ));
                assertEquals(List.of(), found(service, "东方"), "a hidden name does not find it");
                assertEquals(List.of(id), found(service, "东重"), "its visible short name does");
                assertEquals(List.of(id), found(service, "13912345678"), "a read-only field is searched");
                assertEquals(List.of(id), found(service, "王经理"));

                security.rules.put("customer", Map.of("contacts", FieldAccess.HIDDEN));
                security.rules.remove("contact");
                assertEquals(List.of(), found(service, "王经理"), "hidden contacts hide their names");
                assertEquals(List.of(id), found(service, "东方"));
            } finally {
                service.search().close();
            }
        }
    }

    @Test
    void theServerSortsByTheShortNameAndByIndustryLabels() {
        FieldRulesInSearchTest.Rules security = new FieldRulesInSearchTest.Rules();
        try (PostgresSchema schema = PostgresSchema.create("fieldsort"); Database db = Database.open(schema.settings(), security)) {
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, (entity, change, id) -> {
            });
            try {
                String[][] made = { // name, short name, industry
                    {"甲公司", "丙", "ZZ_APPLES"}, {"乙公司", "甲", "AA_ZEBRAS"}, {"丙公司", null, null}, {"丁公司", "乙", "MM_OTHER"}};
                List<Long> ids = new java.util.ArrayList<>();
                for (String[] m : made) {
                    Customer c = CustomerFixture.customer(m[0]);
                    c.setShortName(m[1]);
                    c.setIndustry(m[2]);
                    ids.add(service.create(c).getId());
                }
                // a hidden field: the list is read from the server by SQL, not from the index
                security.rules.put("customer", Map.of("tags", FieldAccess.HIDDEN));
                assertEquals(List.of(ids.get(0), ids.get(3), ids.get(1), ids.get(2)), sorted(service, new CustomerSort(CustomerSort.Column.SHORT_NAME, true)),
                        "丙 乙 甲, then no short name");
                List<String> byLabels = List.of("ZZ_APPLES", "AA_ZEBRAS"); // Apples before Zebras, against the codes' order
                assertEquals(List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(2)),
                        sorted(service, new CustomerSort(CustomerSort.Column.INDUSTRY, true, byLabels)), "listed codes, an unlisted one, none");
                assertEquals(List.of(ids.get(2), ids.get(3), ids.get(1), ids.get(0)),
                        sorted(service, new CustomerSort(CustomerSort.Column.INDUSTRY, false, byLabels)));
                assertArrayEquals(sorted(service, new CustomerSort(CustomerSort.Column.INDUSTRY, true, byLabels)).stream().mapToLong(Long::longValue).toArray(),
                        service.ids(CustomerFilter.ALL, new CustomerSort(CustomerSort.Column.INDUSTRY, true, byLabels)), "the id snapshot in the same order");
            } finally {
                service.search().close();
            }
        }
    }

    private static List<Long> sorted(CustomerServiceImpl service, CustomerSort sort) {
        return service.page(CustomerFilter.ALL, sort, 0, 10).stream().map(CustomerRow::id).toList();
    }

    private static List<Long> found(CustomerServiceImpl service, String text) {
        return service.page(CustomerFilter.text(text), CustomerSort.DEFAULT, 0, 10).stream().map(CustomerRow::id).toList();
    }
}
