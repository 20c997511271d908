package org.salesbench.analytics.output.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.eclipse.osgi.util.NLS;
import org.salesbench.analytics.ReportFilter;

/** The filter of a result in one line for people ("Period: 2026-01-01 to 2026-03-31 · Owner: li.wei · By: month"). */
public final class FilterLine {

    private FilterLine() {
    }

    /**
     * @param teamName     a team's name by id (the id itself when it is unknown)
     * @param pipelineName a pipeline's name by id
     */
    public static String describe(ReportFilter filter, LongFunction<String> teamName, LongFunction<String> pipelineName) {
        List<String> parts = new ArrayList<>();
        if (filter.from() != null && filter.to() != null) {
            parts.add(NLS.bind(Messages.Filter_period, filter.from(), filter.to()));
        } else if (filter.from() != null) {
            parts.add(NLS.bind(Messages.Filter_since, filter.from()));
        } else if (filter.to() != null) {
            parts.add(NLS.bind(Messages.Filter_until, filter.to()));
        } else {
            parts.add(Messages.Filter_allTime);
        }
        if (filter.owner() != null) {
            parts.add(NLS.bind(Messages.Filter_owner, filter.owner()));
        }
        if (filter.teamId() != null) {
            parts.add(NLS.bind(Messages.Filter_team, teamName.apply(filter.teamId())));
        }
        if (filter.pipelineId() != null) {
            parts.add(NLS.bind(Messages.Filter_pipeline, pipelineName.apply(filter.pipelineId())));
        }
        if (filter.by() != null) {
            parts.add(NLS.bind(Messages.Filter_by, filter.by()));
        }
        return String.join(Messages.Filter_separator, parts);
    }
}
