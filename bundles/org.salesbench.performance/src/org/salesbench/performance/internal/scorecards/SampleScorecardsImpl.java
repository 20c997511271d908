package org.salesbench.performance.internal.scorecards;

import java.time.Clock;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.security.SecurityService;
import org.salesbench.performance.samples.SampleScorecards;
import org.salesbench.performance.scorecards.ScorecardTemplate;
import org.salesbench.performance.targets.TargetService;
import org.salesbench.persistence.UnitOfWork;

/** The scorecard service's own save and publish, with its clock set to the start of the day before the template's period. */
@Component(service = SampleScorecards.class)
public class SampleScorecardsImpl implements SampleScorecards {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final TargetService targets;

    @Activate
    public SampleScorecardsImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference TargetService targets) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.targets = targets;
    }

    @Override
    public ScorecardTemplate publishBeforePeriod(ScorecardTemplate draft) {
        ZoneId zone = ZoneId.systemDefault();
        Clock dayBefore = Clock.fixed(draft.getValidFrom().minusDays(1).atStartOfDay(zone).toInstant(), zone);
        ScorecardServiceImpl then = new ScorecardServiceImpl(unitOfWork, security, targets, dayBefore);
        return then.publish(then.save(draft).getId());
    }
}
