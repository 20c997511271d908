package org.salesbench.importexport.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.Migrations;
import org.salesbench.importexport.Migrations.FileSummary;
import org.salesbench.importexport.Migrations.PlannedFile;
import org.salesbench.ui.Services;

/**
 * File > Import > Salesbench > Another CRM's data export: the vendor and the export folder, the plan (each file the
 * migration reads, what it goes into and how many rows the folder's file has), then Finish runs the migration in a
 * {@link Job} with a progress bar (a step per file, cancel between files and batches) and shows a summary per file.
 */
public class MigrationWizard extends Wizard implements IImportWizard {

    final ImportService service;
    private MigrationPage page;
    private MigrationJob job;
    private String cancelInside;

    public MigrationWizard() {
        this(Services.get(ImportService.class));
    }

    MigrationWizard(ImportService service) {
        this.service = service;
        setWindowTitle(Messages.Migrate_title);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        // nothing is taken from the selection
    }

    @Override
    public void addPages() {
        page = new MigrationPage();
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        job = new MigrationJob(service, page.vendor(), page.folder(), page.addValues(), getShell().getDisplay());
        job.cancelInside = cancelInside;
        job.schedule();
        return true;
    }

    public MigrationPage page() {
        return page;
    }

    /**
     * For tests: the job Finish starts cancels itself, as the user's Cancel would, right after the engine has handed over
     * the first batch of rows of the file {@code fileName} (a migration's step is named after its file): a cancel that
     * lands inside that file's load, not between files.
     */
    public void cancelInside(String fileName) {
        cancelInside = fileName;
    }

    /** The job Finish started, or {@code null}. */
    public MigrationJob job() {
        return job;
    }

    /** The vendor, the folder and the plan. */
    public static class MigrationPage extends WizardPage {

        private final List<String> vendors = Migrations.vendors();
        Combo vendorCombo;
        Text folderText;
        Button addValuesCheck;
        Table planTable;

