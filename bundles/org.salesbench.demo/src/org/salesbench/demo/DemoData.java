package org.salesbench.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerService;
import org.salesbench.demo.internal.DemoApprovals;
import org.salesbench.demo.internal.DemoContracts;
import org.salesbench.demo.internal.DemoSales;
import org.salesbench.demo.internal.DemoTargets;
import org.salesbench.demo.internal.DemoWorkflow;
import org.salesbench.demo.internal.Messages;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.ProductService;
import org.salesbench.quotes.QuoteService;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * Fills a database with demo customers through the real services, in chunks of one transaction
 * each, so a million customers can be made for benchmarks with bounded memory; then a product
 * catalogue, leads, opportunities and quotes on a sample of those customers (see {@link DemoSales}).
 */
@Component(service = DemoData.class)
public class DemoData {

    public static final long DEFAULT_SEED = 20_261_127L;
    private static final int CHUNK = 1_000;
    /** Caps on the sales data: one call per lead and several per deal, so a million customers must not mean half a million deals. */
    static final int MAX_LEADS = 1_000;
    static final int MAX_OPPORTUNITIES = 2_500;
    private static final int SALES_BATCH = 20;

    private final CustomerService customers;
    private final UserService users;
    private final UnitOfWork unitOfWork;
    private final DemoSales.Services sales;
    /**
     * The workflow's tasks, rules and checklists, when the module is installed (the demo bundle needs workflow
     * optionally: this class names no workflow type): the demo users get a few dozen tasks.
     */
    private volatile DemoWorkflow workflow;
    /** The workflow's demo approvals, when the workflow module is installed. */
    private volatile DemoApprovals approvals;
    /** The demo's contracts, when the contracts module is installed. */
    private volatile DemoContracts contracts;
    /** How many won deals become contracts. */
    static final int DEMO_CONTRACTS = 6;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setContracts(DemoContracts demoContracts) {
        this.contracts = demoContracts;
    }

    public void unsetContracts(DemoContracts gone) {
        if (contracts == gone) {
            contracts = null;
        }
    }

    /** How many quotes the demo leaves waiting for approval (one of them decided). */
    static final int DEMO_APPROVALS = 4;

    @Activate
    public DemoData(@Reference CustomerService customers, @Reference UserService users, @Reference UnitOfWork unitOfWork,
            @Reference LeadService leads, @Reference OpportunityService opportunities, @Reference PipelineService pipelines,
            @Reference ProductService products, @Reference QuoteService quotes) {
        this.customers = customers;
        this.users = users;
        this.unitOfWork = unitOfWork;
        this.sales = new DemoSales.Services(leads, opportunities, pipelines, products, quotes);
    }

