package org.salesbench.contracts.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.dialogs.ListDialog;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractAttachment;
import org.salesbench.contracts.ContractAttachments;
import org.salesbench.contracts.ContractDocuments;
import org.salesbench.contracts.ContractTemplate;
import org.salesbench.core.io.AtomicFiles;
import org.salesbench.documents.DocumentException;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.TablePages;
import org.salesbench.ui.forms.Tables;

/**
 * The contract's documents: the contract PDFs generated from the template and the attachments (signed scans), where
 * they are archived (the database or the configured folder) and their checksums. Add (a file chooser), Generate PDF (with
 * the template chosen, the default of the user's language offered first), Open (a copy in a temporary folder, with the system's viewer), Save As…, Remove (confirmed;
 * the audit trail records it). Every rule is the model's ({@link ContractAttachments}); a refusal, a missing or changed
 * file included, is shown with its reason.
 */
public class DocumentsPage extends ContractRecordsPage {

    public static final String ID = "org.salesbench.contracts.ui.editor.documents";

    private Label status;
    private TableViewer viewer;
    private Button add;
    private Button generate;
    private Button open;
    private Button saveAs;
    private Button remove;
    private Consumer<Path> opener = path -> Program.launch(path.toString());

    public DocumentsPage(ContractEditor editor) {
        super(editor, ID, Messages.Page_documents);
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        FormToolkit toolkit = managedForm.getToolkit();
        Composite body = TablePages.body(managedForm, getTitle());
        status = TablePages.statusLine(managedForm, body);
        Composite buttons = TablePages.buttonRow(managedForm, body);
        add = toolkit.createButton(buttons, Messages.Documents_add, SWT.PUSH);
        add.addListener(SWT.Selection, e -> chooseFile().ifPresent(this::add));
        generate = toolkit.createButton(buttons, Messages.Documents_generate, SWT.PUSH);
        generate.addListener(SWT.Selection, e -> chooseTemplate().ifPresent(t -> generate(t.id())));
        open = toolkit.createButton(buttons, Messages.Documents_open, SWT.PUSH);
        open.addListener(SWT.Selection, e -> selected().ifPresent(a -> open(a.getId())));
        saveAs = toolkit.createButton(buttons, Messages.Documents_saveAs, SWT.PUSH);
        saveAs.addListener(SWT.Selection, e -> selected().ifPresent(a -> chooseTarget(a).ifPresent(t -> saveAs(a.getId(), t))));
        remove = toolkit.createButton(buttons, Messages.Documents_remove, SWT.PUSH);
        remove.addListener(SWT.Selection, e -> selected().ifPresent(a -> {
            if (MessageDialog.openConfirm(getSite().getShell(), Messages.Documents_remove, NLS.bind(Messages.Documents_removeConfirm, a.getFileName()))) {
                remove(a.getId());
            }
        }));
        viewer = TablePages.table(body);
        Tables.column(viewer, ContractAttachment.class, Messages.Documents_kind, 110, Labels::kind);
        Tables.column(viewer, ContractAttachment.class, Messages.Documents_fileName, 260, a -> a.getFileName());
        Tables.column(viewer, ContractAttachment.class, Messages.Documents_size, 90, a -> Labels.size(a.getSize()));
        Tables.column(viewer, ContractAttachment.class, Messages.Documents_archived, 120,
                a -> a.isInFolder() ? Messages.Documents_inFolder : Messages.Documents_inDatabase);
        Tables.column(viewer, ContractAttachment.class, Messages.Documents_added, 140, a -> Formats.dateTime(a.getCreatedAt()));
        Tables.column(viewer, ContractAttachment.class, Messages.Documents_by, 90, a -> Formats.text(a.getCreatedBy()));
        Tables.column(viewer, ContractAttachment.class, Messages.Documents_checksum, 130,
                a -> a.getChecksum() == null ? "" : a.getChecksum().substring(0, 16) + "\u2026");
        viewer.addSelectionChangedListener(e -> updateButtons());
        viewer.addDoubleClickListener(e -> selected().ifPresent(a -> open(a.getId())));
        reload(editor.contract());
    }

