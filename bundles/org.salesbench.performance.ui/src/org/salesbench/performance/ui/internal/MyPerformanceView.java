package org.salesbench.performance.ui.internal;

import java.time.LocalDate;
import java.util.Dictionary;
import java.util.Hashtable;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.salesbench.core.events.EventTopics;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.performance.targets.Attainment;
import org.salesbench.performance.targets.AttainmentService;
import org.salesbench.performance.targets.PeriodKind;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.Target;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.ui.Services;

/**
 * My Performance: the signed-in person's won revenue against their target for this year, half, quarter or month, with
 * the run rate, the projection to the period's end and what it takes per day to reach the target. Read in a job;
 * shown again whenever a deal or a target changes.
 */
public class MyPerformanceView extends ViewPart {

    public static final String ID = "org.salesbench.performance.ui.views.myPerformance";
    static final String METRIC = "won_revenue";

    private Combo periodCombo;
    private Label target;
    private Label actual;
    private Label percent;
    private Label runRate;
    private Label projection;
    private Label remaining;
    private Label advice;
    private ProgressBar bar;
    private ServiceRegistration<EventHandler> events;
    private volatile Attainment shown;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        new Label(parent, SWT.NONE).setText(Messages.MyPerformance_period);
        periodCombo = new Combo(parent, SWT.READ_ONLY);
        for (PeriodKind kind : PeriodKind.values()) {
            periodCombo.add(Messages.periodKind(kind));
        }
        periodCombo.select(0);
        periodCombo.addListener(SWT.Selection, e -> refresh());
        target = row(parent, Messages.MyPerformance_target);
        actual = row(parent, Messages.MyPerformance_actual);
        percent = row(parent, Messages.MyPerformance_percent);
        bar = new ProgressBar(parent, SWT.HORIZONTAL);
        bar.setMaximum(100);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        runRate = row(parent, Messages.MyPerformance_runRate);
        projection = row(parent, Messages.MyPerformance_projection);
        remaining = row(parent, Messages.MyPerformance_remaining);
        advice = new Label(parent, SWT.WRAP);
        advice.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        listen(parent.getDisplay());
        refresh();
    }

    private static Label row(Composite parent, String label) {
        new Label(parent, SWT.NONE).setText(label);
        Label value = new Label(parent, SWT.NONE);
        value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return value;
    }

    /** Refreshes on every change of a deal or a target, as the model publishes them after commit. */
    private void listen(Display display) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, new String[] { EventTopics.allOf("opportunity"), EventTopics.allOf(Target.ENTITY) });
        events = FrameworkUtil.getBundle(getClass()).getBundleContext().registerService(EventHandler.class,
                event -> display.asyncExec(() -> {
                    if (!periodCombo.isDisposed()) {
                        refresh();
                    }
                }), properties);
    }

    /** The period the combo names, around today. */
    public TargetPeriod period() {
        PeriodKind kind = PeriodKind.values()[Math.max(0, periodCombo.getSelectionIndex())];
        return TargetPeriod.containing(kind, LocalDate.now(Clocks.system()));
    }

    /** Reads the attainment in a job and shows it. */
    public void refresh() {
        TargetPeriod period = period();
        Display display = periodCombo.getDisplay();
        Job job = Job.create(Messages.MyPerformance_job, monitor -> {
            try {
                String me = Services.get(SecurityService.class).currentUser().login();
                Attainment a = Services.get(AttainmentService.class).attainment(METRIC, Subject.person(me), period);
                display.asyncExec(() -> show(a));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                display.asyncExec(() -> {
                    if (!advice.isDisposed()) {
                        advice.setText(NLS.bind(Messages.MyPerformance_error, e.getMessage()));
                    }
                });
                return Status.OK_STATUS;
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    private void show(Attainment a) {
        if (target.isDisposed()) {
            return;
        }
        target.setText(a.target() == null ? Messages.MyPerformance_noTarget : Messages.money(a.target()));
        actual.setText(Messages.money(a.actual()));
        percent.setText(a.percent() == null ? "—" : a.percent().toPlainString() + " %"); //$NON-NLS-1$ //$NON-NLS-2$
        bar.setSelection(a.percent() == null ? 0 : Math.min(100, a.percent().intValue()));
        runRate.setText(Messages.money(a.runRate()));
        projection.setText(Messages.money(a.projection()));
        remaining.setText(a.remaining() == null ? "—" : Messages.money(a.remaining())); //$NON-NLS-1$
        long daysLeft = a.periodDays() - a.elapsedDays();
        if (a.target() == null) {
            advice.setText(Messages.MyPerformance_adviceNoTarget);
        } else if (a.remaining().signum() == 0) {
            advice.setText(Messages.MyPerformance_adviceReached);
        } else if (daysLeft <= 0) {
            advice.setText(NLS.bind(Messages.MyPerformance_adviceMissed, Messages.money(a.remaining())));
        } else {
            boolean onTrack = a.projection().compareTo(a.target()) >= 0;
            advice.setText(NLS.bind(onTrack ? Messages.MyPerformance_adviceOnTrack : Messages.MyPerformance_adviceNeeded,
                    new Object[] { Messages.money(a.neededPerDay()), daysLeft, Messages.money(a.remaining()) }));
        }
        advice.getParent().layout(true, true);
        shown = a;
    }

    /** What the view shows now (for tests); {@code null} before the first read. */
    public Attainment shown() {
        return shown;
    }

    /** The text under the figures: what it takes to reach the target (for tests). */
    public String advice() {
        return advice.getText();
    }

    @Override
    public void setFocus() {
        periodCombo.setFocus();
    }

    @Override
    public void dispose() {
        if (events != null) {
            events.unregister();
        }
        super.dispose();
    }
}
