package org.salesbench.cli.internal.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.internal.Messages;
import org.salesbench.opportunities.LeadFilter;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;

/**
 * The {@code --filter} of {@code export leads} and {@code export opportunities}, in the form the customers' takes:
 * {@code key=value} terms separated by commas, alternatives by {@code |}; a term without {@code =} is search text,
 * so {@code --filter 华为} finds what the list view's search box finds.
 */
final class ListFilters {

    static final String LEAD_KEYS = "text, status, owner, source, duplicates";
    static final String OPPORTUNITY_KEYS = "text, pipeline, stage, state, owner, quarter, overdue";

    private ListFilters() {
    }

    /** A term of a filter: the key in lower case ({@code text} for bare search text) and its value. */
    private record Term(String key, String value) {
    }

    private static List<Term> terms(String text) {
        List<Term> terms = new ArrayList<>();
        String search = null;
        for (String term : text.split(",")) {
            int equals = term.indexOf('=');
            if (equals < 0) {
                search = search == null ? term.strip() : search + "," + term;
            } else {
                terms.add(new Term(term.substring(0, equals).strip().toLowerCase(Locale.ROOT), term.substring(equals + 1).strip()));
            }
        }
        if (search != null) {
            terms.add(new Term("text", search));
        }
        return terms;
    }

    private static boolean yes(String value) {
        return Boolean.parseBoolean(value) || value.equals("1") || value.equalsIgnoreCase("yes");
    }

    private static <E extends Enum<E>> Set<E> choices(Class<E> type, String key, String value, Set<E> allowed) throws CommandException {
        Set<E> chosen = new HashSet<>();
        for (String s : value.split("\\|")) {
            E found = allowed.stream().filter(e -> e.name().equalsIgnoreCase(s.strip())).findFirst().orElse(null);
            if (found == null) {
                throw CommandException.usage(NLS.bind(Messages.Usage_badChoice, new Object[] { key, s,
                        String.join(", ", allowed.stream().map(Enum::name).toList()) }));
            }
            chosen.add(found);
        }
        return chosen;
    }

    /** {@code text=…,status=NEW|WORKING,owner=LOGIN,source=CODE,duplicates=true}. */
    static LeadFilter leads(String text) throws CommandException {
        String search = null;
        Set<LeadStatus> statuses = new HashSet<>();
        String owner = null;
        String source = null;
        boolean duplicates = false;
        for (Term t : terms(text)) {
            switch (t.key()) {
            case "text" -> search = t.value();
            case "status" -> statuses.addAll(choices(LeadStatus.class, "status", t.value(), Set.of(LeadStatus.values())));
            case "owner" -> owner = t.value();
            case "source" -> source = t.value();
            case "duplicates" -> duplicates = yes(t.value());
            default -> throw CommandException.usage(NLS.bind(Messages.Export_badFilter, t.key(), LEAD_KEYS));
            }
        }
        return new LeadFilter(search, statuses, owner, duplicates, source);
    }

    /**
     * {@code text=…,pipeline=NAME,stage=NAME,state=OPEN|WON|LOST,owner=LOGIN|LOGIN,quarter=true,overdue=true}. A pipeline
     * or stage is named by its stored name or its label (ignoring case); a stage without a pipeline is looked for in
     * every active pipeline.
     */
    static OpportunityFilter opportunities(String text, CommandContext context) throws CommandException {
        String search = null;
        String pipelineName = null;
        String stageName = null;
        Set<StageKind> states = new HashSet<>();
        Set<String> owners = new HashSet<>();
        boolean quarter = false;
        boolean overdue = false;
        for (Term t : terms(text)) {
            switch (t.key()) {
            case "text" -> search = t.value();
            case "pipeline" -> pipelineName = t.value();
            case "stage" -> stageName = t.value();
            case "state" -> states.addAll(choices(StageKind.class, "state", t.value(), Set.of(StageKind.values())));
            case "owner" -> owners.addAll(Arrays.stream(t.value().split("\\|")).map(String::strip).filter(o -> !o.isEmpty()).toList());
            case "quarter" -> quarter = yes(t.value());
            case "overdue" -> overdue = yes(t.value());
            default -> throw CommandException.usage(NLS.bind(Messages.Export_badFilter, t.key(), OPPORTUNITY_KEYS));
            }
        }
        Long pipelineId = null;
        Set<Long> stageIds = new HashSet<>();
        if (pipelineName != null || stageName != null) {
            List<Pipeline> active = context.service(PipelineService.class).pipelines(true);
            List<Pipeline> pipelines = active;
            if (pipelineName != null) {
                String name = pipelineName;
                Pipeline pipeline = active.stream().filter(p -> p.getName().equalsIgnoreCase(name) || p.getLabel().equalsIgnoreCase(name))
                        .findFirst().orElseThrow(() -> CommandException.usage(NLS.bind(Messages.Usage_badChoice, new Object[] { "pipeline",
                                name, String.join(", ", active.stream().map(Pipeline::getName).toList()) })));
                pipelineId = pipeline.getId();
                pipelines = List.of(pipeline);
            }
            if (stageName != null) {
                List<Pipeline> searched = pipelines;
                for (Pipeline p : searched) {
                    for (Stage s : p.getStages()) {
                        if (s.getName().equalsIgnoreCase(stageName) || s.getLabel().equalsIgnoreCase(stageName)) {
                            stageIds.add(s.getId());
                        }
                    }
                }
                if (stageIds.isEmpty()) {
                    throw CommandException.usage(NLS.bind(Messages.Usage_badChoice, new Object[] { "stage", stageName,
                            String.join(", ", searched.stream().flatMap(p -> p.getStages().stream()).map(Stage::getName).distinct().toList()) }));
                }
            }
        }
        return new OpportunityFilter(search, pipelineId, stageIds, states, owners, quarter, overdue);
    }
}
