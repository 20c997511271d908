package org.salesbench.importexport.ui.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IExportWizard;
import org.eclipse.ui.IWorkbench;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.TargetDescriptor;
import org.salesbench.importexport.WriteOptions;
import org.salesbench.ui.Services;

/**
 * File > Export > Salesbench, and a list view's Export… (customers, leads, opportunities) with the list's
 * filter: the records, the file (its extension chooses CSV, Excel or vCard) and the CSV encoding. The export
 * runs as a job.
 */
public class ExportWizard extends Wizard implements IExportWizard {

    public static final Object FAMILY = ExportWizard.class;
    private static final String[] FORMATS = { "csv", "xlsx", "vcf" };

    private final ImportService service;
    private final List<TargetDescriptor> targets;
    /** The target of the list the wizard was opened from, and that list's filter; both {@code null} from File > Export. */
    private final String listTargetId;
    private final Object listFilter;
    private ExportPage page;
    private volatile String outcome;

    public ExportWizard() {
        this(null, null);
    }

    /** @param customerFilter the Customers view's current filter, or {@code null} for every record */
    public ExportWizard(CustomerFilter customerFilter) {
        this(customerFilter == null ? null : "customers", customerFilter);
    }

    /**
     * @param listTargetId the target of the list view the wizard is opened from ({@code customers}, {@code leads},
     *                     {@code opportunities}), or {@code null}
     * @param listFilter   that list's current filter (the target's filter type), or {@code null} for every record
     */
    public ExportWizard(String listTargetId, Object listFilter) {
        this.service = Services.get(ImportService.class);
        this.targets = service.targets().stream().filter(t -> t.target().map(ImportTarget::canExport).orElse(false)).toList();
        this.listTargetId = listFilter == null ? null : listTargetId;
        this.listFilter = listFilter;
        setWindowTitle(Messages.Export_title);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        // the records come from the target, not from the selection
    }

    @Override
    public void addPages() {
        page = new ExportPage();
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        TargetDescriptor target = targets.get(page.targetCombo.getSelectionIndex());
        Path file = page.file();
        Charset charset = page.encodingCombo.getSelectionIndex() == 1 ? Charset.forName("GBK") : StandardCharsets.UTF_8;
        Object filter = target.id().equals(listTargetId) && page.filterCheck != null && page.filterCheck.getSelection() ? listFilter : null;
        Display display = getShell().getDisplay();
        Job job = new Job(NLS.bind(Messages.Job_export, file.getFileName())) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    int count = service.export(target.id(), filter, file, new WriteOptions(charset, null), monitor);
                    outcome = NLS.bind(Messages.Export_done, count, file);
                    List<String> withheld = service.withheldFields(target.id()).stream().map(f -> f.label()).toList();
                    if (!withheld.isEmpty()) {
                        outcome += " " + NLS.bind(Messages.Export_withheld, String.join(", ", withheld)); //$NON-NLS-1$
                    }
                    return Status.OK_STATUS;
                } catch (IOException | RuntimeException e) {
                    outcome = NLS.bind(Messages.Export_failed, file, e.getMessage());
                    display.asyncExec(() -> MessageDialog.openError(display.getActiveShell(), Messages.Export_title, outcome));
                    return Status.OK_STATUS;
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setUser(true);
        job.schedule();
        return true;
    }

    /** What the last export did, for the status and tests. */
    public String outcome() {
        return outcome;
    }

    /** Whether it was opened with a list's filter (from a list view) rather than for every record. */
    public boolean exportsListFilter() {
        return listFilter != null;
    }

    /** The filter of the list it was opened from, or {@code null}. */
    public Object listFilter() {
        return listFilter;
    }

    public ExportPage page() {
        return page;
    }

    /** The one page: records, file, encoding. */
    public final class ExportPage extends WizardPage {
        Combo targetCombo;
        Text fileText;
        Combo formatCombo;
        Combo encodingCombo;
        Button filterCheck;

        ExportPage() {
            super("export");
            setTitle(Messages.Export_title);
            setDescription(Messages.Export_description);
            setPageComplete(false);
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(3, false));
            new Label(c, SWT.NONE).setText(Messages.Export_records);
            targetCombo = new Combo(c, SWT.READ_ONLY);
            targets.forEach(t -> targetCombo.add(t.label()));
            targetCombo.select(0);
            targetCombo.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
            if (listFilter != null) {
                new Label(c, SWT.NONE);
                filterCheck = new Button(c, SWT.CHECK);
                filterCheck.setText(Messages.Export_onlyFilter);
                filterCheck.setSelection(true);
                filterCheck.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
                for (int i = 0; i < targets.size(); i++) {
                    if (targets.get(i).id().equals(listTargetId)) {
                        targetCombo.select(i);
                    }
                }
                // the list's filter is of its own records: for other records there is no filter to apply
                targetCombo.addListener(SWT.Selection, e -> filterCheck.setEnabled(
                        targets.get(targetCombo.getSelectionIndex()).id().equals(listTargetId)));
            }
            new Label(c, SWT.NONE).setText(Messages.Export_format);
            formatCombo = new Combo(c, SWT.READ_ONLY);
            formatCombo.setItems(Messages.Export_formatCsv, Messages.Export_formatXlsx, Messages.Export_formatVcard);
            formatCombo.select(0);
            formatCombo.addListener(SWT.Selection, e -> formatChanged());
            formatCombo.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
            new Label(c, SWT.NONE).setText(Messages.Export_file);
            fileText = new Text(c, SWT.BORDER);
            fileText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            fileText.addModifyListener(e -> validate());
            Button browse = new Button(c, SWT.PUSH);
            browse.setText(Messages.Common_browse);
            browse.addListener(SWT.Selection, e -> browse());
            new Label(c, SWT.NONE).setText(Messages.Export_encoding);
            encodingCombo = new Combo(c, SWT.READ_ONLY);
            encodingCombo.setItems(Messages.Export_utf8Bom, "GBK");
            encodingCombo.select(0);
            encodingCombo.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
            setControl(c);
        }

        private void browse() {
            FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
            dialog.setFilterExtensions(new String[] { "*." + FORMATS[formatCombo.getSelectionIndex()] });
            dialog.setOverwrite(true);
            String chosen = dialog.open();
            if (chosen != null) {
                fileText.setText(chosen);
            }
        }

        private void formatChanged() {
            encodingCombo.setEnabled(formatCombo.getSelectionIndex() == 0);
            validate();
        }

        /** The file with the chosen format's extension. */
        Path file() {
            String name = fileText.getText().strip();
            String extension = "." + FORMATS[formatCombo.getSelectionIndex()];
            return Path.of(name.toLowerCase(java.util.Locale.ROOT).endsWith(extension) ? name : name + extension);
        }

        private void validate() {
            String error = null;
            if (fileText.getText().isBlank()) {
                setErrorMessage(null);
                setPageComplete(false);
                return;
            }
            Path parent = file().toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                error = NLS.bind(Messages.Export_noFolder, parent);
            }
            setErrorMessage(error);
            setPageComplete(error == null);
        }

        /** For tests: the records by id, the file and the format by index (0 CSV, 1 Excel, 2 vCard). */
        public void choose(String targetId, Path file, int format) {
            for (int i = 0; i < targets.size(); i++) {
                if (targets.get(i).id().equals(targetId)) {
                    targetCombo.select(i);
                }
            }
            formatCombo.select(format);
            formatChanged();
            fileText.setText(file.toString());
        }
    }
}
