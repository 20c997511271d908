package org.salesbench.importexport.ui.internal;

import java.nio.file.Path;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.ui.Services;

/**
 * File > Import > Salesbench: the file and what it holds, the column and value mapping, matching
 * and mode. Finish hands the import to an {@link ImportJob}, which shows the summary when done.
 */
public class ImportWizard extends Wizard implements IImportWizard {

    final ImportService service;
    private ImportFilePage filePage;
    private ImportMappingPage mappingPage;
    private ImportOptionsPage optionsPage;
    private ImportJob job;

    public ImportWizard() {
        this(Services.get(ImportService.class));
    }

    ImportWizard(ImportService service) {
        this.service = service;
        setWindowTitle(Messages.Import_title);
        setNeedsProgressMonitor(true);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        // nothing is taken from the selection
    }

    @Override
    public void addPages() {
        filePage = new ImportFilePage(service);
        mappingPage = new ImportMappingPage(this);
        optionsPage = new ImportOptionsPage(this);
        addPage(filePage);
        addPage(mappingPage);
        addPage(optionsPage);
    }

    @Override
    public boolean canFinish() {
        return filePage.isPageComplete() && mappingPage.isPageComplete() && mappingPage.hasPreview();
    }

    @Override
    public boolean performFinish() {
        ImportSettings settings = new ImportSettings(filePage.targetId(), mappingPage.columnMapping(), mappingPage.valueMapping(),
                optionsPage.matchPolicy(), optionsPage.mode(), ImportSettings.DEFAULT_BATCH);
        job = new ImportJob(service, filePage.file(), filePage.readOptions(), settings, getShell().getDisplay());
        job.schedule();
        return true;
    }

    Path file() {
        return filePage.file();
    }

    String targetId() {
        return filePage.targetId();
    }

    ReadOptions readOptions() {
        return filePage.readOptions();
    }

    public ImportFilePage filePage() {
        return filePage;
    }

    public ImportMappingPage mappingPage() {
        return mappingPage;
    }

    public ImportOptionsPage optionsPage() {
        return optionsPage;
    }

    /** The job Finish started, or {@code null}. */
    public ImportJob job() {
        return job;
    }
}
