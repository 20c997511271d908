package org.salesbench.contracts.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractAttachments;
import org.salesbench.contracts.ContractDocuments;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.ContractService;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.documents.DocumentException;
import org.salesbench.documents.templates.DocumentTemplates;
import org.salesbench.documents.templates.Placeholder;
import org.salesbench.documents.templates.PlaceholderType;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;

/**
 * Contracts › Templates: the contract document's template per language, the shipped one or this installation's own,
 * edited as text beside the placeholders the contract subject offers (double-click inserts one), checked, previewed as
 * PDF with a contract, saved, or deleted (back to the shipped one). Only who holds the template right
 * ({@link ContractDocuments#mayEditTemplates()}) may save or delete; everyone may read and preview. The model checks
 * and stores ({@link ContractDocuments}); the folder contract files are archived in is set here too
 * ({@link ContractAttachments#setArchiveFolder}).
 */
public class ContractTemplatesPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "org.salesbench.contracts.ui.preferences.templates";

    private static final String[] LANGS = { "en", "zh_CN" };

    private Text folder;
    private Combo language;
    private Label source;
    private Text editor;
    private org.eclipse.swt.widgets.List placeholders;
    private Label status;
    private Button save;
    private Button delete;
    private boolean mayEdit;
    private String lang = LANGS[0];
    private final List<String> placeholderNames = new ArrayList<>();
    private Consumer<Path> opener = path -> Program.launch(path.toString());

    public ContractTemplatesPreferencePage() {
        setDescription(Messages.Templates_description);
    }

    @Override
    public void init(IWorkbench workbench) {
        noDefaultAndApplyButton();
    }

    private static ContractDocuments documents() {
        return Services.get(ContractDocuments.class);
    }

    @Override
    protected Control createContents(Composite parent) {
        mayEdit = documents().mayEditTemplates();
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));

        Composite folderRow = new Composite(root, SWT.NONE);
        folderRow.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        folderRow.setLayout(new GridLayout(3, false));
        new Label(folderRow, SWT.NONE).setText(Messages.Templates_archiveFolder);
        folder = new Text(folderRow, SWT.BORDER);
        folder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        folder.setText(Services.get(ContractAttachments.class).archiveFolder().map(Path::toString).orElse(""));
        Button browse = new Button(folderRow, SWT.PUSH);
        browse.setText(Messages.Templates_browse);
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog dialog = new DirectoryDialog(getShell());
            dialog.setFilterPath(folder.getText());
            Optional.ofNullable(dialog.open()).ifPresent(folder::setText);
        });

        Composite top = new Composite(root, SWT.NONE);
        top.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        top.setLayout(new GridLayout(3, false));
        new Label(top, SWT.NONE).setText(Messages.Templates_language);
        language = new Combo(top, SWT.READ_ONLY);
        language.setItems(Messages.Templates_langEn, Messages.Templates_langZh);
        language.select(0);
        language.addListener(SWT.Selection, e -> selectLanguage(LANGS[language.getSelectionIndex()]));
        source = new Label(top, SWT.NONE);
        source.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        GridData sashData = new GridData(SWT.FILL, SWT.FILL, true, true);
        sashData.heightHint = 380;
        sashData.widthHint = 760;
        sash.setLayoutData(sashData);
        editor = new Text(sash, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        editor.setEditable(mayEdit);
        Composite side = new Composite(sash, SWT.NONE);
        side.setLayout(new GridLayout(1, false));
        new Label(side, SWT.NONE).setText(Messages.Templates_placeholders);
        placeholders = new org.eclipse.swt.widgets.List(side, SWT.BORDER | SWT.V_SCROLL | SWT.SINGLE);
        placeholders.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        placeholders.addListener(SWT.DefaultSelection, e -> insertPlaceholder());
        sash.setWeights(68, 32);
        fillPlaceholders();

        Composite buttons = new Composite(root, SWT.NONE);
        buttons.setLayout(new RowLayout(SWT.HORIZONTAL));
        button(buttons, Messages.Templates_copyShipped, this::copyShipped).setEnabled(mayEdit);
        button(buttons, Messages.Templates_check, this::check);
        button(buttons, Messages.Templates_preview, () -> preview(null));
        save = button(buttons, Messages.Templates_save, this::save);
        delete = button(buttons, Messages.Templates_delete, () -> {
            if (MessageDialog.openConfirm(getShell(), Messages.Templates_delete, NLS.bind(Messages.Templates_deleteConfirm, languageName()))) {
                delete();
            }
        });
        status = new Label(root, SWT.WRAP);
        GridData statusData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        statusData.widthHint = 700;
        status.setLayoutData(statusData);
        if (!mayEdit) {
            status.setText(Messages.Templates_noRight);
        }
        selectLanguage(lang);
        return root;
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    /** The contract subject's placeholders, sections with their columns, as one writes them in the template. */
    private void fillPlaceholders() {
        placeholderNames.clear();
        for (Placeholder p : Services.get(DocumentTemplates.class).placeholders(ContractDocuments.SUBJECT)) {
            if (p.type() == PlaceholderType.SECTION) {
                add("{{#" + p.name() + "}}", p.label());
                for (Placeholder column : p.columns()) {
                    add("  {{" + column.name() + "}}", column.label());
                }
                add("{{/" + p.name() + "}}", "");
            } else {
                add("{{" + p.name() + "}}", p.label());
                if (p.type() == PlaceholderType.MONEY) {
                    add("{{" + p.name() + Placeholder.CAPITAL_SUFFIX + "}}", NLS.bind(Messages.Templates_capital, p.label()));
                }
            }
        }
    }

    private void add(String name, String label) {
        placeholderNames.add(name.strip());
        placeholders.add(label.isEmpty() ? name : name + "  " + label);
    }

    private void insertPlaceholder() {
        int i = placeholders.getSelectionIndex();
        if (i >= 0 && mayEdit) {
            editor.insert(placeholderNames.get(i));
            editor.setFocus();
        }
    }

    /** Shows the template in use for the language. */
    public void selectLanguage(String newLang) {
        lang = newLang;
        language.select("zh_CN".equals(newLang) ? 1 : 0);
        editor.setText(documents().template(newLang));
        updateSource();
    }

    private void updateSource() {
        boolean own = documents().isCustomised(lang);
        source.setText(own ? Messages.Templates_own : Messages.Templates_shipped);
        source.getParent().layout(true);
        save.setEnabled(mayEdit);
        delete.setEnabled(mayEdit && own);
    }

    private String languageName() {
        return "zh_CN".equals(lang) ? Messages.Templates_langZh : Messages.Templates_langEn;
    }

    /** Starts a new template of this installation's from a copy of the shipped one (saved only by Save). */
    public void copyShipped() {
        editor.setText(documents().shippedTemplate(lang));
    }

    /** Checks the text as the model will at save; the status line says what is wrong, with its line. */
    public boolean check() {
        List<String> problems = Services.get(DocumentTemplates.class).problems(ContractDocuments.SUBJECT, editor.getText()).stream()
                .map(p -> NLS.bind("{0}: {1}", p.line(), p.message())).toList();
        status.setText(problems.isEmpty() ? Messages.Templates_ok : String.join("\n", problems));
        status.getParent().layout(true);
        return problems.isEmpty();
    }

    /** Stores the text as this installation's template for the language; a refusal is shown with its reasons. */
    public boolean save() {
        try {
            documents().saveTemplate(lang, editor.getText());
            status.setText(NLS.bind(Messages.Templates_saved, languageName()));
            updateSource();
            return true;
        } catch (ValidationException | org.salesbench.core.security.AccessDeniedException e) {
            status.setText(e instanceof ValidationException v ? String.join("\n", v.getErrors().stream().map(f -> f.message()).toList()) : e.getMessage());
            return false;
        } finally {
            status.getParent().layout(true);
        }
    }

    /** Deletes this installation's template for the language: the shipped one is used again. */
    public boolean delete() {
        try {
            documents().resetTemplate(lang);
            status.setText(NLS.bind(Messages.Templates_deleted, languageName()));
            selectLanguage(lang);
            return true;
        } catch (org.salesbench.core.security.AccessDeniedException e) {
            status.setText(e.getMessage());
            return false;
        }
    }

    /**
     * Renders the text as it stands with the newest contract the user reads, to {@code target} (null: a temporary file
     * opened with the system's viewer).
     */
    public Job preview(Path target) {
        String template = editor.getText();
        return Jobs.load(editor, Messages.Templates_preview, () -> {
            List<Contract> newest = Services.get(ContractService.class).list(ContractFilter.all(), 0, 1);
            if (newest.isEmpty()) {
                throw new IllegalStateException(Messages.Templates_noContract);
            }
            try {
                Path out = target != null ? target : Files.createTempDirectory("salesbench-template-").resolve(newest.get(0).getNumber() + ".pdf");
                documents().previewPdf(newest.get(0).getId(), template, out);
                return out;
            } catch (DocumentException | java.io.IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, out -> {
            status.setText(NLS.bind(Messages.Templates_previewed, out));
            status.getParent().layout(true);
            if (target == null) {
                opener.accept(out);
            }
        }, e -> {
            status.setText(Jobs.message(e));
            status.getParent().layout(true);
        });
    }

    @Override
    public boolean performOk() {
        String chosen = folder.getText().strip();
        try {
            Services.get(ContractAttachments.class).setArchiveFolder(chosen.isEmpty() ? Optional.empty() : Optional.of(Path.of(chosen)));
            return true;
        } catch (ValidationException e) {
            setErrorMessage(e.getErrors().get(0).message());
            return false;
        }
    }

    public String editorText() {
        return editor.getText();
    }

    public void setEditorText(String text) {
        editor.setText(text);
    }

    public String statusText() {
        return status.getText();
    }

    public String sourceText() {
        return source.getText();
    }

    public List<String> placeholderNames() {
        return List.copyOf(placeholderNames);
    }

    boolean saveEnabled() {
        return save.isEnabled();
    }

    boolean deleteEnabled() {
        return delete.isEnabled();
    }

    void setFolderText(String text) {
        folder.setText(text);
    }

    void setOpener(Consumer<Path> opener) {
        this.opener = opener;
    }
}
