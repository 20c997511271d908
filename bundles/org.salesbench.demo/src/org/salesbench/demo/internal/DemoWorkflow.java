package org.salesbench.demo.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.salesbench.customers.Customer;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.process.ProcessService;
import org.salesbench.workflow.rules.RuleService;

/**
 * The demo's tasks, rules and process checklists, when the workflow module is installed (this component starts only
 * with its services; the demo bundle needs workflow optionally, so {@code DemoData} names no workflow type and loads
 * without it). Its public methods name no workflow type.
 */
@Component(service = DemoWorkflow.class)
public class DemoWorkflow {

    private final TaskService tasks;
    private volatile RuleService rules;
    private volatile ProcessService process;

    @Activate
    public DemoWorkflow(@Reference TaskService tasks) {
        this.tasks = tasks;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setRuleService(RuleService ruleService) {
        this.rules = ruleService;
    }

    public void unsetRuleService(RuleService gone) {
        if (rules == gone) {
            rules = null;
        }
    }

    /** The process: demo deals tick their step's checklist before moving on. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setProcessService(ProcessService processService) {
        this.process = processService;
    }

    public void unsetProcessService(ProcessService gone) {
        if (process == gone) {
            process = null;
        }
    }

    /** Deletes the tasks assigned to {@code owners}; returns how many. */
    public int purge(Collection<String> owners) {
        return tasks.purgeOwnedBy(owners);
    }

    /** Gives each of {@code logins} a few tasks on customers of {@code sample}; returns how many were made. */
    public int makeTasks(List<String> logins, List<Customer> sample, long seed, Clock clock) {
        return DemoTasks.create(tasks, logins, sample, seed, clock);
    }

    /** Makes the demo's automation rules, if the rule service runs; a user who may not make rules gets none. */
    public void makeRules() {
        RuleService ruleService = rules;
        if (ruleService != null) {
            try {
                DemoRules.create(ruleService);
            } catch (RuntimeException e) {
                // a user who may not make rules still gets the demo records
                ILog.of(DemoWorkflow.class).warn("Demo rules not made: " + e.getMessage());
            }
        }
    }

    /** Ticks the items of the deal's current process step, as a rep does before moving it on. */
    public void tickChecklist(long opportunityId) {
        ProcessService processService = process;
        if (processService != null) {
            processService.checklist(opportunityId).step()
                    .ifPresent(step -> step.getItems().forEach(item -> processService.tick(opportunityId, item.getKey(), true)));
        }
    }
}
