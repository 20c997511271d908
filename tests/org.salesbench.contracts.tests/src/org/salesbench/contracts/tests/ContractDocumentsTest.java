package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.internal.documents.ContractDocumentsImpl;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.documents.CapitalAmounts;
import org.salesbench.documents.templates.DocumentTemplates;
import org.salesbench.opportunities.Opportunity;

/**
 * The contract PDF through the documents module's real template engine (its DS service, which finds the contract
 * placeholders through the extension registry), read back with PDFBox: number, amount in figures and in capitals, the
 * plan; a template of this installation is checked before it is stored, used, and reset.
 */
class ContractDocumentsTest {

    @TempDir
    Path dir;

    private ContractFixture fx;
    private ContractDocumentsImpl documents;

    @BeforeEach
    void open() throws Exception {
        fx = new ContractFixture();
        documents = new ContractDocumentsImpl(fx.db, fx.security, fx.contracts, fx.money, templates());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static DocumentTemplates templates() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(DocumentTemplates.class);
        if (bundle.getBundleContext() == null) {
            bundle.start();
        }
        ServiceTracker<DocumentTemplates, DocumentTemplates> tracker = new ServiceTracker<>(bundle.getBundleContext(), DocumentTemplates.class, null);
        tracker.open();
        DocumentTemplates templates = tracker.waitForService(10_000);
        assertNotNull(templates, "DocumentTemplates service");
        return templates;
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The rep's signed contract from an accepted quote, with a two-instalment plan. */
    private Contract signed() {
        Opportunity deal = fx.deal("ERP 升级", "300000", true);
        fx.acceptedQuote(deal);
        fx.as(ContractFixture.REP);
        long id = fx.contracts.createFromOpportunity(deal.getId()).getId();
        fx.contracts.submitForApproval(id);
        fx.as(ContractFixture.ADMIN);
        fx.contracts.recordApprovalDecision(id, true, "同意");
        fx.money.setPlan(id, List.of(PlannedInstalment.percent(fx.today().plusDays(30), "30"), PlannedInstalment.percent(fx.today().plusDays(90), "70")),
                null);
        return fx.contracts.sign(id, fx.today());
    }

    @Test
    void theShippedTemplatesPrintTheNumberTheAmountInFiguresAndCapitalsAndThePlan() throws Exception {
        Contract contract = signed();
        // 98,000 less 5 % plus 13 % tax, and 12 days at 2,500 plus 6 %
        assertEquals("137003.00", contract.getAmount().getAmount().setScale(2).toPlainString());

        Path zh = dir.resolve("合同.pdf");
        documents.renderPdf(contract.getId(), "zh_CN", zh);
        String chinese = text(zh);
        assertTrue(chinese.contains(contract.getNumber()), chinese);
        assertTrue(chinese.contains("137,003.00"), chinese);
        assertTrue(chinese.contains(CapitalAmounts.of(contract.getAmount())), CapitalAmounts.of(contract.getAmount()) + " in\n" + chinese);
        assertTrue(chinese.contains("付款计划") && chinese.contains("41,100.90") && chinese.contains("95,902.10"), chinese);
        assertTrue(chinese.contains(contract.getCustomer().getName()), chinese);

        Path en = dir.resolve("contract.pdf");
        documents.renderPdf(contract.getId(), "en", en);
        String english = text(en);
        assertTrue(english.contains("Sales contract " + contract.getNumber()), english);
        assertTrue(english.contains("137,003.00"), english);
    }

    @Test
    void anInstallationsTemplateIsCheckedStoredUsedAndReset() throws Exception {
        Contract contract = signed();
        ValidationException bad = assertThrows(ValidationException.class,
                () -> documents.saveTemplate("zh_CN", "# 合同 {{number}}\n\n金额：{{amount.nonsense}}\n"));
        assertTrue(bad.getMessage().contains("3"), bad.getMessage());
        assertFalse(documents.isCustomised("zh_CN"));

        documents.saveTemplate("zh_CN", "# 定制合同 {{number}}\n合计：{{amount}}（{{amount.capital}}）\n");
        assertTrue(documents.isCustomised("zh_CN"));
        assertFalse(documents.isCustomised("en"));
        Path pdf = dir.resolve("custom.pdf");
        documents.renderPdf(contract.getId(), "zh", pdf);
        String text = text(pdf);
        assertTrue(text.contains("定制合同 " + contract.getNumber()) && text.contains("137,003.00"), text);

        documents.resetTemplate("zh_CN");
        assertFalse(documents.isCustomised("zh_CN"));
        assertEquals(documents.shippedTemplate("zh_CN"), documents.template("zh_CN"));
    }
}
