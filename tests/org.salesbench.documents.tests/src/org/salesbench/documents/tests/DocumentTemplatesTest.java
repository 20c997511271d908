package org.salesbench.documents.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.documents.Block;
import org.salesbench.documents.Document;
import org.salesbench.documents.DocumentException;
import org.salesbench.documents.internal.PdfDocumentRenderer;
import org.salesbench.documents.internal.templates.LetterheadPlaceholders;
import org.salesbench.documents.internal.templates.PlaceholderContributions;
import org.salesbench.documents.internal.templates.TemplateEngine;
import org.salesbench.documents.templates.DocumentTemplates;
import org.salesbench.documents.templates.Placeholder;
import org.salesbench.documents.templates.PlaceholderType;
import org.salesbench.documents.templates.PlaceholderValues;
import org.salesbench.documents.templates.TemplateException;
import org.salesbench.documents.templates.TemplateProblem;
import org.salesbench.documents.tests.TestContractPlaceholders.Instalment;
import org.salesbench.documents.tests.TestContractPlaceholders.Line;
import org.salesbench.documents.tests.TestContractPlaceholders.TestContract;

/**
 * Templates checked, rendered to real PDFs and read back with PDFBox's text extraction; the placeholders come from
 * the extension point, with this fragment's good and broken contributions.
 */
class DocumentTemplatesTest {

    private static final String SUBJECT = "test-contract";
    private static final String CUSTOMER = "上海星辰数据科技有限公司";
    private static final String COMPANY = "北京云帆软件有限公司";

    static final String CONTRACT_TEMPLATE = """
            # 销售合同 Sales contract {{number}}
            @subtitle {{company.name}} · {{today}}
            @footer {{number}} · {{customer.name}}
            甲方（买方）：{{customer.name}}
            乙方（卖方）：{{company.name}}
            签订日期：{{signing.date}}

            ## 产品明细 Line items
            | 产品 Product | 数量 Qty | 金额 Amount |
            |------------|---:|------:|
            {{#lines}}
            | {{product}} | {{quantity}} | {{amount}} |
            {{/lines}}
            > 合同总额 Total | {{amount}}
            > 大写金额 In words | {{amount.capital}}

            ## 付款计划 Payment plan
            | 到期日 Due | 金额 Amount | 大写 In words |
            |---|---:|----|
            {{#payments}}
            | {{due}} | {{amount}} | {{amount.capital}} |
            {{/payments}}
            {{^payments}}
            一次性付清。
            {{/payments}}
            """;

    private final DocumentTemplates templates = new TemplateEngine(new PdfDocumentRenderer());

    @AfterEach
    void clearLetterhead() throws Exception {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(LetterheadPlaceholders.QUALIFIER);
        node.remove(LetterheadPlaceholders.preferenceKey("name"));
        node.flush();
    }

