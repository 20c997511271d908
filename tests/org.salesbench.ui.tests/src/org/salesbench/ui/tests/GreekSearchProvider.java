package org.salesbench.ui.tests;

import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.salesbench.ui.search.SearchHit;
import org.salesbench.ui.search.SearchResultProvider;

public class GreekSearchProvider implements SearchResultProvider {

    static long opened = -1;

    @Override
    public List<SearchHit> search(String text, int limit) {
        return List.of("alpha", "beta", "zeta", "eta").stream().filter(s -> s.contains(text))
                .map(s -> new SearchHit(s, "a Greek letter", s.length())).toList();
    }

    @Override
    public void open(SearchHit hit, IWorkbenchPage page) {
        opened = hit.id();
    }
}
