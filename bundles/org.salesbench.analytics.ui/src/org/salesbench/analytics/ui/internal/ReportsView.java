package org.salesbench.analytics.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.salesbench.analytics.Metric;
import org.salesbench.analytics.MetricCatalogue;
import org.salesbench.analytics.ReportDescriptor;
import org.salesbench.analytics.ReportService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;

/**
 * The report catalogue (each report with the metrics it shows and their definitions) over the metric catalogue
 * (every metric's one definition). Double-click a report to open it.
 */
public class ReportsView extends ViewPart {

    public static final String ID = "org.salesbench.analytics.ui.views.reports"; //$NON-NLS-1$

    private Tree reports;
    private Table metrics;
    private List<ReportDescriptor> descriptors = List.of();

    @Override
    public void createPartControl(Composite parent) {
        LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), parent);
        Image reportImage = resources.create(Images.descriptor(Images.REPORT));
        Image metricImage = resources.create(Images.descriptor(Images.METRIC));
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayout(new FillLayout());
        reports = new Tree(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        reports.setHeaderVisible(true);
        treeColumn(Messages.Reports_report, 220);
        treeColumn(Messages.Reports_description, 420);
        metrics = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        metrics.setHeaderVisible(true);
        metrics.setLinesVisible(true);
        tableColumn(Messages.Reports_metric, 160);
        tableColumn(Messages.Reports_unit, 70);
        tableColumn(Messages.Reports_definition, 460);
        sash.setWeights(3, 2);

        ReportService reportService = Services.get(ReportService.class);
        MetricCatalogue catalogue = Services.get(MetricCatalogue.class);
        record Catalogue(List<ReportDescriptor> reports, List<Metric> metrics) {
        }
        Jobs.load(reports, Messages.Job_loadCatalogue, () -> new Catalogue(reportService.reports(), catalogue.metrics()), found -> {
            descriptors = found.reports();
            for (ReportDescriptor d : found.reports()) {
                TreeItem item = new TreeItem(reports, SWT.NONE);
                item.setText(new String[] { d.name(), d.description() == null ? "" : d.description() }); //$NON-NLS-1$
                item.setImage(reportImage);
                item.setData(d);
                for (String id : d.metricIds()) {
                    Optional<Metric> m = found.metrics().stream().filter(x -> x.id().equals(id)).findFirst();
                    TreeItem child = new TreeItem(item, SWT.NONE);
                    child.setText(new String[] { m.map(Metric::label).orElse(id),
                            m.map(Metric::definition).orElse(Messages.Reports_unknownMetric) });
                    child.setImage(metricImage);
                }
                if (!d.dimensions().isEmpty()) {
                    List<String> names = new ArrayList<>();
                    d.dimensions().forEach(x -> names.add(Labels.dimension(x)));
                    TreeItem by = new TreeItem(item, SWT.NONE);
                    by.setText(new String[] { Messages.Reports_dimensions, String.join(", ", names) }); //$NON-NLS-1$
                }
            }
            for (Metric m : found.metrics()) {
                TableItem item = new TableItem(metrics, SWT.NONE);
                item.setText(new String[] { m.label(), Labels.unit(m.unit()), m.definition() });
                item.setImage(metricImage);
            }
        }, e -> MessageDialog.openError(getSite().getShell(), Messages.Reports_title, Jobs.message(e)));
        reports.addListener(SWT.DefaultSelection, e -> {
            TreeItem item = (TreeItem) e.item;
            while (item != null && !(item.getData() instanceof ReportDescriptor)) {
                item = item.getParentItem();
            }
            if (item != null) {
                open((ReportDescriptor) item.getData());
            }
        });
    }

    /** The reports listed (tests). */
    public List<ReportDescriptor> descriptors() {
        return descriptors;
    }

    public Table metricTable() {
        return metrics;
    }

    /** The reports by category (tests open one as a double click does). */
    Tree reportTree() {
        return reports;
    }

    public void open(ReportDescriptor d) {
        try {
            getSite().getPage().openEditor(new ReportEditorInput(d.id(), d.name()), ReportEditor.ID);
        } catch (PartInitException e) {
            MessageDialog.openError(getSite().getShell(), Messages.Reports_title, NLS.bind(Messages.Reports_openFailed, d.name(), e.getMessage()));
        }
    }

    private void treeColumn(String text, int width) {
        TreeColumn c = new TreeColumn(reports, SWT.LEFT);
        c.setText(text);
        c.setWidth(width);
    }

    private void tableColumn(String text, int width) {
        TableColumn c = new TableColumn(metrics, SWT.LEFT);
        c.setText(text);
        c.setWidth(width);
    }

    @Override
    public void setFocus() {
        reports.setFocus();
    }
}