    static TestContract contract(String customer) {
        LocalDate signed = LocalDate.now(Clocks.system()).minusDays(3);
        return new TestContract("HT-2026-0042", customer, Money.cny("1000000.05"), signed,
                List.of(new Line("CRM 专业版 licence", new BigDecimal("100"), Money.cny("800000.00")),
                        new Line("实施服务 Implementation", new BigDecimal("1.50"), Money.cny("200000.05"))),
                List.of(new Instalment(signed.plusDays(30), Money.cny("500000.00")),
                        new Instalment(signed.plusDays(90), Money.cny("500000.05"))));
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    // ---- the extension point

    @Test
    void aSubjectHasTheGenericPlaceholdersAndItsContributionsButNotTheBadlyDeclaredOnes() {
        List<String> names = templates.placeholders(SUBJECT).stream().map(Placeholder::name).toList();
        assertEquals(List.of("today", "company.name", "company.address", "company.phone", "company.taxId", "company.bank"),
                names.subList(0, 6), "generic ones first: " + names);
        assertTrue(names.containsAll(List.of("number", "customer.name", "amount", "signing.date", "lines", "payments",
                "missing.value", "throwing.value")), names.toString());
        assertFalse(names.contains("undeclared.value"), "a contribution without a subject is skipped");
        assertFalse(names.contains("colour.value"), "a contribution with an unknown type is skipped");
        Placeholder lines = templates.placeholders(SUBJECT).stream().filter(p -> p.name().equals("lines")).findFirst().orElseThrow();
        assertEquals(PlaceholderType.SECTION, lines.type());
        assertEquals(List.of("product", "quantity", "amount"), lines.columns().stream().map(Placeholder::name).toList());

        List<String> other = templates.placeholders("some-other-subject").stream().map(Placeholder::name).toList();
        assertEquals(6, other.size(), "another subject sees only the generic ones: " + other);
        assertTrue(PlaceholderContributions.all().stream().anyMatch(d -> d.id().equals("letterhead")), "the engine's own contribution");
    }

    @Test
    void aBrokenAddOnIsReportedAndSkippedAndOnlyTemplatesUsingItsPlaceholdersAreRefused() throws Exception {
        // the good contribution still works beside a missing class and a throwing provider
        Document document = templates.document(SUBJECT, "# {{number}}\n{{customer.name}}", contract(CUSTOMER), null);
        assertEquals("HT-2026-0042", document.title());
        assertEquals(List.of(new Block.Paragraph(CUSTOMER)), document.blocks());

        DocumentException missing = assertThrows(DocumentException.class,
                () -> templates.document(SUBJECT, "{{missing.value}}", contract(CUSTOMER), null));
        assertTrue(missing.getMessage().contains("missing.value") && missing.getMessage().contains("org.salesbench.documents"),
                missing.getMessage());
        DocumentException throwing = assertThrows(DocumentException.class,
                () -> templates.document(SUBJECT, "x {{throwing.value}}", contract(CUSTOMER), null));
        assertTrue(throwing.getMessage().contains("throwing.value"), throwing.getMessage());

        // values the caller supplies itself stand in for a failed add-on
        Document supplied = templates.document(SUBJECT, "{{throwing.value}}", contract(CUSTOMER),
                new PlaceholderValues().text("throwing.value", "given"));
        assertEquals(List.of(new Block.Paragraph("given")), supplied.blocks());
    }

    @Test
    void theTemplateServiceIsRegisteredByDs() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(TemplateEngine.class).getBundleContext();
        if (context == null) {
            FrameworkUtil.getBundle(TemplateEngine.class).start();
            context = FrameworkUtil.getBundle(TemplateEngine.class).getBundleContext();
        }
        ServiceTracker<DocumentTemplates, DocumentTemplates> tracker = new ServiceTracker<>(context, DocumentTemplates.class, null);
        tracker.open();
        try {
            DocumentTemplates service = tracker.waitForService(10_000);
            assertNotNull(service, "DocumentTemplates registered by DS");
            assertTrue(text(pdf(service, CONTRACT_TEMPLATE)).contains("壹佰万元零伍分"));
        } finally {
            tracker.close();
        }
    }

    // ---- checking at save

