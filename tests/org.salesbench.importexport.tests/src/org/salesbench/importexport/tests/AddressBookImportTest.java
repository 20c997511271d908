package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.customers.Customer;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;

/**
 * Address books as phones and Macs write them: company cards (only ORG, marked X-ABShowAs:COMPANY or KIND:org) become
 * customers with their phone, web site and address; a person's card whose company is no customer is reported on its row,
 * or creates the customer when the user asks; vCard 2.1 (quoted-printable Chinese), 3.0 with a photo, and 4.0.
 */
class AddressBookImportTest {

    @TempDir
    Path dir;

    static final String BOOK = """
            BEGIN:VCARD
            VERSION:3.0
            N:;;;;
            FN:Cupertino Fruit Co.
            ORG:Cupertino Fruit Co.;
            TEL;type=WORK;type=VOICE;type=pref:+1 408 555 0100
            item1.URL;type=pref:https://fruit.example
            item1.X-ABLabel:_$!<HomePage>!$_
            ADR;type=WORK;type=pref:;;1 Infinite Loop;Cupertino;CA;95014;USA
            X-ABShowAs:COMPANY
            END:VCARD
            BEGIN:VCARD
            VERSION:4.0
            KIND:org
            FN:深圳前海科技有限公司
            ORG:深圳前海科技有限公司
            TEL;VALUE=uri:tel:+86-755-5555-0100
            ADR:;;前海路 1 号;深圳;广东;518000;中国
            END:VCARD
            BEGIN:VCARD
            VERSION:2.1
            ORG:Orgonly GmbH
            TEL;WORK:+49 30 5555 0100
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            N:Runner;Road;;;
            FN:Road Runner
            ORG:ACME Inc.
            PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQ==
            END:VCARD
            BEGIN:VCARD
            VERSION:2.1
            N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=9D=8E;=E9=9B=B7;;;
            FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=9D=8E=E9=9B=B7
            ORG;CHARSET=UTF-8:杭州新公司
            TEL;CELL:13800138000
            END:VCARD
            BEGIN:VCARD
            VERSION:4.0
            FN:Tim Apple
            ORG:Cupertino Fruit Co.
            EMAIL:tim@fruit.example
            END:VCARD
            """.replace("\n", "\r\n");

    private static String one(ImportFixture fx, String sql) {
        return fx.db.read(em -> (String) em.createNativeQuery(sql).getSingleResult());
    }

