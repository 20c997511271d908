package org.salesbench.opportunities.ui.internal;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.ui.Services;
import org.salesbench.ui.search.SearchHit;
import org.salesbench.ui.search.SearchResultProvider;

/**
 * Opportunities in the global search, by the start of their name or their customer's; also how other modules
 * (an analytics drill-down) open an opportunity without knowing this module's editor.
 */
public class OpportunitySearchProvider implements SearchResultProvider {

    @Override
    public List<SearchHit> search(String text, int limit) {
        OpportunityFilter filter = new OpportunityFilter(text, null, null, null, null, false, false);
        return Services.get(OpportunityService.class).page(filter, 0, limit).stream()
                .map(r -> new SearchHit(r.name(), Stream.of(r.customerName(), r.stageLabel(), r.owner()).filter(s -> s != null && !s.isBlank())
                        .collect(Collectors.joining(" · ")), r.id()))
                .toList();
    }

    @Override
    public void open(SearchHit hit, IWorkbenchPage page) throws PartInitException {
        OpportunityEditor.open(page, hit.id(), hit.label());
    }
}