    @Override
    public void reload(Contract contract) {
        if (viewer == null || viewer.getTable().isDisposed()) {
            return;
        }
        long id = contract.getId();
        record Loaded(List<ContractAttachment> files, Optional<Path> folder) {
        }
        Jobs.load(viewer.getTable(), Messages.Job_loadDocuments, () -> {
            ContractAttachments service = Services.get(ContractAttachments.class);
            return new Loaded(service.list(id), service.archiveFolder());
        }, loaded -> {
            viewer.setInput(loaded.files());
            long documents = loaded.files().stream().filter(a -> ContractAttachments.KIND_DOCUMENT.equals(a.getKind())).count();
            status.setText(NLS.bind(Messages.Documents_count, new Object[] { documents, loaded.files().size() - documents,
                    loaded.folder().map(f -> NLS.bind(Messages.Documents_whereFolder, f)).orElse(Messages.Documents_whereDatabase) }));
            status.getParent().layout(true);
            updateButtons();
        }, e -> status.setText(Jobs.message(e)));
    }

    private Optional<ContractAttachment> selected() {
        return viewer.getStructuredSelection().getFirstElement() instanceof ContractAttachment a ? Optional.of(a) : Optional.empty();
    }

    private void updateButtons() {
        boolean one = selected().isPresent();
        open.setEnabled(one);
        saveAs.setEnabled(one);
        remove.setEnabled(one);
    }

