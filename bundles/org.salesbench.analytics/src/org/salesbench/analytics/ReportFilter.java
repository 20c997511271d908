package org.salesbench.analytics;

import java.time.LocalDate;

/**
 * What a report covers; {@code null} means "any".
 *
 * @param from       first day of the period, inclusive
 * @param to         last day of the period, inclusive
 * @param owner      login of one owner
 * @param teamId     one team: the deals and customers of its members
 * @param pipelineId one pipeline
 * @param by         the report's dimension, e.g. {@code owner}, {@code team}, {@code product},
 *                   {@code sector}, {@code region}, {@code month}; {@code null} for the report's default
 */
public record ReportFilter(LocalDate from, LocalDate to, String owner, Long teamId, Long pipelineId, String by) {

    private static final ReportFilter ALL = new ReportFilter(null, null, null, null, null, null);

    /** No limits, the report's default dimension. */
    public static ReportFilter all() {
        return ALL;
    }

    public ReportFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new ReportFilter(newFrom, newTo, owner, teamId, pipelineId, by);
    }

    public ReportFilter withFrom(LocalDate newFrom) {
        return new ReportFilter(newFrom, to, owner, teamId, pipelineId, by);
    }

    public ReportFilter withTo(LocalDate newTo) {
        return new ReportFilter(from, newTo, owner, teamId, pipelineId, by);
    }

    public ReportFilter withOwner(String newOwner) {
        return new ReportFilter(from, to, newOwner, teamId, pipelineId, by);
    }

    public ReportFilter withTeamId(Long newTeamId) {
        return new ReportFilter(from, to, owner, newTeamId, pipelineId, by);
    }

    public ReportFilter withPipelineId(Long newPipelineId) {
        return new ReportFilter(from, to, owner, teamId, newPipelineId, by);
    }

    public ReportFilter withBy(String newBy) {
        return new ReportFilter(from, to, owner, teamId, pipelineId, newBy);
    }
}
