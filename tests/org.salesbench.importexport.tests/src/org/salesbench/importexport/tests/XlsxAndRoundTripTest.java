package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.WriteOptions;

/** Excel workbooks, and export → import giving back the same data in every format. */
class XlsxAndRoundTripTest {

    @TempDir
    Path dir;
    private ImportFixture fx;

    @BeforeEach
    void open() {
        fx = new ImportFixture();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void importsTheFirstSheetOrANamedOneWithDatesAndNumbers() throws IOException {
        Path file = dir.resolve("book.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet notes = book.createSheet("Notes");
            notes.createRow(0).createCell(0).setCellValue("Name");
            notes.createRow(1).createCell(0).setCellValue("From the first sheet");
            Sheet sheet = book.createSheet("客户");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("客户名称");
            header.createCell(1).setCellValue("下次跟进日期");
            header.createCell(2).setCellValue("简称");
            CellStyle dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row row = sheet.createRow(2); // an empty row 2 above it
            row.createCell(0).setCellValue("杭州海纳医疗有限公司");
            row.createCell(1).setCellValue(LocalDate.of(2026, 12, 24));
            row.getCell(1).setCellStyle(dateStyle);
            row.createCell(2).setCellValue(12345);
            book.write(out);
        }
        ImportResult first = fx.engine.run(file, ReadOptions.DETECT, fx.auto(file, "customers"), new NullProgressMonitor());
        assertEquals(1, first.created(), first.errors().toString());
        assertEquals(List.of("From the first sheet"), fx.customerNames());

        ReadOptions named = ReadOptions.DETECT.withSheet("客户");
        var settings = new org.salesbench.importexport.ImportSettings("customers", fx.engine.preview(file, named, "customers").mapping());
        ImportResult second = fx.engine.run(file, named, settings, new NullProgressMonitor());
        assertEquals(1, second.created(), second.errors().toString());
        assertEquals(3, second.errors().size() + 3, "no errors");
        Customer haina = fx.customers.find(fx.idOf("杭州海纳医疗有限公司")).orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 24), haina.getNextFollowUp());
        assertEquals("12345", haina.getShortName(), "a whole number reads without .0");