    private Optional<Path> chooseFile() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
        dialog.setText(Messages.Documents_add);
        return Optional.ofNullable(dialog.open()).map(Path::of);
    }

    private Optional<Path> chooseTarget(ContractAttachment attachment) {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setText(Messages.Documents_saveAs);
        dialog.setFileName(attachment.getFileName());
        dialog.setOverwrite(true);
        return Optional.ofNullable(dialog.open()).map(Path::of);
    }

    /** Attaches the file (read in the job; the model refuses one too large or empty, naming it). */
    public Job add(Path file) {
        long id = editor.contract().getId();
        return step(Messages.Documents_add, () -> {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalStateException(NLS.bind(Messages.Documents_cannotRead, file, e.getMessage()), e);
            }
            String type;
            try {
                type = Files.probeContentType(file);
            } catch (IOException e) {
                type = null;
            }
            return Services.get(ContractAttachments.class).attach(id, file.getFileName().toString(), type, bytes);
        });
    }

    /** Generates the contract PDF with the default template of the language ({@code null}: the user's) and archives it with the contract. */
    public Job generate(String lang) {
        return generate(Services.get(ContractDocuments.class).defaultTemplate(lang).id());
    }

    /** Generates the contract PDF with the template of that id and archives it with the contract. */
    public Job generate(long templateId) {
        long id = editor.contract().getId();
        return step(Messages.Documents_generate, () -> {
            try {
                return Services.get(ContractDocuments.class).archivePdf(id, templateId);
            } catch (DocumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** Asks which template to generate with: every template, the default of the user's language chosen to begin with. */
    private Optional<ContractTemplate> chooseTemplate() {
        ListDialog dialog = templateChooser(getSite().getShell());
        if (dialog.open() != Window.OK || dialog.getResult() == null || dialog.getResult().length == 0) {
            return Optional.empty();
        }
        return Optional.of((ContractTemplate) dialog.getResult()[0]);
    }

    /**
     * The choice of template, not yet open: each template once as its name and language, the default of the user's
     * language selected, the dialog as wide as its longest line (within the screen).
     */
    static ListDialog templateChooser(Shell parent) {
        ContractDocuments documents = Services.get(ContractDocuments.class);
        List<ContractTemplate> all = documents.templates();
        ListDialog dialog = new ListDialog(parent) {
            @Override
            protected Point getInitialSize() {
                Point size = super.getInitialSize();
                Table table = getTableViewer().getTable();
                GC gc = new GC(table);
                int widest = 0;
                try {
                    for (TableItem item : table.getItems()) {
                        widest = Math.max(widest, gc.textExtent(item.getText()).x);
                    }
                } finally {
                    gc.dispose();
                }
                // the list's lines, its border, a scroll bar and the dialog's margins beside it
                int wanted = widest + table.getBorderWidth() * 2 + table.getVerticalBar().getSize().x
                        + convertHorizontalDLUsToPixels(IDialogConstants.HORIZONTAL_MARGIN) * 2 + convertWidthInCharsToPixels(4);
                int screen = getShell().getDisplay().getClientArea().width * 9 / 10;
                return new Point(Math.max(size.x, Math.min(wanted, screen)), size.y);
            }
        };
        dialog.setTitle(Messages.Documents_generate);
        dialog.setMessage(Messages.Documents_chooseTemplate);
        dialog.setContentProvider(ArrayContentProvider.getInstance());
        dialog.setLabelProvider(LabelProvider.createTextProvider(o -> templateLabel((ContractTemplate) o)));
        dialog.setInput(all);
        dialog.setHeightInChars(Math.min(Math.max(all.size(), 4), 15));
        long preferred = documents.defaultTemplate(null).id();
        all.stream().filter(t -> t.id() == preferred).findFirst().ifPresent(t -> dialog.setInitialSelections(t));
        return dialog;
    }

    /** A template as the choice lists it: its name (a shipped one's without its language), its language, and whether it is its language's default. */
    static String templateLabel(ContractTemplate t) {
        String lang = "zh_CN".equals(t.lang()) ? Messages.Templates_langZh : Messages.Templates_langEn; //$NON-NLS-1$
        String name = t.shipped() ? Messages.Documents_shippedTemplate : t.name();
        return NLS.bind(t.isDefault() ? Messages.Documents_templateDefault : Messages.Documents_template, name, lang);
    }

    /** A copy of the file in a temporary folder, opened with the system's viewer; the job's result is the copy. */
    public Job open(long attachmentId) {
        ContractAttachment attachment = shownFiles().stream().filter(a -> a.getId() == attachmentId).findFirst().orElse(null);
        String name = attachment == null ? attachmentId + ".bin" : attachment.getFileName();
        return Jobs.load(viewer.getTable(), Messages.Documents_open, () -> {
            byte[] bytes = Services.get(ContractAttachments.class).content(attachmentId);
            try {
                Path copy = Files.createTempDirectory("salesbench-contract-").resolve(safe(name));
                AtomicFiles.write(copy, out -> out.write(bytes));
                return copy;
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, opener, this::reportFailure);
    }

    /** Writes the file where the user chose, whole or not at all. */
    public Job saveAs(long attachmentId, Path target) {
        return Jobs.load(viewer.getTable(), Messages.Documents_saveAs, () -> {
            byte[] bytes = Services.get(ContractAttachments.class).content(attachmentId);
            try {
                AtomicFiles.write(target, out -> out.write(bytes));
            } catch (IOException e) {
                throw new IllegalStateException(NLS.bind(Messages.Documents_cannotWrite, target, e.getMessage()), e);
            }
            return target;
        }, done -> getManagedForm().getForm().setMessage(NLS.bind(Messages.Documents_saved, done), org.eclipse.jface.dialogs.IMessageProvider.INFORMATION),
                this::reportFailure);
    }

    /** Removes the file from the contract (and from the archive folder); the audit trail records it. */
    public Job remove(long attachmentId) {
        return step(Messages.Documents_remove, () -> {
            Services.get(ContractAttachments.class).remove(attachmentId);
            return null;
        });
    }

    private static String safe(String name) {
        String s = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return s.isBlank() || s.startsWith(".") ? "_" + s : s;
    }

    private Job step(String name, java.util.function.Supplier<ContractAttachment> work) {
        return step(viewer.getTable(), name, work);
    }




    /** What Open does with the copy (tests: note it instead of launching a viewer). */
    public void setOpener(Consumer<Path> opener) {
        this.opener = opener;
    }

    @SuppressWarnings("unchecked")
    public List<ContractAttachment> shownFiles() {
        return viewer.getInput() == null ? List.of() : (List<ContractAttachment>) viewer.getInput();
    }

    public String statusText() {
        return status.getText();
    }

    Button generateButton() {
        return generate;
    }
}
