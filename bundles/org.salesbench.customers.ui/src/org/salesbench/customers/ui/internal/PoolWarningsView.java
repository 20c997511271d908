package org.salesbench.customers.ui.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.salesbench.core.events.EventTopics;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.pool.CustomerPool;
import org.salesbench.customers.pool.PoolWarning;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;

/**
 * The current user's customers about to return to the public pool, soonest first: the warning the sweep gives owners.
 * Logging an activity on one (open it with a double click) takes it off the list.
 */
public class PoolWarningsView extends ViewPart {

    public static final String ID = "org.salesbench.customers.ui.views.poolWarnings";

    private CustomerPool pool;
    private TableViewer viewer;
    private final List<ServiceRegistration<EventHandler>> registrations = new java.util.ArrayList<>();

    @Override
    public void createPartControl(Composite parent) {
        pool = Services.get(CustomerPool.class);
        parent.setLayout(new GridLayout(1, false));
        viewer = Tables.create(parent);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.column(viewer, PoolWarning.class, PoolMessages.Warnings_column_name, 240, PoolWarning::name);
        Tables.column(viewer, PoolWarning.class, PoolMessages.Warnings_column_lastFollowUp, 130, w -> Formats.dateTime(w.lastFollowUp()));
        Tables.column(viewer, PoolWarning.class, PoolMessages.Warnings_column_returnOn, 130, w -> Formats.date(w.returnOn().toLocalDate()));
        Tables.column(viewer, PoolWarning.class, PoolMessages.Warnings_column_daysLeft, 80,
                w -> Long.toString(Math.max(0, ChronoUnit.DAYS.between(LocalDate.now(Clocks.system()), w.returnOn().toLocalDate()))));
        viewer.addDoubleClickListener(e -> openSelected());
        getViewSite().getActionBars().getToolBarManager().add(new Action(PoolMessages.Action_refresh) {
            @Override
            public void run() {
                refresh();
            }
        });
        // an activity logged, a claim, a return or a new warning: read the list again
        listen(EventTopics.allOf(Customer.ENTITY));
        listen(EventTopics.allOf(CustomerPool.WARNING_ENTITY));
        refresh();
    }

    private void listen(String topic) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, topic);
        Display display = Display.getCurrent();
        registrations.add(FrameworkUtil.getBundle(getClass()).getBundleContext().registerService(EventHandler.class,
                event -> display.asyncExec(() -> {
                    if (!viewer.getTable().isDisposed()) {
                        refresh();
                    }
                }), properties));
    }

    public void refresh() {
        Jobs.load(viewer.getTable(), PoolMessages.Job_load, () -> pool.warnings(null), warnings -> {
            viewer.setInput(warnings);
            setContentDescription(warnings.isEmpty() ? PoolMessages.Warnings_none
                    : NLS.bind(PoolMessages.Warnings_description, warnings.size()));
        }, e -> setContentDescription(PublicPoolView.message(e)));
    }

    private void openSelected() {
        if (((IStructuredSelection) viewer.getSelection()).getFirstElement() instanceof PoolWarning w) {
            try {
                CustomerEditor.open(getSite().getPage(), w.customerId(), w.name());
            } catch (PartInitException e) {
                setContentDescription(e.getMessage());
            }
        }
    }

    /** The warnings shown (tests read them). */
    @SuppressWarnings("unchecked")
    public List<PoolWarning> shown() {
        Object input = viewer.getInput();
        return input == null ? List.of() : (List<PoolWarning>) input;
    }

    @Override
    public void setFocus() {
        viewer.getTable().setFocus();
    }

    @Override
    public void dispose() {
        registrations.forEach(ServiceRegistration::unregister);
        super.dispose();
    }
}