    @Test
    void companyCardsBecomeCustomersAndAMissingCompanyIsReportedOrCreated() throws IOException {
        try (ImportFixture fx = new ImportFixture()) {
            fx.customers.create(new Customer("ACME Inc."));
            Path book = ImportFixture.utf8(dir.resolve("book.vcf"), BOOK);
            ImportSettings settings = fx.auto(book, "contacts").withMode(Mode.VALID_ROWS);
            ImportResult result = fx.importFile(book, "contacts", settings);
            assertEquals(5, result.created(), result.errors().toString());
            assertEquals(1, result.failed(), "the card whose company is no customer, on its own row: " + result.errors());
            assertEquals(6, result.errors().get(0).row());
            assertTrue(result.errors().get(0).message().contains("杭州新公司"), result.errors().toString());
            assertEquals(List.of("ACME Inc.", "Cupertino Fruit Co.", "Orgonly GmbH", "深圳前海科技有限公司"), fx.customerNames());
            assertEquals("1 Infinite Loop Cupertino CA 95014 USA", one(fx, "SELECT ADDRESS FROM SB_CUSTOMER WHERE NAME = 'Cupertino Fruit Co.'"));
            String notes = one(fx, "SELECT NOTES FROM SB_CUSTOMER WHERE NAME = 'Cupertino Fruit Co.'");
            assertTrue(notes.contains("+1 408 555 0100") && notes.contains("https://fruit.example"), notes);
            assertEquals("前海路 1 号 深圳 广东 518000 中国", one(fx, "SELECT ADDRESS FROM SB_CUSTOMER WHERE NAME = '深圳前海科技有限公司'"));
            assertTrue(one(fx, "SELECT NOTES FROM SB_CUSTOMER WHERE NAME = 'Orgonly GmbH'").contains("+49 30 5555 0100"));
            assertEquals(0, fx.count("SB_CONTACT k JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID WHERE c.NAME <> 'ACME Inc.'"
                    + " AND c.NAME <> 'Cupertino Fruit Co.'"), "a company's card is no contact");
            assertEquals("Road Runner", one(fx, "SELECT k.NAME FROM SB_CONTACT k JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID"
                    + " WHERE c.NAME = 'ACME Inc.'"), "the card with a photo");
            assertEquals("Tim Apple", one(fx, "SELECT k.NAME FROM SB_CONTACT k JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID"
                    + " WHERE c.NAME = 'Cupertino Fruit Co.'"), "a person of a company card earlier in the file");

            Path li = ImportFixture.utf8(dir.resolve("li.vcf"), BOOK.substring(BOOK.indexOf("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET")));
            ImportResult created = fx.importFile(li, "contacts", fx.auto(li, "contacts").withMode(Mode.VALID_ROWS)
                    .withCreateMissing(Set.of("customers")));
            assertEquals(2, created.created(), created.errors().toString());
            assertEquals("李雷", one(fx, "SELECT k.NAME FROM SB_CONTACT k JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID"
                    + " WHERE c.NAME = '杭州新公司'"), "the company created when the user asks");
            assertTrue(created.notes().stream().anyMatch(n -> n.message().contains("杭州新公司")), created.notes().toString());
        }
    }
    /**
     * Chinese names as phones write them: the family name first with no space, whatever order the card's formatted name
     * puts them in; a Western name stays given name first, and a card with only the name's parts gets the same order.
     */
    @Test
    void chineseNamesComeFamilyNameFirstWithNoSpace() throws IOException {
        String book = """
                BEGIN:VCARD
                VERSION:3.0
                N:张;三;;;
                FN:三 张
                ORG:北京伞业有限公司
                END:VCARD
                BEGIN:VCARD
                VERSION:2.1
                N;CHARSET=UTF-8:王;小明;;;
                ORG;CHARSET=UTF-8:北京伞业有限公司
                END:VCARD
                BEGIN:VCARD
                VERSION:4.0
                N:欧阳;娜娜;;;
                FN:欧阳娜娜
                ORG:北京伞业有限公司
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                N:Coyote;Wile;;;
                ORG:北京伞业有限公司
                END:VCARD
                BEGIN:VCARD
                VERSION:4.0
                N:Sato;Yui;;;
                FN:Yui Sato
                ORG:北京伞业有限公司
                END:VCARD
                """.replace("\n", "\r\n");
        try (ImportFixture fx = new ImportFixture()) {
            fx.customers.create(new Customer("北京伞业有限公司"));
            Path file = ImportFixture.utf8(dir.resolve("names.vcf"), book);
            ImportResult result = fx.importFile(file, "contacts", fx.auto(file, "contacts"));
            assertEquals(5, result.created(), result.errors().toString());
            List<String> names = fx.db.read(em -> ((List<?>) em.createNativeQuery("SELECT NAME FROM SB_CONTACT").getResultList()).stream()
                    .map(Object::toString).sorted().toList());
            assertEquals(List.of("Wile Coyote", "Yui Sato", "张三", "欧阳娜娜", "王小明"), names);
        }
    }