    /** The workflow module's tasks, rules and process checklists, when it is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setWorkflow(DemoWorkflow demoWorkflow) {
        this.workflow = demoWorkflow;
    }

    public void unsetWorkflow(DemoWorkflow gone) {
        if (workflow == gone) {
            workflow = null;
        }
    }

    /** Ticks the items of the deal's current process step, as a rep does before moving it on. */
    private void tickChecklist(long opportunityId) {
        DemoWorkflow now = workflow;
        if (now != null) {
            now.tickChecklist(opportunityId);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setApprovals(DemoApprovals approvals) {
        this.approvals = approvals;
    }

    void unsetApprovals(DemoApprovals gone) {
        if (approvals == gone) {
            approvals = null;
        }
    }

    /** The demo's targets, when the performance module is installed. */
    private volatile DemoTargets demoTargets;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setDemoTargets(DemoTargets targets) {
        this.demoTargets = targets;
    }

    void unsetDemoTargets(DemoTargets gone) {
        if (demoTargets == gone) {
            demoTargets = null;
        }
    }

    /** How many leads a fill of {@code size} customers makes. */
    public static int leadCount(int size) {
        return Math.min(size / 5, MAX_LEADS);
    }

    /** How many opportunities a fill of {@code size} customers makes, besides those converted from leads. */
    public static int opportunityCount(int size) {
        return Math.min(size / 2, MAX_OPPORTUNITIES);
    }

    /** Makes {@code size} demo customers if there are no customers yet; returns how many were made. */
    public int fillIfEmpty(int size, IProgressMonitor monitor) {
        if (customers.count(CustomerFilter.ALL) > 0) {
            return 0;
        }
        return fill(size, DEFAULT_SEED, monitor);
    }

    /**
     * Deletes the customers, leads and opportunities of the demo users, through each module's service, and makes
     * {@code size} new customers with their sales data. The opportunities go with their stage history and quotes;
     * the product catalogue is kept and reused.
     */
    public int reset(int size, IProgressMonitor monitor) {
        List<String> logins = DemoDataGenerator.USERS.stream().map(u -> u[0]).toList();
        // each module clears its own rows; deleting a customer also deletes its opportunities (ON DELETE CASCADE)
        DemoWorkflow workflowNow = workflow;
        if (workflowNow != null) {
            workflowNow.purge(logins);
        }
        // contracts name their deals and customers: they go first, with their plans and receipts
        DemoContracts demoContracts = contracts;
        if (demoContracts != null) {
            demoContracts.purge(logins);
        }
        sales.opportunities().purgeOwnedBy(logins);
        customers.purgeOwnedBy(logins);
        sales.leads().purgeOwnedBy(logins);
        return fill(size, DEFAULT_SEED, monitor);
    }

    /**
     * Makes {@code size} customers from {@code seed}, creating the demo users first if they are
     * missing, then the catalogue, {@link #leadCount} leads and {@link #opportunityCount} opportunities.
     */
    public int fill(int size, long seed, IProgressMonitor monitor) {
        int leads = leadCount(size);
        int deals = opportunityCount(size);
        SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.Demo_task, size), size + 2 + leads + deals);
        for (String[] u : DemoDataGenerator.USERS) {
            if (users.findUser(u[0]).isEmpty()) {
                User user = new User(u[0], u[1]);
                user.setEmail(u[0] + "@salesbench.example");
                users.createUser(user);
            }
        }
        createTeams();
        progress.worked(1);
        // a Chinese user (-nl zh_CN sets the default locale) gets Chinese companies only, not a third in English
        boolean chineseOnly = DemoDataGenerator.chineseOnly(java.util.Locale.getDefault());
        DemoDataGenerator generator = new DemoDataGenerator(seed, LocalDate.now(Clocks.system()), chineseOnly);
        int made = 0;
        // the deals and leads go to the first customers made: bounded memory whatever the size
        List<Customer> sample = new ArrayList<>();
        int sampleSize = Math.max(leads, deals);
        while (made < size && !progress.isCanceled()) {
            int n = Math.min(CHUNK, size - made);
            List<Customer> chunk = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                chunk.add(generator.next());
            }
            List<Customer> saved = customers.createAll(chunk);
            if (sample.size() < sampleSize) {
                sample.addAll(saved.subList(0, Math.min(saved.size(), sampleSize - sample.size())));
            }
            made += n;
            progress.setTaskName(NLS.bind(Messages.Demo_progress, made, size));
            progress.worked(n);
        }
        if (!progress.isCanceled()) {
            fillSales(sample, leads, deals, seed, progress);
        }
        DemoWorkflow workflowNow = workflow;
        if (workflowNow != null) {
            if (!progress.isCanceled()) {
                workflowNow.makeTasks(DemoDataGenerator.USERS.stream().map(u -> u[0]).toList(), sample, seed, Clocks.system());
            }
            // after the sales data, so the rules act on what people do next, not on the demo's own records; the
            // workflow module is optional to the demo (it lives in the opportunities feature), so its rules are made
            // only when it runs
            workflowNow.makeRules();
        }
        DemoTargets targetsNow = demoTargets;
        if (targetsNow != null && !progress.isCanceled()) {
            try {
                targetsNow.make(LocalDate.now(Clocks.system()));
            } catch (RuntimeException e) {
                // a user who may not set targets still gets the demo records
                org.eclipse.core.runtime.ILog.of(DemoData.class).warn("Demo targets not made: " + e.getMessage());
            }
        }
        DemoApprovals approvalsNow = approvals;
        if (approvalsNow != null && !progress.isCanceled()) {
            approvalsNow.make(sample.stream().map(Customer::getId).toList(), DEMO_APPROVALS);
        }
        DemoContracts demoContracts = contracts;
        if (demoContracts != null && !progress.isCanceled()) {
            demoContracts.make(sample.stream().map(Customer::getId).toList(), DEMO_CONTRACTS, LocalDate.now(Clocks.system()));
        }
        return made;
    }

    /** Two regional teams of the demo users, so reports by team and region have something to show. */
    private void createTeams() {
        for (String[] t : DemoDataGenerator.TEAMS) {
            if (users.teams().stream().noneMatch(team -> team.getName().equals(t[0]))) {
                Team team = new Team(t[0]);
                team.setRegion(t[1]);
                team.setManager(t[2]);
                team.getMembers().addAll(Arrays.asList(t).subList(2, t.length));
                users.createTeam(team);
            }
        }
    }

    private void fillSales(List<Customer> sample, int leads, int deals, long seed, SubMonitor progress) {
        progress.setTaskName(Messages.Demo_sales);
        DemoSales demo = new DemoSales(sales, seed, LocalDate.now(Clocks.system())).chineseOnly(DemoDataGenerator.chineseOnly(java.util.Locale.getDefault())).beforeEachMove(this::tickChecklist);
        List<Product> catalogue = demo.products();
        progress.worked(1);
        List<Pipeline> pipelines = sales.pipelines().pipelines(true);
        if (pipelines.isEmpty()) {
            return; // someone deactivated them all: nowhere to put deals
        }
        // The service calls of a batch join one transaction (UnitOfWork nests): the same rules and
        // history rows, a commit per batch instead of one per move, so the first start stays quick.
        for (int done = 0; done < deals && !progress.isCanceled(); done += SALES_BATCH) {
            int n = Math.min(SALES_BATCH, deals - done);
            unitOfWork.write(em -> demo.opportunities(n, sample, pipelines, catalogue, progress));
        }
        for (int done = 0; done < leads && !progress.isCanceled(); done += SALES_BATCH) {
            int n = Math.min(SALES_BATCH, leads - done);
            unitOfWork.write(em -> demo.leads(n, sample, pipelines.get(0), progress));
        }
    }
}
