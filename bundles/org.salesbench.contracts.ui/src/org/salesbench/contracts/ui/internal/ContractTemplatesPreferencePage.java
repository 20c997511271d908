package org.salesbench.contracts.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
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
import org.salesbench.contracts.ContractTemplate;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.documents.DocumentException;
import org.salesbench.documents.templates.DocumentTemplates;
import org.salesbench.documents.templates.Placeholder;
import org.salesbench.documents.templates.PlaceholderType;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;

/**
 * Contracts › Templates: the contract templates, the shipped ones (read-only, one per language) and this installation's
 * named ones, each of a language, the default of each language marked. New (from the shipped text of the chosen
 * language), Copy, Rename, Delete (confirmed) and Set as Default (a team setting, an administrator's); the chosen
 * template's text edited beside the placeholders the contract subject offers (double-click inserts one), checked,
 * previewed as PDF with a contract and saved. Only who holds the template right
 * ({@link ContractDocuments#mayEditTemplates()}) may change them; everyone may read and preview. The model checks and
 * stores ({@link ContractDocuments}); the folder contract files are archived in is set here too
 * ({@link ContractAttachments#setArchiveFolder}).
 */
public class ContractTemplatesPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "org.salesbench.contracts.ui.preferences.templates";

    private Text folder;
    private TableViewer list;
    private Text editor;
    private org.eclipse.swt.widgets.List placeholders;
    private Label status;
    private Button copy;
    private Button rename;
    private Button delete;
    private Button setDefault;
    private Button save;
    private boolean mayEdit;
    private ContractTemplate selected;
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
        top.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        top.setLayout(new GridLayout(2, false));
        list = Tables.create(top);
        GridData listData = new GridData(SWT.FILL, SWT.FILL, true, false);
        listData.heightHint = 120;
        list.getTable().setLayoutData(listData);
        Tables.column(list, ContractTemplate.class, Messages.Templates_name, 260, ContractTemplatesPreferencePage::label);
        Tables.column(list, ContractTemplate.class, Messages.Templates_language, 110,
                t -> "zh_CN".equals(t.lang()) ? Messages.Templates_langZh : Messages.Templates_langEn);
        Tables.column(list, ContractTemplate.class, Messages.Templates_kind, 110, t -> t.shipped() ? Messages.Templates_kindShipped : Messages.Templates_kindOwn);
        Tables.column(list, ContractTemplate.class, Messages.Templates_default, 80, t -> t.isDefault() ? "\u2713" : ""); //$NON-NLS-1$ //$NON-NLS-2$
        list.addSelectionChangedListener(e -> show((ContractTemplate) list.getStructuredSelection().getFirstElement()));
        Composite side = new Composite(top, SWT.NONE);
        side.setLayoutData(new GridData(SWT.FILL, SWT.BEGINNING, false, false));
        GridLayout sideLayout = new GridLayout(1, true);
        sideLayout.marginHeight = 0;
        side.setLayout(sideLayout);
        sideButton(side, Messages.Templates_new, this::askNew).setEnabled(mayEdit);
        copy = sideButton(side, Messages.Templates_copy, this::askCopy);
        rename = sideButton(side, Messages.Templates_rename, this::askRename);
        delete = sideButton(side, Messages.Templates_delete, () -> {
            if (selected != null && MessageDialog.openConfirm(getShell(), Messages.Templates_delete, NLS.bind(Messages.Templates_deleteConfirm, selected.name()))) {
                deleteSelected();
            }
        });
        setDefault = sideButton(side, Messages.Templates_setDefault, this::setSelectedAsDefault);

        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        GridData sashData = new GridData(SWT.FILL, SWT.FILL, true, true);
        sashData.heightHint = 300;
        sashData.widthHint = 760;
        sash.setLayoutData(sashData);
        editor = new Text(sash, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        Composite placeholderPane = new Composite(sash, SWT.NONE);
        placeholderPane.setLayout(new GridLayout(1, false));
        new Label(placeholderPane, SWT.NONE).setText(Messages.Templates_placeholders);
        placeholders = new org.eclipse.swt.widgets.List(placeholderPane, SWT.BORDER | SWT.V_SCROLL | SWT.SINGLE);
        placeholders.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        placeholders.addListener(SWT.DefaultSelection, e -> insertPlaceholder());
        sash.setWeights(68, 32);
        fillPlaceholders();

        Composite buttons = new Composite(root, SWT.NONE);
        buttons.setLayout(new RowLayout(SWT.HORIZONTAL));
        button(buttons, Messages.Templates_check, this::check);
        button(buttons, Messages.Templates_preview, () -> preview(null));
        save = button(buttons, Messages.Templates_save, this::save);
        status = new Label(root, SWT.WRAP);
        GridData statusData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        statusData.widthHint = 700;
        status.setLayoutData(statusData);
        if (!mayEdit) {
            status.setText(Messages.Templates_noRight);
        }
        refresh(documents().defaultTemplate(null).id());
        return root;
    }

    /** The name as the list shows it: the shipped ones by what they are, in the user's language. */
    static String label(ContractTemplate t) {
        if (t.shipped()) {
            return t.id() == ContractTemplate.SHIPPED_ZH ? Messages.Templates_shippedZh : Messages.Templates_shippedEn;
        }
        return t.name();
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private static Button sideButton(Composite parent, String text, Runnable action) {
        Button b = button(parent, text, action);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
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
        if (i >= 0 && mayEdit && selected != null && !selected.shipped()) {
            editor.insert(placeholderNames.get(i));
            editor.setFocus();
        }
    }

    /** Lists the templates again and selects the one of that id (else the first). */
    private void refresh(long selectId) {
        List<ContractTemplate> all = documents().templates();
        list.setInput(all);
        ContractTemplate chosen = all.stream().filter(t -> t.id() == selectId).findFirst().orElse(all.get(0));
        list.setSelection(new StructuredSelection(chosen), true);
        show(chosen);
    }

    /** Shows the template's text; an own one is edited by who holds the right, a shipped one only read. */
    private void show(ContractTemplate template) {
        if (template == null) {
            return;
        }
        selected = template;
        editor.setText(documents().templateBody(template.id()));
        boolean editable = mayEdit && !template.shipped();
        editor.setEditable(editable);
        save.setEnabled(editable);
        rename.setEnabled(editable);
        delete.setEnabled(editable);
        copy.setEnabled(mayEdit);
        setDefault.setEnabled(mayEdit && !template.isDefault());
    }

    /** Selects the template of that name (any letter case; the shipped ones as {@code shipped-en}, {@code shipped-zh_CN}). */
    public void select(String name) {
        refresh(documents().findTemplate(name).orElseThrow().id());
    }

    private void askNew() {
        TemplateNameDialog dialog = new TemplateNameDialog(getShell(), Messages.Templates_new, "", selected == null ? "en" : selected.lang());
        if (dialog.open() == Window.OK) {
            newTemplate(dialog.name(), dialog.lang());
        }
    }

    private void askCopy() {
        if (selected == null) {
            return;
        }
        TemplateNameDialog dialog = new TemplateNameDialog(getShell(), Messages.Templates_copy, NLS.bind(Messages.Templates_copyOf, label(selected)),
                selected.lang());
        if (dialog.open() == Window.OK) {
            copySelected(dialog.name(), dialog.lang());
        }
    }

    private void askRename() {
        if (selected == null) {
            return;
        }
        InputDialog dialog = new InputDialog(getShell(), Messages.Templates_rename, Messages.Templates_namePrompt, selected.name(), null);
        if (dialog.open() == Window.OK) {
            renameSelected(dialog.getValue());
        }
    }

    /** Makes a template of the language from the shipped text (the model checks the name). */
    public boolean newTemplate(String name, String lang) {
        return change(() -> documents().createTemplate(name, lang, documents().shippedTemplate(lang)), t -> NLS.bind(Messages.Templates_made, t.name()));
    }

    /** Makes a template with the selected one's text, of the language given. */
    public boolean copySelected(String name, String lang) {
        String body = documents().templateBody(selected.id());
        return change(() -> documents().createTemplate(name, lang, body), t -> NLS.bind(Messages.Templates_made, t.name()));
    }

    public boolean renameSelected(String name) {
        long id = selected.id();
        return change(() -> documents().renameTemplate(id, name), t -> NLS.bind(Messages.Templates_renamed, t.name()));
    }

    /** Makes the selected template its language's default for the whole team (a team setting). */
    public boolean setSelectedAsDefault() {
        long id = selected.id();
        return change(() -> {
            documents().setDefaultTemplate(id);
            return documents().findTemplate(id).orElseThrow();
        }, t -> NLS.bind(Messages.Templates_defaultSet, label(t), "zh_CN".equals(t.lang()) ? Messages.Templates_langZh : Messages.Templates_langEn));
    }

    /** Deletes the selected own template; a default it was falls back to the shipped one. */
    public boolean deleteSelected() {
        ContractTemplate gone = selected;
        return change(() -> {
            documents().deleteTemplate(gone.id());
            return documents().defaultTemplate(gone.lang());
        }, t -> NLS.bind(Messages.Templates_deleted, gone.name()));
    }

    /** Checks the text as the model will at save; the status line says what is wrong, with its line. */
    public boolean check() {
        List<String> problems = Services.get(DocumentTemplates.class).problems(ContractDocuments.SUBJECT, editor.getText()).stream()
                .map(p -> NLS.bind("{0}: {1}", p.line(), p.message())).toList(); //$NON-NLS-1$
        status.setText(problems.isEmpty() ? Messages.Templates_ok : String.join("\n", problems)); //$NON-NLS-1$
        status.getParent().layout(true);
        return problems.isEmpty();
    }

    /** Stores the text as the selected template's; a refusal is shown with its reasons. */
    public boolean save() {
        long id = selected.id();
        String text = editor.getText();
        return change(() -> documents().updateTemplate(id, text), t -> NLS.bind(Messages.Templates_saved, t.name()));
    }

    /** Runs a change through the model, lists the templates again with the changed one selected and says what was done. */
    private boolean change(java.util.function.Supplier<ContractTemplate> step, java.util.function.Function<ContractTemplate, String> done) {
        try {
            ContractTemplate changed = step.get();
            refresh(changed.id());
            status.setText(done.apply(changed));
            return true;
        } catch (ValidationException | AccessDeniedException e) {
            status.setText(e instanceof ValidationException v ? String.join("\n", v.getErrors().stream().map(f -> f.message()).toList()) : e.getMessage()); //$NON-NLS-1$
            return false;
        } finally {
            status.getParent().layout(true);
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
                Path out = target != null ? target : Files.createTempDirectory("salesbench-template-").resolve(newest.get(0).getNumber() + ".pdf"); //$NON-NLS-1$ //$NON-NLS-2$
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

    /** The names as listed, in order. */
    public List<String> listedNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.getTable().getItemCount(); i++) {
            names.add(list.getTable().getItem(i).getText(0));
        }
        return names;
    }

    public ContractTemplate selected() {
        return selected;
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

    boolean setDefaultEnabled() {
        return setDefault.isEnabled();
    }

    boolean editorEditable() {
        return editor.getEditable();
    }

    void setFolderText(String text) {
        folder.setText(text);
    }

    void setOpener(Consumer<Path> opener) {
        this.opener = opener;
    }
}
