package org.salesbench.demo.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.demo.DemoData;
import org.salesbench.persistence.Database;

/**
 * First start: once the database is open (the {@code UnitOfWork} service appears, so this
 * component becomes satisfied), fills it with demo customers in a background job when the launcher
 * asked for it with {@code salesbench.demo.size} (and {@code salesbench.demo.reset=true} to refill).
 * Without the property nothing happens: tests and team databases are left alone.
 */
@Component(immediate = true)
public class DemoDataStartup {

    public static final String SIZE_PROPERTY = "salesbench.demo.size";
    public static final String RESET_PROPERTY = "salesbench.demo.reset";
    public static final Object FAMILY = DemoDataStartup.class;

    /**
     * One fill at a time: if this component is made anew while a fill runs (a service it reaches through
     * {@link DemoData} replaced at start), the next fill waits, then finds the customers there and does nothing.
     */
    private static final ISchedulingRule ONE_FILL_AT_A_TIME = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    /**
     * {@link DemoData} is only got when there is something to fill: it needs every module's service, and activating
     * them all (and the persistence unit their first query deploys) as the database opens is what a start cannot afford
     * when the customers are there already, as on every start but the first.
     */
    @Activate
    public DemoDataStartup(@Reference Database database, @Reference ComponentServiceObjects<DemoData> demoData) {
        Integer size = Integer.getInteger(SIZE_PROPERTY);
        if (size == null || size <= 0) {
            return;
        }
        boolean reset = Boolean.getBoolean(RESET_PROPERTY);
        Job job = new Job(Messages.Demo_jobName) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                if (!reset && anyCustomer(database)) {
                    return Status.OK_STATUS;
                }
                DemoData demo = demoData.getService();
                try {
                    if (reset) {
                        demo.reset(size, monitor);
                    } else {
                        demo.fillIfEmpty(size, monitor);
                    }
                } finally {
                    demoData.ungetService(demo);
                }
                return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setPriority(Job.LONG);
        job.setRule(ONE_FILL_AT_A_TIME);
        job.schedule();
    }

    /** Whether the database holds a customer, read with plain JDBC (no service, no persistence unit needed). */
    static boolean anyCustomer(Database database) {
        try (Connection c = Database.connect(database.settings()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID FROM SB_CUSTOMER FETCH FIRST 1 ROWS ONLY")) {
            return rs.next();
        } catch (SQLException e) {
            return false; // DemoData's own count decides, and says what is wrong
        }
    }
}
