package org.salesbench.analytics.ui.internal;

import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.ui.search.SearchHit;
import org.salesbench.ui.search.SearchResultProvider;

/**
 * Opens the record behind a drill-down row in its module's editor, through the module's global search provider
 * (public API: it knows how to open its own records), so analytics needs no module's internals. A kind whose module
 * contributes no provider is reported, not an error.
 */
final class RecordOpener {

    private static final String SEARCH_PROVIDERS = "org.salesbench.ui.searchProviders"; //$NON-NLS-1$
    /** The search provider ids of the modules, by drill record entity. */
    private static final Map<String, String> PROVIDERS = Map.of(
            "customer", "org.salesbench.customers.ui.search", //$NON-NLS-1$ //$NON-NLS-2$
            "opportunity", "org.salesbench.opportunities.ui.search", //$NON-NLS-1$ //$NON-NLS-2$
            "activity", "org.salesbench.customers.ui.search.activities"); //$NON-NLS-1$ //$NON-NLS-2$

    private RecordOpener() {
    }

    static boolean canOpen(String entity) {
        return provider(entity).isPresent();
    }

    static void open(Shell shell, IWorkbenchPage page, DrillRecord record) {
        Optional<SearchResultProvider> provider = provider(record.entity());
        if (provider.isEmpty()) {
            MessageDialog.openInformation(shell, Messages.Drill_title, NLS.bind(Messages.Drill_noEditor, record.label()));
            return;
        }
        try {
            provider.get().open(new SearchHit(record.label(), null, record.id()), page);
        } catch (PartInitException | RuntimeException e) {
            MessageDialog.openError(shell, Messages.Drill_title, NLS.bind(Messages.Drill_openFailed, record.label(), e.getMessage()));
        }
    }

    private static Optional<SearchResultProvider> provider(String entity) {
        String id = PROVIDERS.get(entity);
        if (id == null) {
            return Optional.empty();
        }
        for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor(SEARCH_PROVIDERS)) {
            if (id.equals(element.getAttribute("id"))) { //$NON-NLS-1$
                return new LazyContribution<>(element, "class", SearchResultProvider.class).get(); //$NON-NLS-1$
            }
        }
        return Optional.empty();
    }
}
