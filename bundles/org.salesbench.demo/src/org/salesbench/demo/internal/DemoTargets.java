package org.salesbench.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.performance.targets.SplitMethod;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.Target;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.performance.targets.TargetService;

/**
 * The demo's targets for this year, when the performance module is installed (this component starts only with its
 * {@link TargetService}; the demo bundle needs performance optionally): the company's won revenue target split equally
 * to the teams, each team's to its people and each person's to the months, so the Targets view and My Performance
 * have something to show. Setting again replaces the values, so a refill after a reset makes the same targets.
 */
@Component(service = DemoTargets.class)
public class DemoTargets {

    /** The company's won revenue target of the year, CNY. */
    public static final BigDecimal COMPANY_TARGET = new BigDecimal("36000000");

    private final TargetService targets;

    @Activate
    public DemoTargets(@Reference TargetService targets) {
        this.targets = targets;
    }

    public void make(LocalDate today) {
        TargetPeriod year = TargetPeriod.year(today.getYear());
        Target company = targets.set("won_revenue", Subject.company(), year, COMPANY_TARGET, Messages.DemoTargets_reason);
        for (Target team : targets.splitToSubjects(company.getId(), SplitMethod.EQUAL, null, Messages.DemoTargets_reason)) {
            for (Target person : targets.splitToSubjects(team.getId(), SplitMethod.EQUAL, null, Messages.DemoTargets_reason)) {
                targets.splitToMonths(person.getId(), SplitMethod.EQUAL, null, Messages.DemoTargets_reason);
            }
        }
    }
}
