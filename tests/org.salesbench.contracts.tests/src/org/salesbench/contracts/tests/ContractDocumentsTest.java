package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
import org.salesbench.audit.AuditEntry;
import org.salesbench.audit.AuditKind;
import org.salesbench.audit.internal.AuditTrailImpl;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractAttachment;
import org.salesbench.contracts.ContractDocuments;
import org.salesbench.contracts.ContractTemplate;
import org.salesbench.contracts.internal.documents.ContractTemplateSettings;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.internal.EntityContributions;
import org.salesbench.persistence.internal.SchemaMigrator;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.internal.TeamSettingsImpl;
import org.salesbench.contracts.internal.ContractAttachmentsImpl;
import org.salesbench.contracts.internal.documents.ContractDocumentsImpl;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.documents.CapitalAmounts;
import org.salesbench.documents.templates.DocumentTemplates;
import org.salesbench.opportunities.Opportunity;

/**
 * The contract PDF through the documents module's real template engine (its DS service, which finds the contract
 * placeholders through the extension registry), read back with PDFBox: number, amount in figures and in capitals, the
 * plan; named templates of this installation are checked before they are stored, chosen, made the default of their
 * language as a team setting, deleted and audited; an upgrade keeps the installation's own template as the default.
 */
class ContractDocumentsTest {

    @TempDir
    Path dir;

    private ContractFixture fx;
    private ContractDocumentsImpl documents;

    private DatabaseSettings settings;

