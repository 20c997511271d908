package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RowError;

/** Contacts from CSV and from vCard 2.1, 3.0 and 4.0, their customer resolved by name or external id. */
class ContactImportTest {

    @TempDir
    Path dir;
    private ImportFixture fx;

    @BeforeEach
    void open() {
        fx = new ImportFixture();
        fx.customers.create(new Customer("深圳华为技术有限公司"));
        fx.customers.create(new Customer("ACME Inc."));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<Contact> contactsOf(String customer) {
        return fx.customers.find(fx.idOf(customer)).orElseThrow().getContacts();
    }

    @Test
    void csvContactsResolveTheirCustomerAndReportTheOnesThatDoNot() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("k.csv"), """
                客户,联系人姓名,职位,手机,邮箱,决策角色,主要联系人
                深圳华为技术,李伟,采购总监,+86 138 0013 8000,li.wei@huawei.example,decision_maker,是
                ACME Inc.,Road Runner,,"+1 555 0100; +1 555 0101",rr@acme.example,,no
                Nowhere Ltd,Nobody,,,,,
                ACME Inc.,Bad Mail,,,not-an-email,,
                """);
        ImportResult result = fx.importFile(file, "contacts", fx.auto(file, "contacts").withMode(Mode.VALID_ROWS));
        assertEquals(2, result.created(), result.errors().toString());
        assertEquals(2, result.failed());
        RowError nowhere = result.errors().get(0);
        assertEquals(4, nowhere.row());
        assertEquals("客户", nowhere.column());
        assertTrue(nowhere.message().contains("no customer named \"Nowhere Ltd\""), nowhere.message());
        assertEquals("邮箱", result.errors().get(1).column(), "the service's e-mail rule names the column");

        Contact li = contactsOf("深圳华为技术有限公司").get(0);
        assertEquals("李伟", li.getName());
        assertEquals("DECISION_MAKER", li.getDecisionRole());
        assertTrue(li.isPrimary());
        assertEquals(List.of("+1 555 0100", "+1 555 0101"), contactsOf("ACME Inc.").get(0).getPhones());
    }

    @Test
    void contactsMatchOnEmailOrPhone() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("k.csv"), "Account Name,Full Name,Email,Title\nACME Inc.,Road Runner,RR@acme.example,Runner\n");
        assertEquals(1, fx.importFile(file, "contacts", fx.auto(file, "contacts")).created());
        ImportFixture.utf8(file, "Account Name,Full Name,Email,Title\nACME Inc.,Road Runner,rr@ACME.example,Chief Runner\n");
        var match = new MatchPolicy(List.of("emails", "phones"), OnMatch.SKIP);
        assertEquals(1, fx.importFile(file, "contacts", fx.auto(file, "contacts").withMatch(match)).skipped());
        ImportResult updated = fx.importFile(file, "contacts", fx.auto(file, "contacts").withMatch(new MatchPolicy(match.keys(), OnMatch.UPDATE)));
        assertEquals(1, updated.updated(), updated.errors().toString());
        assertEquals(1, contactsOf("ACME Inc.").size());
        assertEquals("Chief Runner", contactsOf("ACME Inc.").get(0).getTitle());
    }

    @Test
    void vcardVersionsImport() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("cards.vcf"), """
                BEGIN:VCARD
                VERSION:2.1
                N:Coyote;Wile;E.
                FN:Wile E. Coyote
                ORG:ACME Inc.;R&D
                TEL;WORK;VOICE:+1 555 0199
                EMAIL;INTERNET:wile@acme.example
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:王芳
                ORG:深圳华为技术有限公司
                TITLE:工程师
                TEL;TYPE=CELL:13900139000
                EMAIL;TYPE=INTERNET:wang.fang@huawei.example
                UID:urn:uuid:wf-1
                END:VCARD
                BEGIN:VCARD
                VERSION:4.0
                FN:Road Runner
                ORG:ACME Inc.
                TEL;VALUE=uri;TYPE=cell:tel:+1-555-0100
                EMAIL:rr@acme.example
                END:VCARD
                """.replace("\n", "\r\n"));
        ImportResult result = fx.importFile(file, "contacts", fx.auto(file, "contacts"));
        assertEquals(3, result.created(), result.errors().toString());
        Contact wile = contactsOf("ACME Inc.").stream().filter(k -> k.getName().equals("Wile E. Coyote")).findFirst().orElseThrow();
        assertEquals("R&D", wile.getDepartment());
        assertEquals(List.of("wile@acme.example"), wile.getEmails());
        Contact wang = contactsOf("深圳华为技术有限公司").get(0);
        assertEquals("工程师", wang.getTitle());
        assertEquals(List.of("13900139000"), wang.getPhones());
        Contact road = contactsOf("ACME Inc.").stream().filter(k -> k.getName().equals("Road Runner")).findFirst().orElseThrow();
        assertEquals(List.of("+1-555-0100"), road.getPhones());
    }
}
