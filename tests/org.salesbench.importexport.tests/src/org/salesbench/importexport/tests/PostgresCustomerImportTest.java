package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.WriteOptions;
import org.salesbench.testing.PostgresSchema;

/**
 * Customers and their contacts on a team database: imported from CSV (through the bulk customer path
 * and the contact target), found by the search index, exported, and imported again into a second
 * database with nothing lost. Runs on the server {@code SALESBENCH_TEST_PG_URL} names, in schemas of its
 * own that it drops afterwards.
 */
@Tag("postgres")
class PostgresCustomerImportTest {

    private static final String HUAWEI_CODE = CreditCode.withCheckCharacter("91440300MA5FABCD1");

    @TempDir
    Path dir;
    private final List<PostgresSchema> schemas = new ArrayList<>();
    private final List<ImportFixture> fixtures = new ArrayList<>();

    private ImportFixture database() {
        PostgresSchema schema = PostgresSchema.create("i");
        schemas.add(schema);
        ImportFixture fx = new ImportFixture(schema.settings());
        fixtures.add(fx);
        return fx;
    }

    @AfterEach
    void close() {
        fixtures.forEach(ImportFixture::close);
        schemas.forEach(PostgresSchema::close);
    }

    private static void imports(ImportFixture fx, Path file, String target, int created) throws IOException {
        ImportResult result = fx.importFile(file, target, fx.auto(file, target));
        assertEquals(Outcome.COMPLETED, result.outcome(), target + ": " + result.errors());
        assertEquals(created, result.created(), target);
    }

    /** Every customer with its credit code, tags and contacts, in name order. */
    private static List<String> describe(ImportFixture fx) {
        List<String> lines = new ArrayList<>();
        for (String name : fx.customerNames()) {
            Customer c = fx.customers.find(fx.idOf(name)).orElseThrow();
            lines.add(c.getName() + " | " + c.getCreditCode() + " | " + c.getIndustry() + " | " + new java.util.TreeSet<>(c.getTags()));
            c.getContacts().stream().sorted(java.util.Comparator.comparing(Contact::getName))
                    .forEach(k -> lines.add("  " + k.getName() + " | " + k.getTitle() + " | " + k.getPhones() + " | " + k.getEmails()
                            + " | " + k.getDecisionRole() + " | " + k.isPrimary()));
        }
        return lines;
    }

    @Test
    void customersAndContactsImportFromCsvAndComeBackWholeAfterAnExportAndAReimport() throws IOException {
        ImportFixture source = database();
        Path customers = ImportFixture.utf8(dir.resolve("c.csv"), """
                客户名称,统一社会信用代码,行业,标签
                深圳华为技术有限公司,%s,通信,"战略客户;5G"
                ACME Inc.,,Manufacturing,
                "上海 ""博达"" 科技",,软件,重点
                """.formatted(HUAWEI_CODE));
        imports(source, customers, "customers", 3);
        Path contacts = ImportFixture.utf8(dir.resolve("k.csv"), """
                客户,联系人姓名,职位,手机,邮箱,决策角色,主要联系人
                深圳华为技术,李伟,采购总监,+86 138 0013 8000,li.wei@huawei.example,decision_maker,是
                深圳华为技术有限公司,王芳,工程师,,wang.fang@huawei.example,,否
                ACME Inc.,Road Runner,,"+1 555 0100; +1 555 0101",rr@acme.example,,no
                """);
        imports(source, contacts, "contacts", 3);

        Customer huawei = source.customers.find(source.idOf("深圳华为技术有限公司")).orElseThrow();
        assertEquals(HUAWEI_CODE, huawei.getCreditCode());
        assertEquals(Set.of("战略客户", "5G"), huawei.getTags());
        assertEquals(2, huawei.getContacts().size());
        Contact li = huawei.getContacts().stream().filter(k -> k.getName().equals("李伟")).findFirst().orElseThrow();
        assertEquals("DECISION_MAKER", li.getDecisionRole());
        assertTrue(li.isPrimary());
        assertEquals(List.of("li.wei@huawei.example"), li.getEmails());
        assertEquals(1, source.customers.count(CustomerFilter.text("华为")), "the imported rows are in the search index");
        assertEquals(1, source.customers.count(CustomerFilter.text("5G")));
        assertEquals(3, source.customerCount());
        assertEquals(3, source.count("SB_CONTACT"));

        NullProgressMonitor monitor = new NullProgressMonitor();
        Path exportedCustomers = dir.resolve("customers-out.csv");
        Path exportedContacts = dir.resolve("contacts-out.csv");
        assertEquals(3, source.engine.export("customers", CustomerFilter.ALL, exportedCustomers, WriteOptions.DEFAULT, monitor));
        assertEquals(3, source.engine.export("contacts", null, exportedContacts, WriteOptions.DEFAULT, monitor));

        ImportFixture copy = database();
        imports(copy, exportedCustomers, "customers", 3);
        imports(copy, exportedContacts, "contacts", 3);
        assertEquals(describe(source), describe(copy));
        assertEquals(6, describe(copy).size(), "three customers and three contacts: " + describe(copy));
    }
}