        MigrationPage() {
            super("migration");
            setTitle(Messages.Migrate_pageTitle);
            setDescription(Messages.Migrate_pageDescription);
            setPageComplete(false);
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(3, false));
            new Label(c, SWT.NONE).setText(Messages.Migrate_vendor);
            vendorCombo = new Combo(c, SWT.READ_ONLY);
            vendors.forEach(v -> vendorCombo.add(vendorLabel(v)));
            if (!vendors.isEmpty()) {
                vendorCombo.select(0);
            }
            vendorCombo.addListener(SWT.Selection, e -> update());
            vendorCombo.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));

            new Label(c, SWT.NONE).setText(Messages.Migrate_folder);
            folderText = new Text(c, SWT.BORDER);
            folderText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            folderText.addModifyListener(e -> update());
            Button browse = new Button(c, SWT.PUSH);
            browse.setText(Messages.Common_browse);
            browse.addListener(SWT.Selection, e -> {
                String chosen = new DirectoryDialog(getShell()).open();
                if (chosen != null) {
                    folderText.setText(chosen);
                }
            });

            addValuesCheck = new Button(c, SWT.CHECK);
            addValuesCheck.setText(Messages.Migrate_addValues);
            addValuesCheck.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 3, 1));

            planTable = new Table(c, SWT.BORDER | SWT.FULL_SELECTION);
            planTable.setHeaderVisible(true);
            GridData table = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
            table.heightHint = 200;
            planTable.setLayoutData(table);
            for (String[] column : new String[][] { { Messages.Migrate_columnFile, "200" }, { Messages.Migrate_columnTarget, "160" },
                    { Messages.Migrate_columnRows, "120" } }) {
                TableColumn col = new TableColumn(planTable, SWT.LEFT);
                col.setText(column[0]);
                col.setWidth(Integer.parseInt(column[1]));
            }
            setControl(c);
            update();
        }

        /** The vendor as its id names it, capitalised (salesforce: Salesforce). */
        private static String vendorLabel(String vendor) {
            return vendor.substring(0, 1).toUpperCase(Locale.ROOT) + vendor.substring(1);
        }

        private void update() {
            planTable.removeAll();
            String text = folderText.getText().strip();
            if (text.isEmpty() || vendorCombo.getSelectionIndex() < 0) {
                setErrorMessage(null);
                setPageComplete(false);
                return;
            }
            Path folder = Path.of(text);
            if (!Files.isDirectory(folder)) {
                setErrorMessage(NLS.bind(Messages.Migrate_noFolder, text));
                setPageComplete(false);
                return;
            }
            try {
                long files = 0;
                for (PlannedFile f : Migrations.plan(vendor(), folder)) {
                    TableItem item = new TableItem(planTable, SWT.NONE);
                    item.setText(new String[] { f.name(), f.targetId(),
                            f.file() == null ? Messages.Migrate_absent : NLS.bind(Messages.Migrate_rows, f.rows()) });
                    files += f.file() == null ? 0 : 1;
                }
                setErrorMessage(files == 0 ? NLS.bind(Messages.Migrate_nothing, text) : null);
                setPageComplete(files > 0);
            } catch (IOException | RuntimeException e) {
                setErrorMessage(e.getMessage());
                setPageComplete(false);
            }
        }

        public String vendor() {
            return vendors.get(vendorCombo.getSelectionIndex());
        }

        public Path folder() {
            return Path.of(folderText.getText().strip());
        }

        boolean addValues() {
            return addValuesCheck.getSelection();
        }

        /** For tests: chooses the vendor (by id) and the folder, as a user would. */
        public void choose(String vendor, Path folder, boolean add) {
            vendorCombo.select(vendors.indexOf(vendor));
            addValuesCheck.setSelection(add);
            folderText.setText(folder.toString());
            update();
        }

        /** The plan as shown: "file | target | rows" per line. */
        public List<String> plan() {
            return java.util.Arrays.stream(planTable.getItems()).map(i -> i.getText(0) + " | " + i.getText(1) + " | " + i.getText(2)).toList();
        }
    }

    /** Runs the migration off the UI thread with a progress bar, then shows what each file did. */
    public static class MigrationJob extends Job {

        public static final Object FAMILY = MigrationJob.class;

        private final ImportService service;
        private final String vendor;
        private final Path folder;
        private final boolean addValues;
        private final Display display;
        private volatile List<FileSummary> results;
        private volatile String failure;
        private volatile MessageDialog summary;
        private volatile String summaryText;
        private volatile boolean cancelled;
        private volatile String cancelInside;

        MigrationJob(ImportService service, String vendor, Path folder, boolean addValues, Display display) {
            super(NLS.bind(Messages.Migrate_job, folder.getFileName()));
            this.service = service;
            this.vendor = vendor;
            this.folder = folder;
            this.addValues = addValues;
            this.display = display;
            setUser(true);
            setPriority(LONG);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            try {
                results = Migrations.run(service, vendor, folder, addValues, null, cancelInside == null ? monitor : cancellingInside(monitor));
            } catch (IOException | RuntimeException e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            cancelled = monitor.isCanceled();
            display.asyncExec(this::showSummary);
            return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
        }

        /** {@code monitor}, which cancels this job once a batch of the file {@link #cancelInside} has been handed over. */
        private IProgressMonitor cancellingInside(IProgressMonitor monitor) {
            return new org.eclipse.core.runtime.ProgressMonitorWrapper(monitor) {
                private boolean inside;

                @Override
                public void subTask(String name) {
                    super.subTask(name);
                    if (cancelInside.equals(name)) {
                        inside = true;
                    } else if (inside) {
                        cancel(); // the engine names the rows read after each batch it hands over
                    }
                }
            };
        }

        private void showSummary() {
            if (display.isDisposed()) {
                return;
            }
            StringBuilder text = new StringBuilder();
            if (failure != null) {
                text.append(failure).append('\n');
            }
            for (FileSummary s : results == null ? List.<FileSummary>of() : results) {
                String line = Migrations.summaryLine(s.name(), s.targetId(), s.result());
                text.append(line).append('\n');
            }
            if (cancelled) {
                text.append(Migrations.cancelledNote()).append('\n');
            }
            summaryText = text.toString().strip();
            summary = new MessageDialog(display.getActiveShell(), Messages.Migrate_title, null, summaryText,
                    failure == null ? MessageDialog.INFORMATION : MessageDialog.ERROR, 0, Messages.Migrate_close);
            summary.setBlockOnOpen(false);
            summary.open();
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == FAMILY;
        }

        /** What each file did, once the job ran ({@code null} if the folder could not be migrated: {@link #failure()}). */
        public List<FileSummary> results() {
            return results;
        }

        public String failure() {
            return failure;
        }

        /** Whether the user cancelled the run (the summary then says which files were not imported). */
        public boolean cancelled() {
            return cancelled;
        }

        /** The summary dialog, once shown. */
        public MessageDialog summary() {
            return summary;
        }

        /** What the summary says, a line per file. */
        public String summaryText() {
            return summaryText;
        }
    }
}