    /**
     * Issue 17's proof in one book: in each of vCard 2.1, 3.0 and 4.0 a company's card, a person with a photo (2.1's
     * base64 lines, 3.0's {@code ENCODING=b}, 4.0's {@code data:} URI) and a Chinese name, and a person whose company is
     * no customer. Valid rows: the companies become customers, the people with photos are imported family name first,
     * each missing company is an error on its own row; with {@code --create-missing customers} those are created too.
     */
    @Test
    void everyVersionWithCompanyCardsPhotosChineseNamesAndMissingCompanies() throws IOException {
        String jpeg = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U";
        String book = """
                BEGIN:VCARD
                VERSION:2.1
                ORG;CHARSET=UTF-8:二一贸易有限公司
                TEL;WORK:021-5555 2101
                END:VCARD
                BEGIN:VCARD
                VERSION:2.1
                N;CHARSET=UTF-8:赵;二一;;;
                ORG;CHARSET=UTF-8:二一贸易有限公司
                PHOTO;ENCODING=BASE64;TYPE=JPEG:
                  %1$s
                  %1$s

                END:VCARD
                BEGIN:VCARD
                VERSION:2.1
                N;CHARSET=UTF-8:钱;缺一;;;
                ORG;CHARSET=UTF-8:缺失二一公司
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                N:;;;;
                FN:三零科技有限公司
                ORG:三零科技有限公司;
                X-ABShowAs:COMPANY
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                N:孙;三零;;;
                FN:三零 孙
                ORG:三零科技有限公司
                PHOTO;ENCODING=b;TYPE=JPEG:%1$s
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                N:李;缺三;;;
                ORG:缺失三零公司
                END:VCARD
                BEGIN:VCARD
                VERSION:4.0
                KIND:org
                FN:四零咨询有限公司
                ORG:四零咨询有限公司
                END:VCARD
                BEGIN:VCARD
                VERSION:4.0
                N:欧阳;四零;;;
                FN:欧阳四零
                ORG:四零咨询有限公司
                PHOTO:data:image/jpeg;base64,%1$s
                END:VCARD
                BEGIN:VCARD
                VERSION:4.0
                N:周;缺四;;;
                FN:周缺四
                ORG:缺失四零公司
                END:VCARD
                """.formatted(jpeg).replace("\n", "\r\n");
        try (ImportFixture fx = new ImportFixture()) {
            Path file = ImportFixture.utf8(dir.resolve("versions.vcf"), book);
            ImportResult result = fx.importFile(file, "contacts", fx.auto(file, "contacts").withMode(Mode.VALID_ROWS));
            assertEquals(6, result.created(), result.errors().toString());
            assertEquals(3, result.failed(), result.errors().toString());
            assertEquals(List.of("缺失二一公司", "缺失三零公司", "缺失四零公司"), result.errors().stream()
                    .map(e -> e.message().contains("缺失二一公司") ? "缺失二一公司" : e.message().contains("缺失三零公司") ? "缺失三零公司"
                            : e.message().contains("缺失四零公司") ? "缺失四零公司" : e.message()).toList(), "each missing company on its own row");
            assertEquals(List.of("三零科技有限公司", "二一贸易有限公司", "四零咨询有限公司"), fx.customerNames().stream().sorted().toList());
            for (String[] person : new String[][] { { "赵二一", "二一贸易有限公司" }, { "孙三零", "三零科技有限公司" }, { "欧阳四零", "四零咨询有限公司" } }) {
                assertEquals(1, fx.count("SB_CONTACT k JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID WHERE k.NAME = '" + person[0] + "' AND c.NAME = '"
                        + person[1] + "'"), person[0] + ", with a photo, in " + person[1]);
            }
            assertTrue(one(fx, "SELECT NOTES FROM SB_CUSTOMER WHERE NAME = '二一贸易有限公司'").contains("021-5555 2101"));

            ImportResult created = fx.importFile(file, "contacts", fx.auto(file, "contacts").withMode(Mode.VALID_ROWS)
                    .withCreateMissing(Set.of("customers")));
            assertEquals(0, created.failed(), created.errors().toString());
            for (String[] person : new String[][] { { "钱缺一", "缺失二一公司" }, { "李缺三", "缺失三零公司" }, { "周缺四", "缺失四零公司" } }) {
                assertEquals(1, fx.count("SB_CONTACT k JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID WHERE k.NAME = '" + person[0] + "' AND c.NAME = '"
                        + person[1] + "'"), person[0] + " with the company created");
            }
        }
    }
}
