package org.salesbench.ui.tests;

import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.salesbench.ui.search.SearchHit;
import org.salesbench.ui.search.SearchResultProvider;

public class BrokenSearchProvider implements SearchResultProvider {

    @Override
    public List<SearchHit> search(String text, int limit) {
        throw new IllegalStateException("a broken add-on");
    }

    @Override
    public void open(SearchHit hit, IWorkbenchPage page) {
        throw new IllegalStateException("never opened");
    }
}
