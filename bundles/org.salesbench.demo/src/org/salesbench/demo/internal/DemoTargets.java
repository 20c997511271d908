package org.salesbench.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.security.SecurityService;
import org.salesbench.performance.commissions.CommissionBasis;
import org.salesbench.performance.commissions.CommissionPlan;
import org.salesbench.performance.commissions.CommissionService;
import org.salesbench.performance.commissions.Statement;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.scorecards.Curve;
import org.salesbench.performance.samples.SampleScorecards;
import org.salesbench.performance.scorecards.ScorecardService;
import org.salesbench.performance.scorecards.ScorecardTemplate;
import org.salesbench.performance.targets.SplitMethod;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.SubjectKind;
import org.salesbench.performance.targets.Target;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.performance.targets.TargetService;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * The demo's performance data for this year, when the performance module is installed (this component starts only
 * with its services; the demo bundle needs performance optionally):
 * <ul>
 * <li>the company's won revenue target split equally to the teams, each team's to its people and each person's to
 * the months, and each person's quarters set to the sum of their months (what a quarter's revenue attainment reads);
 * the signed-in local owner (who is in no demo team) gets a person's target too, the average of the demo people's, so
 * My Performance shows something on a first start;</li>
 * <li>a scorecard for the running quarter, published the day before the quarter began (as the criteria are published
 * in advance), with an assessment for every demo person and the local owner;</li>
 * <li>a commission plan on won deals for the year with a quarter's quota per person, so every person's statement of the
 * quarter can be shown.</li>
 * </ul>
 * Setting targets again replaces the values, and a scorecard or plan already there is reused, so a refill after a
 * reset makes the same data.
 */
@Component(service = DemoTargets.class)
public class DemoTargets {

    /** The company's won revenue target of the year, CNY. */
    public static final BigDecimal COMPANY_TARGET = new BigDecimal("36000000");

    private final TargetService targets;
    private final ScorecardService scorecards;
    private final CommissionService commissions;
    private final UserService users;
    private final SampleScorecards samples;
    private final SecurityService security;

    @Activate
    public DemoTargets(@Reference TargetService targets, @Reference ScorecardService scorecards, @Reference CommissionService commissions,
            @Reference UserService users, @Reference SampleScorecards samples, @Reference SecurityService security) {
        this.targets = targets;
        this.scorecards = scorecards;
        this.commissions = commissions;
        this.users = users;
        this.samples = samples;
        this.security = security;
    }

    /** The quarter {@code day} falls in. */
    public static Period quarterOf(LocalDate day) {
        LocalDate from = LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
        return new Period(from, from.plusMonths(3).minusDays(1));
    }

