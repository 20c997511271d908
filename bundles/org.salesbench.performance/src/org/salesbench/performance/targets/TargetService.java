package org.salesbench.performance.targets;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Targets and their breakdown. An OSGi service. Every change of a value is kept as a {@link TargetRevision} with who
 * and why. Bad input is refused with a {@link org.salesbench.core.validation.ValidationException} naming the field,
 * and nothing is written: a negative value, a metric that is not in the analytics catalogue or is not a sum (money
 * or a count), a second target of one kind for one subject, metric and period, a person who is not an active user,
 * a team that does not exist, parts that do not add up to their whole.
 */
public interface TargetService {

    /**
     * Creates the target of {@code subject} for {@code metric} in {@code period}; refused when the subject has one of
     * that kind for that metric and period already (periods of one kind may not overlap).
     *
     * @param reason why, kept with the change; required
     */
    Target create(String metric, Subject subject, TargetPeriod period, BigDecimal value, String reason);

    /** Changes a target's value; {@code reason} is kept with the change. */
    Target update(long targetId, BigDecimal value, String reason);

    /**
     * Writes the cells of a grid together (a manager typing months' targets), with one reason, all or nothing: a cell
     * whose target changed or was deleted since the user saw it, or that has a target now where there was none, is
     * refused with a {@link org.salesbench.persistence.ConcurrentChangeException}; a bad value with a
     * {@link org.salesbench.core.validation.ValidationException} whose field names the cell ({@code cells[2].value}).
     * Nothing is written then.
     */
    List<Target> saveCells(String metric, List<TargetCell> cells, String reason);

    /** Creates the target, or changes the value of the one there is (what an import does). */
    Target set(String metric, Subject subject, TargetPeriod period, BigDecimal value, String reason);

    Optional<Target> find(long id);

    Optional<Target> find(String metric, Subject subject, TargetPeriod period);

    /** The targets the current user may read, optionally of one metric and within one period, in period and subject order. */
    List<Target> list(String metric, TargetPeriod within);

    /**
     * Splits a target to the subjects one level down: the company's to every team, a team's to its members. Each part
     * is created or its value replaced; the parts add up to the whole to the cent (to the unit for a count).
     *
     * @param byHand the parts, for {@link SplitMethod#BY_HAND}; they must add up to the whole
     * @return the parts, in subject order
     */
    List<Target> splitToSubjects(long targetId, SplitMethod method, Map<Subject, BigDecimal> byHand, String reason);

    /**
     * Splits a year's, half's or quarter's target to its months (same subject and metric), like {@link #splitToSubjects}.
     */
    List<Target> splitToMonths(long targetId, SplitMethod method, Map<TargetPeriod, BigDecimal> byHand, String reason);

    /** The parts split from a target, in subject then period order. */
    List<Target> parts(long targetId);

    /**
     * What is wrong with a target's breakdown: one message per way it fails to add up (its parts by subject, its parts
     * by month); empty when it adds up or has no parts.
     */
    List<String> check(long targetId);

    /** The changes of a target's value, oldest first. */
    List<TargetRevision> history(long targetId);

    /** Deletes a target and the parts split from it. */
    void delete(long targetId, String reason);
}