    @BeforeEach
    void open() throws Exception {
        settings = DatabaseSettings.inMemory("contract-documents-" + UUID.randomUUID());
        fx = new ContractFixture(settings);
        documents = new ContractDocumentsImpl(fx.db, fx.security, fx.contracts, fx.money, templates());
        documents.setAttachments(new ContractAttachmentsImpl(fx.db, fx.security, (e, c, id) -> { }, Optional::empty));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    static DocumentTemplates templates() throws Exception {
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
    void namedTemplatesAreCheckedMadeCopiedRenamedUsedChosenAsDefaultDeletedAndAudited() throws Exception {
        Contract contract = signed();
        TeamSettingsImpl settings = new TeamSettingsImpl(fx.db, fx.security);
        settings.addDeclared(new ContractTemplateSettings());
        documents.setTeamSettings(settings);
        AuditTrailImpl audit = new AuditTrailImpl(fx.db, fx.security);
        try {
            // the shipped ones, one per language, each its language's default
            assertEquals(List.of("shipped-en|en|true|true", "shipped-zh_CN|zh_CN|true|true"), describe());

            // refused, each with its reason, and nothing stored: a template with a problem (its line), a bad name or language
            ValidationException bad = assertThrows(ValidationException.class,
                    () -> documents.createTemplate("框架协议", "zh_CN", "# 合同 {{number}}\n\n金额：{{amount.nonsense}}\n"));
            assertTrue(bad.getMessage().contains("3"), bad.getMessage());
            assertEquals("name", assertThrows(ValidationException.class, () -> documents.createTemplate("  ", "en", "# {{number}}")).getErrors().get(0).field());
            assertEquals("name", assertThrows(ValidationException.class, () -> documents.createTemplate("Shipped-mine", "en", "# {{number}}")).getErrors()
                    .get(0).field());
            assertEquals("lang", assertThrows(ValidationException.class, () -> documents.createTemplate("Contrat", "fr", "# {{number}}")).getErrors()
                    .get(0).field());
            // (the template right and the team settings' are the roles' on a team server: PostgresContractTest)
            assertEquals(2, documents.templates().size());
            assertEquals(0, fx.count("SB_CONTRACT_DOC_TEMPLATE"));

            ContractTemplate frame = documents.createTemplate("框架协议", "zh", "# 框架协议 {{number}}\n合计：{{amount}}（{{amount.capital}}）\n");
            ContractTemplate standard = documents.createTemplate("Standard sales contract", "en", documents.templateBody(ContractTemplate.SHIPPED_EN));
            ContractTemplate service = documents.createTemplate("Service agreement", "en", "# Service agreement {{number}}\nTotal: {{amount}}\n");
            // a name is one whatever its letter case
            ValidationException taken = assertThrows(ValidationException.class, () -> documents.createTemplate("standard SALES contract", "en", "# {{number}}"));
            assertTrue(taken.getMessage().contains("standard SALES contract"), taken.getMessage());
            assertEquals(standard.id(), documents.findTemplate("STANDARD sales contract").orElseThrow().id());
            assertEquals(List.of("shipped-en|en|true|true", "shipped-zh_CN|zh_CN|true|true", "Service agreement|en|false|false",
                    "Standard sales contract|en|false|false", "框架协议|zh_CN|false|false"), describe());

            // renamed; the shipped ones neither renamed, changed nor deleted
            documents.renameTemplate(frame.id(), "框架协议（2027 版）");
            assertThrows(ValidationException.class, () -> documents.renameTemplate(frame.id(), "Service Agreement"));
            ValidationException shipped = assertThrows(ValidationException.class, () -> documents.updateTemplate(ContractTemplate.SHIPPED_ZH, "# {{number}}"));
            assertTrue(shipped.getMessage().contains("shipped-zh_CN"), shipped.getMessage());
            assertThrows(ValidationException.class, () -> documents.deleteTemplate(ContractTemplate.SHIPPED_EN));
            assertThrows(ValidationException.class, () -> documents.updateTemplate(service.id(), "{{#lines}} unclosed"));
            documents.updateTemplate(service.id(), "# Service agreement {{number}}\nTotal: {{amount}} ({{amount.capital}})\n");

            // the Chinese default chosen as a team setting: generation in Chinese uses it
            documents.setDefaultTemplate(frame.id());
            assertEquals(Optional.of((int) frame.id()), settings.stored(ContractDocuments.DEFAULT_ZH));
            assertEquals(frame.id(), documents.defaultTemplate("zh_CN").id());
            assertTrue(documents.findTemplate(frame.id()).orElseThrow().isDefault());
            Path pdf = dir.resolve("frame.pdf");
            documents.renderPdf(contract.getId(), "zh", pdf);
            String text = text(pdf);
            assertTrue(text.contains("框架协议 " + contract.getNumber()) && text.contains("137,003.00"), text);
            // a named one chosen for one document, archived under its language
            ContractAttachment archived = documents.archivePdf(contract.getId(), service.id());
            assertEquals(contract.getNumber() + "-en.pdf", archived.getFileName());
            // another's edit, in the history under their name
            fx.as(ContractFixture.FINANCE);
            documents.updateTemplate(standard.id(), "# Standard {{number}}\n");
            fx.as(ContractFixture.ADMIN);
            assertEquals(ContractTemplate.SHIPPED_EN, documents.defaultTemplate("en").id());

            // the default deleted: the shipped one is the default again
            documents.deleteTemplate(frame.id());
            assertEquals(ContractTemplate.SHIPPED_ZH, documents.defaultTemplate("zh_CN").id());
            assertEquals(documents.shippedTemplate("zh_CN"), documents.template("zh_CN"));
            assertEquals(2, fx.count("SB_CONTRACT_DOC_TEMPLATE"));

            // each change in the templates' history, by who made it
            List<AuditEntry> history = audit.history(ContractDocuments.TEMPLATE_ENTITY, frame.id());
            assertTrue(history.stream().anyMatch(e -> e.kind() == AuditKind.CREATED && e.user().equals(ContractFixture.ADMIN)), history.toString());
            assertTrue(history.stream().anyMatch(e -> e.kind() == AuditKind.CHANGED && "框架协议（2027 版）".equals(e.newValue())), history.toString());
            assertTrue(history.stream().anyMatch(e -> e.kind() == AuditKind.DELETED), history.toString());
            assertTrue(audit.history(ContractDocuments.TEMPLATE_ENTITY, standard.id()).stream()
                    .anyMatch(e -> e.kind() == AuditKind.CHANGED && e.user().equals(ContractFixture.FINANCE)), "finance's edit audited");
        } finally {
            audit.dispose();
        }
    }

    @Test
    void anUpgradeKeepsTheInstallationsOwnTemplatesAsTheDefaults() throws Exception {
        // the database as contracts-9 left it: change set contracts-10 not run, this installation's own Chinese template
        String own = "# 本公司合同 {{number}}\n合计：{{amount}}\n";
        fx.db.write(em -> {
            em.createNativeQuery("DROP TABLE SB_CONTRACT_DOC_TEMPLATE").executeUpdate();
            em.createNativeQuery("CREATE TABLE SB_CONTRACT_TEMPLATE (LANG VARCHAR(16) NOT NULL PRIMARY KEY, BODY CLOB NOT NULL,"
                    + " UPDATED_AT TIMESTAMP NOT NULL, UPDATED_BY VARCHAR(64) NOT NULL)").executeUpdate();
            em.createNativeQuery("INSERT INTO SB_CONTRACT_TEMPLATE (LANG, BODY, UPDATED_AT, UPDATED_BY) VALUES ('zh_CN', ?1, CURRENT_TIMESTAMP, 'zhao.min')")
                    .setParameter(1, own).executeUpdate();
            em.createNativeQuery("DELETE FROM DATABASECHANGELOG WHERE ID = 'contracts-10-named-templates'").executeUpdate();
            return null;
        });
        // the contracts changelog run again: the change set it has not run yet
        try (Connection c = Database.connect(settings)) {
            SchemaMigrator.migrate(c, EntityContributions.changelogs().stream()
                    .filter(d -> d.path().equals("db/changelog/org.salesbench.contracts.xml")).toList(), "upgrade");
            c.commit();
        }
        {
            Database db = fx.db;
            ContractDocumentsImpl upgraded = new ContractDocumentsImpl(db, fx.security, fx.contracts, fx.money, templates());
            ContractTemplate kept = upgraded.defaultTemplate("zh_CN");
            assertEquals("本机合同模板", kept.name());
            assertTrue(!kept.shipped() && kept.isDefault());
            assertEquals(own, upgraded.template("zh_CN"));
            assertEquals(ContractTemplate.SHIPPED_EN, upgraded.defaultTemplate("en").id());
            assertEquals(3, upgraded.templates().size());
            assertEquals(0L, db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'SB_CONTRACT_TEMPLATE'")
                    .getSingleResult()).longValue()), "the old table dropped");
        }
    }

    /** The templates as name|lang|shipped|default. */
    private List<String> describe() {
        return documents.templates().stream().map(t -> t.name() + "|" + t.lang() + "|" + t.shipped() + "|" + t.isDefault()).toList();
    }
}