    public void make(LocalDate today) {
        TargetPeriod year = TargetPeriod.year(today.getYear());
        String reason = Messages.DemoTargets_reason;
        Target company = targets.set("won_revenue", Subject.company(), year, COMPANY_TARGET, reason);
        List<Target> people = new ArrayList<>();
        for (Target team : targets.splitToSubjects(company.getId(), SplitMethod.EQUAL, null, reason)) {
            for (Target person : targets.splitToSubjects(team.getId(), SplitMethod.EQUAL, null, reason)) {
                quarters(person, targets.splitToMonths(person.getId(), SplitMethod.EQUAL, null, reason), reason);
                people.add(person);
            }
        }
        List<String> logins = new ArrayList<>(people.stream().map(Target::getSubject).filter(s -> s.kind() == SubjectKind.PERSON).map(Subject::key).toList());
        BigDecimal personTarget = people.isEmpty() ? COMPANY_TARGET
                : COMPANY_TARGET.divide(BigDecimal.valueOf(people.size()), 2, RoundingMode.HALF_EVEN);
        String owner = security.currentUser().login();
        if (logins.stream().noneMatch(owner::equalsIgnoreCase)) {
            if (users.findUser(owner).isEmpty()) {
                users.createUser(new User(owner, owner));
            }
            Target own = targets.set("won_revenue", Subject.person(owner), year, personTarget, reason);
            quarters(own, targets.splitToMonths(own.getId(), SplitMethod.EQUAL, null, reason), reason);
            logins.add(owner);
        }
        Period quarter = quarterOf(today);
        // the plan first: a scorecard refused (another one published for an overlapping period) leaves it made
        plan(today, quarter, logins, personTarget.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_EVEN));
        scorecard(quarter, today, logins);
    }

    /**
     * The person's four quarters, each the sum of its months' parts: revenue attainment in a quarter's scorecard reads
     * a target set for exactly that quarter (not a share of the year's), so without them its line measures nothing and
     * scores 0 for everyone.
     */
    private void quarters(Target year, List<Target> months, String reason) {
        for (int q = 1; q <= 4; q++) {
            TargetPeriod quarter = TargetPeriod.quarter(year.getPeriod().year(), q);
            BigDecimal sum = months.stream().filter(m -> quarter.contains(m.getPeriod())).map(Target::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            targets.set("won_revenue", year.getSubject(), quarter, sum, reason);
        }
    }

    private void scorecard(Period quarter, LocalDate today, List<String> logins) {
        Optional<ScorecardTemplate> published = scorecards.publishedFor(quarter);
        ScorecardTemplate template;
        if (published.isPresent()) {
            template = published.get();
        } else {
            ScorecardTemplate draft = new ScorecardTemplate(Messages.DemoTargets_scorecard, quarter.from(), quarter.to());
            // revenue 60 % (against each person's published won revenue target), the rest process measures
            draft.addLine("revenue_attainment", new BigDecimal("60"), Curve.CAPPED, null, new BigDecimal("100")).setCapAndSteps(new BigDecimal("120"), null);
            draft.addLine("activities", new BigDecimal("15"), Curve.LINEAR, null, new BigDecimal("10")).setParameter("VISIT");
            draft.addLine("follow_up_timeliness", new BigDecimal("15"), Curve.STEPPED, null, null).setCapAndSteps(null, "60=50;80=80;90=100");
            draft.addLine("new_customers", new BigDecimal("10"), Curve.CAPPED, null, new BigDecimal("5")).setCapAndSteps(new BigDecimal("100"), null);
            // published the day before the quarter began: the criteria are published in advance, and the demo's
            // history starts before today
            template = samples.publishBeforePeriod(draft);
        }
        long templateId = template.getId();
        List<String> assessed = scorecards.assessments(quarter).stream().filter(a -> a.getTemplateId() == templateId)
                .map(a -> a.getLogin().toLowerCase()).toList();
        List<String> missing = logins.stream().filter(l -> !assessed.contains(l.toLowerCase())).toList();
        if (!missing.isEmpty()) {
            scorecards.runAssessments(templateId, quarter, missing);
        }
    }

    private void plan(LocalDate today, Period quarter, List<String> logins, BigDecimal quarterQuota) {
        CommissionPlan plan = commissions.planFor(quarter).orElseGet(() -> commissions.savePlan(new CommissionPlan(Messages.DemoTargets_plan,
                CommissionBasis.WON, new BigDecimal("0.03"), LocalDate.of(today.getYear(), 1, 1), LocalDate.of(today.getYear(), 12, 31))
                .tier(new BigDecimal("100"), new BigDecimal("1.5"))));
        for (String login : logins) {
            commissions.setTarget(plan.getId(), login, quarterQuota);
        }
    }

    /** Each demo person's statement of the quarter, as My Commission Statement shows it. */
    public List<Statement> statements(LocalDate today, List<String> logins) {
        Period quarter = quarterOf(today);
        return commissions.planFor(quarter).map(p -> logins.stream().map(l -> commissions.statement(p.getId(), l, quarter)).toList())
                .orElse(List.of());
    }
}
