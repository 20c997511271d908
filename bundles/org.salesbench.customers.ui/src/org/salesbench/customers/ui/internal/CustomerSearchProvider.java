package org.salesbench.customers.ui.internal;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerSort;
import org.salesbench.ui.Services;
import org.salesbench.ui.search.SearchHit;
import org.salesbench.ui.search.SearchResultProvider;

/** Customers in the global search: by name, short name, contact, phone, e-mail or tag. */
public class CustomerSearchProvider implements SearchResultProvider {

    @Override
    public List<SearchHit> search(String text, int limit) {
        return Services.get(CustomerService.class).page(CustomerFilter.text(text), CustomerSort.DEFAULT, 0, limit).stream()
                .map(r -> new SearchHit(r.name(), Stream.of(Industries.label(r.industry()), r.region(), r.owner()).filter(s -> s != null && !s.isBlank())
                        .collect(Collectors.joining(" · ")), r.id()))
                .toList();
    }

    @Override
    public void open(SearchHit hit, IWorkbenchPage page) throws PartInitException {
        CustomerEditor.open(page, hit.id(), hit.label());
    }
}
