package org.salesbench.contracts.ui.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.ListDialog;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.audit.AuditKind;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractAttachment;
import org.salesbench.contracts.ContractAttachments;
import org.salesbench.contracts.ContractDocuments;
import org.salesbench.contracts.ContractTemplate;
import org.salesbench.contracts.ContractService;
import org.salesbench.core.settings.TeamSettings;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;

/**
 * The contract editor's Documents page and the Contract Templates preference page on the real workbench: a signed scan
 * added and a contract PDF generated, both listed, opened byte for byte and removed (in the audit trail); archived in a
 * folder, a file missing from it is reported naming it; a template edited beside its placeholders, a mistake named by
 * its line, a named Chinese template made, previewed as PDF with the 大写金额 and saved, copied as an English one, renamed,
 * made the English default, used to generate, and deleted.
 */
class ContractDocumentsUiTest {

    private IWorkbenchPage page;
    private String unique;
    private final List<String> errors = new ArrayList<>();
    private final List<Path> opened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        Services.get(ContractAttachments.class).setArchiveFolder(Optional.empty());
    }

    private void settle() {
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.processEvents();
    }

    /** A signed contract of 1,000,000.05 (a tricky amount in capitals) for a new customer. */
    private Contract signedContract(String customerName) {
        Contract contract = ApprovedContracts.approved(customerName, "文档商机" + unique, "1000000.05");
        ContractService service = Services.get(ContractService.class);
        return service.sign(contract.getId(), LocalDate.now(Clocks.system()));
    }

    private DocumentsPage documentsPage(Contract contract) throws Exception {
        ContractEditor editor = ContractEditor.open(page, contract.getId(), contract.getNumber());
        editor.setActivePage(DocumentsPage.ID);
        DocumentsPage documents = (DocumentsPage) editor.findPage(DocumentsPage.ID);
        documents.setErrorReporter(errors::add);
        documents.setOpener(opened::add);
        settle();
        return documents;
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aScanIsAddedAPdfGeneratedBothOpenedAndRemovedAndAMissingFileIsReported() throws Exception {
        Contract contract = signedContract("文档客户" + unique);
        DocumentsPage documents = documentsPage(contract);
        assertTrue(documents.statusText().contains(Messages.Documents_whereDatabase), documents.statusText());

        Path scan = Files.createTempDirectory("scan").resolve("签字页-" + unique + ".pdf");
        byte[] scanBytes = ("%PDF-1.4 signed " + unique).getBytes(StandardCharsets.UTF_8);
        Files.write(scan, scanBytes);
        documents.add(scan).join();
        documents.generate("zh_CN").join();
        settle();
        UiTesting.waitUntil("both files listed", () -> documents.shownFiles().size() == 2);
        assertEquals(List.of(), errors);
        ContractAttachment attached = documents.shownFiles().get(0);
        ContractAttachment generated = documents.shownFiles().get(1);
        assertEquals(ContractAttachments.KIND_ATTACHMENT, attached.getKind());
        assertEquals(scan.getFileName().toString(), attached.getFileName());
        assertEquals(ContractAttachments.KIND_DOCUMENT, generated.getKind());
        assertEquals(contract.getNumber() + "-zh_CN.pdf", generated.getFileName());
        assertEquals(org.eclipse.osgi.util.NLS.bind(Messages.Documents_count, new Object[] { 1, 1, Messages.Documents_whereDatabase }),
                documents.statusText());

        UiTesting.screenshot("contract-documents");

        // Open: a copy with the same bytes goes to the viewer; the generated PDF is the contract in Chinese
        documents.open(attached.getId()).join();
        documents.open(generated.getId()).join();
        settle();
        assertEquals(2, opened.size(), opened.toString());
        assertArrayEquals(scanBytes, Files.readAllBytes(opened.get(0)));
        String text = pdfText(opened.get(1));
        assertTrue(text.contains(contract.getNumber()) && text.contains("壹佰万元零伍分"), text);

        // Remove: gone from the page, in the audit trail
        documents.remove(attached.getId()).join();
        settle();
        UiTesting.waitUntil("the scan removed", () -> documents.shownFiles().size() == 1);
        assertTrue(Services.get(org.salesbench.audit.AuditTrail.class).history(ContractAttachments.AUDIT_ENTITY, attached.getId()).stream()
                .anyMatch(e -> e.kind() == AuditKind.DELETED), "the removal is audited");

        // archived in a folder: the file is there, not in the database; once gone, Open says which file is missing
        Path folder = Files.createTempDirectory("contract-archive");
        Services.get(ContractAttachments.class).setArchiveFolder(Optional.of(folder));
        documents.add(scan).join();
        settle();
        UiTesting.waitUntil("the archived scan listed", () -> documents.shownFiles().size() == 2);
        ContractAttachment inFolder = documents.shownFiles().get(1);
        assertTrue(inFolder.isInFolder());
        assertTrue(documents.statusText().contains(folder.toString()), documents.statusText());
        Path file = folder.resolve(inFolder.getStoredPath());
        assertArrayEquals(scanBytes, Files.readAllBytes(file));
        Files.delete(file);
        documents.open(inFolder.getId()).join();
        settle();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains(scan.getFileName().toString()) && errors.get(0).contains(file.toString()), errors.get(0));
        assertEquals(2, opened.size(), "nothing opened for the missing file");
    }

    @Test
    void theTemplatesPageKeepsNamedTemplatesAndGenerateUsesTheChosenOne() throws Exception {
        Contract contract = signedContract("模板客户" + unique);
        ContractDocuments model = Services.get(ContractDocuments.class);
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(page.getWorkbenchWindow().getShell(), ContractTemplatesPreferencePage.ID,
                new String[] { ContractTemplatesPreferencePage.ID }, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        List<Long> made = new ArrayList<>();
        try {
            ContractTemplatesPreferencePage templates = (ContractTemplatesPreferencePage) dialog.getSelectedPage();
            settle();
            assertTrue(templates.placeholderNames().containsAll(List.of("{{number}}", "{{customer.name}}", "{{amount.capital}}", "{{#lines}}")),
                    templates.placeholderNames().toString());
            // the shipped ones are listed, read-only
            assertTrue(templates.listedNames().containsAll(List.of(Messages.Templates_shippedEn, Messages.Templates_shippedZh)), templates.listedNames().toString());
            templates.select("shipped-zh_CN");
            assertEquals(model.shippedTemplate("zh_CN"), templates.editorText());
            assertFalse(templates.deleteEnabled(), "the shipped template is not deleted");
            assertFalse(templates.saveEnabled() || templates.editorEditable(), "nor changed");

            // New: a named Chinese template, from the shipped text
            String frameName = "框架协议 " + unique;
            assertTrue(templates.newTemplate(frameName, "zh_CN"), templates.statusText());
            made.add(templates.selected().id());
            assertEquals(frameName, templates.selected().name());
            assertTrue(templates.listedNames().contains(frameName), templates.listedNames().toString());
            assertTrue(templates.editorEditable() && templates.deleteEnabled());
            UiTesting.screenshot("contract-templates");
            // a second of the same name, whatever the case, is refused with the reason
            assertFalse(templates.newTemplate(frameName.toUpperCase(java.util.Locale.ROOT), "zh_CN"));
            assertTrue(templates.statusText().contains(frameName.toUpperCase(java.util.Locale.ROOT)), templates.statusText());
            templates.select(frameName);

            // a mistake is named with its line, and not saved
            templates.setEditorText("# 合同 {{number}}\n金额：{{amout}}\n");
            assertFalse(templates.check());
            assertTrue(templates.statusText().contains("2") && templates.statusText().contains("amout"), templates.statusText());
            assertFalse(templates.save());
            assertEquals(model.shippedTemplate("zh_CN"), model.templateBody(made.get(0)));

            // its own text, previewed with a contract, saved
            String own = "# 框架协议 " + unique + " {{number}}\n甲方：{{customer.name}}\n合计：{{amount}}（大写：{{amount.capital}}）\n";
            templates.setEditorText(own);
            assertTrue(templates.check(), templates.statusText());
            Path preview = Files.createTempDirectory("template-preview").resolve("preview.pdf");
            templates.preview(preview).join();
            settle();
            String text = pdfText(preview);
            assertTrue(text.contains("框架协议 " + unique) && text.contains("大写：") && text.contains("元"), text);
            assertTrue(templates.save(), templates.statusText());
            assertEquals(own, model.templateBody(made.get(0)));

            // Copy as an English one, Rename it, make it the English default (a team setting)
            assertTrue(templates.copySelected("Service agreement " + unique, "en"), templates.statusText());
            made.add(templates.selected().id());
            assertEquals("en", templates.selected().lang());
            assertTrue(templates.renameSelected("Service agreement 2027 " + unique), templates.statusText());
            assertEquals("Service agreement 2027 " + unique, model.findTemplate(made.get(1)).orElseThrow().name());
            assertTrue(templates.setDefaultEnabled());
            assertTrue(templates.setSelectedAsDefault(), templates.statusText());
            assertEquals(made.get(1), model.defaultTemplate("en").id());
            assertFalse(templates.setDefaultEnabled(), "already the default");

            // Generate PDF with the chosen template: archived under its language
            DocumentsPage documents = documentsPage(contract);
            documents.generate(made.get(0)).join();
            settle();
            UiTesting.waitUntil("the generated PDF listed", () -> documents.shownFiles().size() == 1);
            assertEquals(List.of(), errors);
            assertEquals(contract.getNumber() + "-zh_CN.pdf", documents.shownFiles().get(0).getFileName());
            assertTrue(DocumentsPage.templateLabel(model.defaultTemplate("en")).contains("Service agreement 2027 " + unique));

            // Delete: the English default falls back to the shipped one
            assertTrue(templates.deleteSelected(), templates.statusText());
            assertEquals(ContractTemplate.SHIPPED_EN, model.defaultTemplate("en").id());
            made.remove(1);
        } finally {
            dialog.close();
            Services.get(org.salesbench.core.settings.TeamSettings.class).reset(ContractDocuments.DEFAULT_EN);
            made.forEach(model::deleteTemplate);
        }
    }

    /**
     * Generate PDF's choice of template names each template once with its language (a shipped one not "(English) —
     * English"), is as wide as its longest line, and offers the user's default first; Preferences › Team settings shows
     * each language's default template by name in a combo as wide as its longest name, and choosing one there sets it.
     */
    @Test
    void theTemplateChoiceAndTheTeamSettingsNameTheTemplates() {
        ContractDocuments model = Services.get(ContractDocuments.class);
        TeamSettings settings = Services.get(TeamSettings.class);
        String longName = "Framework agreement for the supply and maintenance of equipment, three years " + unique;
        long made = model.createTemplate(longName, "en", model.shippedTemplate("en")).id();
        Shell shell = page.getWorkbenchWindow().getShell();
        ListDialog chooser = DocumentsPage.templateChooser(shell);
        chooser.setBlockOnOpen(false);
        chooser.open();
        PreferenceDialog dialog = null;
        try {
            UiTesting.processEvents();
            Table table = chooser.getTableViewer().getTable();
            List<String> lines = java.util.Arrays.stream(table.getItems()).map(TableItem::getText).toList();
            assertEquals(model.templates().size(), lines.size(), lines.toString());
            for (String line : lines) {
                int languages = count(line, Messages.Templates_langEn) + count(line, Messages.Templates_langZh);
                assertEquals(1, languages, "the language once: " + line);
            }
            assertTrue(lines.contains(NLS.bind(Messages.Documents_template, Messages.Documents_shippedTemplate, Messages.Templates_langZh))
                    || lines.contains(NLS.bind(Messages.Documents_templateDefault, Messages.Documents_shippedTemplate, Messages.Templates_langZh)), lines.toString());
            String longLine = lines.stream().filter(l -> l.contains(longName)).findFirst().orElseThrow();
            assertTrue(table.getClientArea().width >= textWidth(table, longLine), "the longest line fits: " + table.getClientArea().width + " < "
                    + textWidth(table, longLine));
            assertEquals(DocumentsPage.templateLabel(model.defaultTemplate(null)), table.getSelection()[0].getText(), "the user's default chosen first");
            UiTesting.screenshot("contract-template-choice");
            chooser.close();

            // Team settings: each language's default by name (the service first, with what DS bound if it has no names)
            TeamSettings.Setting englishDefault = settings.settings().stream().filter(x -> x.name().equals(ContractDocuments.DEFAULT_EN)).findFirst().orElseThrow();
            assertTrue(settings.choices(englishDefault).containsValue(longName), () -> "the English default's choices " + settings.choices(englishDefault)
                    + "; " + components());
            dialog = PreferencesUtil.createPreferenceDialogOn(shell, TEAM_SETTINGS, new String[] { TEAM_SETTINGS }, null);
            dialog.setBlockOnOpen(false);
            dialog.open();
            UiTesting.processEvents();
            IPreferencePage teamPage = (IPreferencePage) dialog.getSelectedPage();
            Control body = teamPage.getControl();
            String english = settings.settings().stream().filter(x -> x.name().equals(ContractDocuments.DEFAULT_EN)).findFirst().orElseThrow().description();
            Combo combo = comboBeside((Composite) body, english);
            assertTrue(combo != null, () -> "no drop-down beside \"" + english + "\" on " + teamPage.getClass().getName() + ": " + tree(body));
            List<String> names = List.of(combo.getItems());
            assertTrue(names.contains(longName), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.matches("-?\\d+")), "no template shown as its id: " + names);
            assertTrue(combo.getSize().x >= textWidth(combo, longName), "the combo fits the longest name: " + combo.getSize().x);
            UiTesting.screenshot("team-settings-templates");
            combo.select(names.indexOf(longName));
            assertTrue(teamPage.performOk());
            assertEquals(Optional.of((int) made), settings.stored(ContractDocuments.DEFAULT_EN));
            assertEquals(made, model.defaultTemplate("en").id());
        } finally {
            chooser.close();
            if (dialog != null) {
                dialog.close();
            }
            settings.reset(ContractDocuments.DEFAULT_EN);
            model.deleteTemplate(made);
        }
    }

    /** The widgets under {@code control}, each with its text where it has one (for a failure's message). */
    private static String tree(Control control) {
        String text = control instanceof Label l ? "\"" + l.getText() + "\"" : control instanceof Combo c ? java.util.Arrays.toString(c.getItems()) : "";
        StringBuilder out = new StringBuilder(control.getClass().getSimpleName()).append(text);
        if (control instanceof Composite c && !(control instanceof Combo)) {
            out.append('[');
            for (Control child : c.getChildren()) {
                out.append(tree(child)).append(' ');
            }
            out.append(']');
        }
        return out.toString();
    }

    /** What DS made of the components that name the templates in the team settings (for a failure's message). */
    private static String components() {
        org.osgi.framework.BundleContext context = org.osgi.framework.FrameworkUtil.getBundle(ContractDocumentsUiTest.class).getBundleContext();
        org.osgi.framework.ServiceReference<org.osgi.service.component.runtime.ServiceComponentRuntime> ref = context
                .getServiceReference(org.osgi.service.component.runtime.ServiceComponentRuntime.class);
        org.osgi.service.component.runtime.ServiceComponentRuntime scr = context.getService(ref);
        StringBuilder out = new StringBuilder();
        for (org.osgi.service.component.runtime.dto.ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (d.name.endsWith("ContractTemplateSettings") || d.name.endsWith("ContractDocumentsImpl") || d.name.endsWith("TeamSettingsImpl")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                out.append(d.name).append(" enabled ").append(scr.isComponentEnabled(d)).append(':'); //$NON-NLS-1$
                for (org.osgi.service.component.runtime.dto.ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    out.append(" state ").append(c.state).append(" bound "); //$NON-NLS-1$ //$NON-NLS-2$
                    for (org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO r : c.satisfiedReferences) {
                        out.append(r.name).append('=').append(r.boundServices.length).append(' ');
                    }
                    for (org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) {
                        out.append(r.name).append("=unsatisfied "); //$NON-NLS-1$
                    }
                }
                out.append("; "); //$NON-NLS-1$
            }
        }
        return out.toString();
    }

    /** The workbench's Team settings page (the users module's). */
    private static final String TEAM_SETTINGS = "org.salesbench.users.ui.preferences.team"; //$NON-NLS-1$

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static int textWidth(Control control, String text) {
        GC gc = new GC(control);
        try {
            return gc.textExtent(text).x;
        } finally {
            gc.dispose();
        }
    }

    /** The combo right after the label of {@code text}, anywhere under {@code parent}. */
    private static Combo comboBeside(Composite parent, String text) {
        Control[] children = parent.getChildren();
        for (int i = 0; i < children.length; i++) {
            if (children[i] instanceof Label l && text.equals(l.getText()) && i + 1 < children.length && children[i + 1] instanceof Combo c) {
                return c;
            }
            if (children[i] instanceof Composite c) {
                Combo found = comboBeside(c, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