    @Test
    void theContractTemplateIsAccepted() throws Exception {
        assertEquals(List.of(), templates.problems(SUBJECT, CONTRACT_TEMPLATE));
        templates.check(SUBJECT, CONTRACT_TEMPLATE);
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithItsNameAndLine() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> templates.check(SUBJECT, "# 合同\n甲方：{{customer.name}}\n金额：{{amout}}\n{{customer.nmae}}"));
        assertEquals(List.of(3, 4), e.problems().stream().map(TemplateProblem::line).toList(), e.getMessage());
        assertTrue(e.problems().get(0).message().contains("{{amout}}") && e.problems().get(0).message().contains("3"),
                e.problems().get(0).message());
        assertTrue(e.getMessage().contains("{{customer.nmae}}"), e.getMessage());
    }

    @Test
    void aColumnIsKnownOnlyInsideItsSection() {
        assertEquals(List.of(), templates.problems(SUBJECT, "{{#lines}}\n{{product}} {{customer.name}}\n{{/lines}}"),
                "inside: its columns and the record's placeholders");
        List<TemplateProblem> outside = templates.problems(SUBJECT, "{{#lines}}\n{{product}}\n{{/lines}}\n{{product}}");
        assertEquals(1, outside.size(), outside.toString());
        assertEquals(4, outside.get(0).line());
        List<TemplateProblem> other = templates.problems(SUBJECT, "{{#payments}}\n{{product}}\n{{/payments}}");
        assertEquals(1, other.size(), "a column of another section: " + other);
        assertEquals(2, other.get(0).line());
    }

    @Test
    void capitalNumeralsExistForMoneyPlaceholdersOnly() {
        assertEquals(List.of(), templates.problems(SUBJECT, "{{amount.capital}} {{#lines}}{{amount.capital}}{{/lines}}"));
        List<TemplateProblem> problems = templates.problems(SUBJECT, "{{customer.name.capital}}\n{{today.capital}}");
        assertEquals(List.of(1, 2), problems.stream().map(TemplateProblem::line).toList(), problems.toString());
    }

    @Test
    void aBrokenTemplateIsRefusedWithTheLine() {
        List<TemplateProblem> unclosed = templates.problems(SUBJECT, "# 合同\n\n{{#lines}}\n| {{product}} |\n");
        assertEquals(1, unclosed.size(), unclosed.toString());
        assertTrue(unclosed.get(0).message().contains("lines"), unclosed.get(0).message());
        assertTrue(unclosed.get(0).line() >= 3, "the line of the unclosed section or after it: " + unclosed);

        List<TemplateProblem> mismatched = templates.problems(SUBJECT, "{{#lines}}\n{{product}}\n{{/payments}}\n");
        assertEquals(1, mismatched.size(), mismatched.toString());
        assertTrue(mismatched.get(0).line() > 0, mismatched.toString());

        List<TemplateProblem> unknownSection = templates.problems(SUBJECT, "a\n{{#items}}x{{/items}}");
        assertEquals(2, unknownSection.get(0).line(), unknownSection.toString());
        assertTrue(unknownSection.get(0).message().contains("items"), unknownSection.toString());

        List<TemplateProblem> unsupported = templates.problems(SUBJECT, "{{> header}}\n{{{customer.name}}}\n{{lines}}");
        assertEquals(List.of(1, 2, 3), unsupported.stream().map(TemplateProblem::line).toList(), unsupported.toString());
    }

    @Test
    void problemsAreWrittenInChineseToo() {
        // the messages exist in both languages; this checks the Chinese file is complete and read as UTF-8
        String zh = readResource("/org/salesbench/documents/internal/templates/messages_zh_CN.properties");
        String en = readResource("/org/salesbench/documents/internal/templates/messages.properties");
        assertEquals(keys(en), keys(zh));
        assertTrue(zh.contains("未知的占位符"), zh);
    }

    // ---- rendering

    @Test
    void aRenderedContractCarriesItsChineseTextAmountsAndCapitalNumerals() throws Exception {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(LetterheadPlaceholders.QUALIFIER);
        node.put(LetterheadPlaceholders.preferenceKey("name"), COMPANY);
        node.flush();

        String text = text(pdf(templates, CONTRACT_TEMPLATE));

        TestContract contract = contract(CUSTOMER);
        for (String expected : List.of("销售合同 Sales contract HT-2026-0042", "甲方（买方）：" + CUSTOMER, "乙方（卖方）：" + COMPANY,
                "签订日期：" + contract.signed(), COMPANY + " · " + LocalDate.now(Clocks.system()), "产品明细 Line items",
                "CRM 专业版 licence", "实施服务 Implementation", "1.5", "¥800,000.00", "¥200,000.05", "¥1,000,000.05",
                "壹佰万元零伍分", "付款计划 Payment plan", contract.plan().get(1).due().toString(), "¥500,000.00", "伍拾万元整",
                "伍拾万元零伍分", "HT-2026-0042 · " + CUSTOMER)) {
            assertTrue(text.contains(expected), "'" + expected + "' in the extracted text:\n" + text);
        }
        assertFalse(text.contains("一次性付清"), "the inverted section is left out when there is a plan");
        assertFalse(text.contains("{{"), text);
    }

    @Test
    void sectionsRepeatTableRowsAndEmptyOnesShowTheInvertedText() throws Exception {
        Document document = templates.document(SUBJECT, CONTRACT_TEMPLATE, contract(CUSTOMER), null);
        List<Block.Table> tables = document.blocks().stream().filter(Block.Table.class::isInstance).map(Block.Table.class::cast).toList();
        assertEquals(2, tables.size(), document.blocks().toString());
        assertEquals("产品明细 Line items", tables.get(0).heading());
        assertEquals(List.of(List.of("CRM 专业版 licence", "100", "¥800,000.00"), List.of("实施服务 Implementation", "1.5", "¥200,000.05")),
                tables.get(0).rows());
        assertEquals(org.salesbench.documents.Align.RIGHT, tables.get(0).columns().get(2).align(), "---: right-aligns");
        assertEquals(List.of("¥500,000.00", "伍拾万元整"), tables.get(1).rows().get(0).subList(1, 3));
        Block.Totals totals = document.blocks().stream().filter(Block.Totals.class::isInstance).map(Block.Totals.class::cast).findFirst().orElseThrow();
        assertEquals(new Block.Entry("大写金额 In words", "壹佰万元零伍分"), totals.lines().get(1));

        TestContract cash = new TestContract("HT-1", CUSTOMER, Money.cny("10010"), LocalDate.now(Clocks.system()), List.of(), List.of());
        Document paidAtOnce = templates.document(SUBJECT, CONTRACT_TEMPLATE, cash, null);
        assertTrue(paidAtOnce.blocks().contains(new Block.Paragraph("一次性付清。")), paidAtOnce.blocks().toString());
        assertTrue(paidAtOnce.blocks().contains(new Block.Totals(List.of(new Block.Entry("合同总额 Total", "¥10,010.00"),
                new Block.Entry("大写金额 In words", "壹万零壹拾元整")))), paidAtOnce.blocks().toString());
    }

    @Test
    void capitalNumeralsOfAnotherCurrencyAreRefusedOnlyWhereTheTemplateAsksForThem() throws Exception {
        TestContract dollars = new TestContract("HT-USD", CUSTOMER, Money.of("1200", "USD"), LocalDate.now(Clocks.system()), List.of(), List.of());
        Document figures = templates.document(SUBJECT, "{{amount}}", dollars, null);
        assertEquals(List.of(new Block.Paragraph("USD 1,200.00")), figures.blocks());
        DocumentException e = assertThrows(DocumentException.class, () -> templates.document(SUBJECT, "{{amount.capital}}", dollars, null));
        assertTrue(e.getMessage().contains("amount.capital") && e.getMessage().contains("USD"), e.getMessage());
    }

    @Test
    void aValueIsNeverReadAsMarkup() throws Exception {
        String tricky = "# A | B > C\nsecond line";
        Document document = templates.document(SUBJECT, "# Contract\n{{customer.name}}\n| Customer | Amount |\n| {{customer.name}} | {{amount}} |",
                contract(tricky), null);
        assertEquals("Contract", document.title());
        assertEquals(new Block.Paragraph(tricky), document.blocks().get(0));
        Block.Table table = assertInstanceOf(Block.Table.class, document.blocks().get(1));
        assertEquals(List.of(List.of("# A | B > C second line", "¥1,000,000.05")), table.rows());
    }

    @Test
    void renderingWritesTheWholeFileOrLeavesTheOldOne(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("合同 HT-2026-0042.pdf");
        templates.renderPdf(SUBJECT, CONTRACT_TEMPLATE, contract(CUSTOMER), null, target);
        byte[] first = Files.readAllBytes(target);
        assertTrue(text(first).contains("壹佰万元零伍分"));

        // a row whose cells do not match the header fails after the values were gathered: the old file stays whole
        String badTable = "| a | b |\n{{#lines}}\n| {{product}} |\n{{/lines}}";
        DocumentException e = assertThrows(DocumentException.class,
                () -> templates.renderPdf(SUBJECT, badTable, contract(CUSTOMER), null, target));
        assertTrue(e.getMessage().contains("1") && e.getMessage().contains("2"), e.getMessage());
        assertArrayEquals(first, Files.readAllBytes(target));
        assertThrows(TemplateException.class, () -> templates.renderPdf(SUBJECT, "{{nope}}", contract(CUSTOMER), null, target));
        assertArrayEquals(first, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file left behind");
        }
    }

    private static byte[] pdf(DocumentTemplates service, String template) throws Exception {
        Path file = Files.createTempFile("contract", ".pdf");
        try {
            service.renderPdf(SUBJECT, template, contract(CUSTOMER), null, file);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String readResource(String path) {
        try (var in = TemplateEngine.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    private static List<String> keys(String properties) {
        return properties.lines().filter(l -> l.contains("=")).map(l -> l.substring(0, l.indexOf('=')).trim()).sorted().toList();
    }
}
