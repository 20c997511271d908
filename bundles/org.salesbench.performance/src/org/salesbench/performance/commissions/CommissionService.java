package org.salesbench.performance.commissions;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.salesbench.performance.kpi.Period;

/**
 * Commission plans, people's targets under them, and statements. A person reads their own statement; another's
 * needs a manager's right (APPROVE on {@code commission} for that person), and on a team server the rows of
 * {@code SB_PERF_COMMISSION_LINE} are protected by row security too.
 */
public interface CommissionService {

    /** Saves a plan: a name, a period, rates from 0 to 1, tiers at rising attainments with multipliers above 0. */
    CommissionPlan savePlan(CommissionPlan plan);

    Optional<CommissionPlan> plan(long planId);

    List<CommissionPlan> plans();

    /** The plan in force on the period's first day, if any. */
    Optional<CommissionPlan> planFor(Period period);

    /** Sets a person's target under a plan (above 0). */
    CommissionQuota setTarget(long planId, String login, BigDecimal target);

    /** The statement as the figures give it now, or the stored one when it was closed. */
    Statement statement(long planId, String login, Period period);

    /** Computes and stores the statement; afterwards it never changes, and what it paid can be clawed back later. */
    Statement close(long planId, String login, Period period);
}