        ImportException missing = assertThrows(ImportException.class, () -> fx.engine.preview(file, ReadOptions.DETECT.withSheet("Sheet9"), "customers"));
        assertTrue(missing.getMessage().contains("Notes, 客户"), missing.getMessage());
        Path fake = ImportFixture.utf8(dir.resolve("fake.xlsx"), "Name\nnot a workbook\n");
        ImportException notXlsx = assertThrows(ImportException.class, () -> fx.engine.preview(fake, ReadOptions.DETECT, "customers"));
        assertTrue(notXlsx.getMessage().contains("not an Excel workbook"), notXlsx.getMessage());
    }

    private void seed() {
        Customer huawei = new Customer("深圳华为技术有限公司");
        huawei.setShortName("华为");
        huawei.setCreditCode(CreditCode.withCheckCharacter("91440300MA5FABCD1"));
        huawei.setIndustry("COMMUNICATIONS"); // a code of the industry picklist, as the editor stores it
        huawei.setRegion("广东");
        huawei.setAddress("坂田, \"华为基地\"\n北区");
        huawei.setSize("ENTERPRISE");
        huawei.setGrade("A");
        huawei.setSource("展会");
        huawei.setStatus(CustomerStatus.ACTIVE);
        huawei.getTags().addAll(List.of("5G", "战略客户"));
        huawei.setNextFollowUp(LocalDate.of(2026, 12, 1));
        huawei.setNeeds("核心网");
        huawei.setNotes("多行\n备注");
        Contact li = huawei.addContact(new Contact("李伟"));
        li.setTitle("采购总监");
        li.setDepartment("采购部");
        li.getPhones().addAll(List.of("+86 138 0013 8000", "0755-2878 0808"));
        li.getEmails().add("li.wei@huawei.example");
        li.setDecisionRole("DECISION_MAKER");
        li.setPrimary(true);
        huawei.addContact(new Contact("Wang Fang")).getEmails().add("wang@huawei.example");
        fx.customers.create(huawei);
        Customer acme = new Customer("ACME Inc.");
        acme.setStatus(CustomerStatus.PROSPECT);
        acme.addContact(new Contact("Wile E. Coyote")).getPhones().add("+1 555 0100");
        fx.customers.create(acme);
    }

    /** Everything a customer and its contacts hold, in a form that compares across databases. */
    private static String describe(ImportFixture f) {
        StringBuilder s = new StringBuilder();
        for (String name : f.customerNames()) {
            Customer c = f.customers.find(f.idOf(name)).orElseThrow();
            s.append(List.of(c.getName(), String.valueOf(c.getShortName()), String.valueOf(c.getCreditCode()), String.valueOf(c.getIndustry()),
                    String.valueOf(c.getRegion()), String.valueOf(c.getAddress()), String.valueOf(c.getSize()), String.valueOf(c.getGrade()),
                    String.valueOf(c.getSource()), String.valueOf(c.getStatus()), new java.util.TreeSet<>(c.getTags()).toString(),
                    String.valueOf(c.getNextFollowUp()), String.valueOf(c.getNeeds()), String.valueOf(c.getNotes()))).append('\n');
            c.getContacts().stream().sorted(java.util.Comparator.comparing(Contact::getName)).forEach(k -> s.append("  ")
                    .append(List.of(k.getName(), String.valueOf(k.getTitle()), String.valueOf(k.getDepartment()), k.getPhones().toString(),
                            k.getEmails().toString(), String.valueOf(k.getDecisionRole()), String.valueOf(k.isPrimary())))
                    .append('\n'));
        }
        return s.toString();
    }

    private void roundTrip(String customersFile, String contactsFile, WriteOptions options) throws IOException {
        seed();
        Path customers = dir.resolve(customersFile);
        Path contacts = dir.resolve(contactsFile);
        assertEquals(2, fx.engine.export("customers", CustomerFilter.ALL, customers, options, new NullProgressMonitor()));
        assertEquals(3, fx.engine.export("contacts", null, contacts, options, new NullProgressMonitor()));
        try (ImportFixture copy = new ImportFixture()) {
            ImportResult c = copy.engine.run(customers, ReadOptions.DETECT, copy.auto(customers, "customers"), new NullProgressMonitor());
            assertEquals(Outcome.COMPLETED, c.outcome(), c.errors().toString());
            ImportResult k = copy.engine.run(contacts, ReadOptions.DETECT, copy.auto(contacts, "contacts"), new NullProgressMonitor());
            assertEquals(Outcome.COMPLETED, k.outcome(), k.errors().toString());
            assertEquals(3, k.created());
            assertEquals(describe(fx), describe(copy));
        }
    }

    @Test
    void csvUtf8RoundTrip() throws IOException {
        roundTrip("customers.csv", "contacts.csv", WriteOptions.DEFAULT);
        byte[] bytes = Files.readAllBytes(dir.resolve("customers.csv"));
        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 with a byte-order mark, for Excel");
    }

    @Test
    void csvGbkRoundTrip() throws IOException {
        roundTrip("customers.csv", "contacts.csv", WriteOptions.gbk());
        String text = new String(Files.readAllBytes(dir.resolve("customers.csv")), Charset.forName("GBK"));
        assertTrue(text.startsWith("Name,"), text.substring(0, 20));
        assertTrue(text.contains("深圳华为技术有限公司"));
    }

    @Test
    void xlsxRoundTrip() throws IOException {
        roundTrip("customers.xlsx", "contacts.xlsx", WriteOptions.DEFAULT);
    }

    @Test
    void vcardRoundTripForContacts() throws IOException {
        roundTrip("customers.xlsx", "contacts.vcf", WriteOptions.DEFAULT);
        String vcf = Files.readString(dir.resolve("contacts.vcf"));
        assertTrue(vcf.contains("BEGIN:VCARD") && vcf.contains("FN:李伟") && vcf.contains("ORG:深圳华为技术有限公司;采购部"), vcf);
    }

    @Test
    void exportFollowsTheListFilter() throws IOException {
        seed();
        Path file = dir.resolve("filtered.csv");
        assertEquals(1, fx.engine.export("customers", CustomerFilter.text("华为"), file, WriteOptions.DEFAULT, new NullProgressMonitor()));
        assertEquals(2, fx.engine.export("contacts", CustomerFilter.text("华为"), dir.resolve("k.csv"), WriteOptions.DEFAULT,
                new NullProgressMonitor()));
        // the files hold what the counts say: Huawei and its two contacts, nothing of ACME
        String customersCsv = Files.readString(file);
        assertTrue(customersCsv.contains("深圳华为技术有限公司") && !customersCsv.contains("ACME"), customersCsv);
        String contactsCsv = Files.readString(dir.resolve("k.csv"));
        assertTrue(contactsCsv.contains("李伟") && contactsCsv.contains("Wang Fang") && !contactsCsv.contains("Coyote"), contactsCsv);
    }
}
