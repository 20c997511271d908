package org.salesbench.ui.search;

import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

/**
 * Finds records of one kind for the global search box and opens the one the user picks.
 * Contributed through {@code org.salesbench.ui.searchProviders}.
 */
public interface SearchResultProvider {

    /** Called in a background job, never on the UI thread: may query the database. */
    List<SearchHit> search(String text, int limit);

    /** Called on the UI thread when the user picks {@code hit}: typically opens an editor. */
    void open(SearchHit hit, IWorkbenchPage page) throws PartInitException;
}
