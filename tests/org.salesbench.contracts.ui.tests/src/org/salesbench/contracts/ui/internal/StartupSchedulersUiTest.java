package org.salesbench.contracts.ui.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.junit.jupiter.api.Test;
import org.salesbench.core.time.AfterFirstView;
import org.salesbench.ui.StartupTimes;
import org.salesbench.ui.testing.UiTesting;

/**
 * The five schedulers a start brings up with the database (the reminders, the approvals' escalation, the nightly
 * pipeline snapshots, the receivables' ageing day, the nightly retraining) come up without the service their job uses:
 * when the first view painted, each scheduler was active and none of the five services was (their components only
 * registered, not activated). Once their jobs run, each gets its service.
 */
class StartupSchedulersUiTest {

    /** Each scheduler's component and the component of the service its job uses. */
    private static final Map<String, String> SCHEDULERS = new LinkedHashMap<>();

    static {
        SCHEDULERS.put("org.salesbench.workflow.internal.reminders.ReminderScheduler", "org.salesbench.workflow.internal.reminders.ReminderEngineImpl");
        SCHEDULERS.put("org.salesbench.workflow.internal.approvals.ApprovalEscalationScheduler", "org.salesbench.workflow.internal.approvals.ApprovalEngine");
        SCHEDULERS.put("org.salesbench.analytics.internal.DailyPipelineSnapshots", "org.salesbench.analytics.internal.ReportServiceImpl");
        SCHEDULERS.put("org.salesbench.contracts.internal.receivables.NightlyAgeingDay", "org.salesbench.contracts.internal.receivables.ReceivablesServiceImpl");
        SCHEDULERS.put("org.salesbench.opportunities.winprobability.internal.NightlyRetraining",
                "org.salesbench.opportunities.winprobability.internal.WinProbabilityServiceImpl");
    }

    @Test
    void theSchedulersCameUpWithoutTheirServicesBeforeTheFirstViewAndTheirJobsGetThemWhenTheyRun() throws Exception {
        assertTrue(AfterFirstView.heldThisRun(), "the workbench application held the start's work");
        UiTesting.waitUntil("the first view released the start's work", () -> !AfterFirstView.holding(), 60_000);
        Set<String> active = StartupTimes.activeAtFirstView();
        assertNotNull(active, "the components active at the first view were noted (-Dsalesbench.startup.times=true)");
        SCHEDULERS.forEach((scheduler, service) -> {
            assertTrue(active.contains(scheduler), scheduler + " was up at the first view: " + active);
            assertFalse(active.contains(service), service + " was not brought up before the first view: " + active);
        });

        // the jobs they scheduled, woken now rather than 45 s to hours after the first view
        List<Job> jobs = new ArrayList<>();
        for (Job job : Job.getJobManager().find(null)) {
            if (isSchedulersJob(job)) {
                jobs.add(job);
            }
        }
        assertTrue(jobs.size() >= SCHEDULERS.size(), "each scheduler's job waits: " + jobs);
        Map<Job, IStatus> done = new ConcurrentHashMap<>();
        for (Job job : jobs) {
            job.addJobChangeListener(new JobChangeAdapter() {
                @Override
                public void done(IJobChangeEvent event) {
                    done.putIfAbsent(event.getJob(), event.getResult());
                    event.getJob().removeJobChangeListener(this);
                }
            });
            job.wakeUp();
        }
        UiTesting.waitUntil("every scheduler's job ran", () -> done.keySet().containsAll(jobs), 120_000);
        done.forEach((job, result) -> assertTrue(result.getSeverity() < IStatus.ERROR, job.getName() + ": " + result));
        Set<String> activeNow = StartupTimes.activeComponents();
        SCHEDULERS.values().forEach(service -> assertTrue(activeNow.contains(service), service + " was got by its job's run"));
    }

    /** A job of the five schedulers: the reminders' and escalations' by their class, the nightly ones by their family. */
    private static boolean isSchedulersJob(Job job) {
        String type = job.getClass().getName();
        if (type.equals("org.salesbench.workflow.internal.reminders.ReminderJob") || type.equals("org.salesbench.workflow.internal.approvals.ApprovalEscalationJob")) {
            return true;
        }
        for (String family : List.of("org.salesbench.analytics/org.salesbench.analytics.internal.DailyPipelineSnapshots",
                "org.salesbench.contracts/org.salesbench.contracts.internal.receivables.NightlyAgeingDay",
                "org.salesbench.opportunities/org.salesbench.opportunities.winprobability.internal.NightlyRetraining")) {
            String[] bundleAndClass = family.split("/");
            try {
                if (job.belongsTo(Platform.getBundle(bundleAndClass[0]).loadClass(bundleAndClass[1]))) {
                    return true;
                }
            } catch (ClassNotFoundException e) {
                throw new AssertionError(family, e);
            }
        }
        return false;
    }
}
