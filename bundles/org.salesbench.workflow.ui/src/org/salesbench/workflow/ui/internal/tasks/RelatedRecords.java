package org.salesbench.workflow.ui.internal.tasks;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.ui.Services;
import org.salesbench.ui.search.SearchHit;
import org.salesbench.ui.search.SearchProviders;
import org.salesbench.ui.search.SearchResultProvider;
import org.salesbench.workflow.RecordRef;

/**
 * The records tasks are about: their names, read through the owning module's API and remembered while a list lives,
 * and their editors, opened through the module's global search provider (the public way a module opens its own
 * records by id), so the tasks UI needs no module's internals.
 */
final class RelatedRecords {

    /** The search provider of each kind of record that has an editor. */
    private static final Map<String, String> PROVIDERS = Map.of(
            Customer.ENTITY, "org.salesbench.customers.ui.search", //$NON-NLS-1$
            Opportunity.ENTITY, "org.salesbench.opportunities.ui.search"); //$NON-NLS-1$

    private final Map<RecordRef, String> names = new ConcurrentHashMap<>();

    /** The record's name, or its kind and id where its module gives no name cheaply; "" for none. Off the UI thread. */
    String label(RecordRef record) {
        return record == null ? "" : names.computeIfAbsent(record, r -> name(r).orElseGet(() -> kindAndId(r)));
    }

    /** Forgets the names read (a renamed customer shows its new name after a refresh). */
    void forget() {
        names.clear();
    }

    static String kindAndId(RecordRef record) {
        return NLS.bind(Messages.Related_typeAndId, TaskLabels.entity(record.entity()), record.id());
    }

    private static Optional<String> name(RecordRef record) {
        try {
            return nameFromModule(record);
        } catch (RuntimeException e) {
            return Optional.empty(); // a record the user may not read, or its module gone: its kind and id will do
        }
    }

    private static Optional<String> nameFromModule(RecordRef record) {
        return switch (record.entity()) {
            case Customer.ENTITY -> Services.find(CustomerService.class).flatMap(s -> s.find(record.id())).map(Customer::getName);
            case Opportunity.ENTITY -> Services.find(OpportunityService.class).flatMap(s -> s.find(record.id())).map(Opportunity::getName);
            default -> Optional.empty();
        };
    }

    static boolean canOpen(RecordRef record) {
        return record != null && provider(record.entity()).isPresent();
    }

    /** Opens the record's editor; a kind no module opens, or a failure, is told in a dialog. */
    static void open(Shell shell, IWorkbenchPage page, RecordRef record, String label) {
        Optional<SearchResultProvider> provider = provider(record.entity());
        if (provider.isEmpty()) {
            MessageDialog.openInformation(shell, Messages.Error_title, NLS.bind(Messages.Related_noEditor, TaskLabels.entity(record.entity())));
            return;
        }
        try {
            provider.get().open(new SearchHit(label, null, record.id()), page);
        } catch (PartInitException | RuntimeException e) {
            MessageDialog.openError(shell, Messages.Error_title, NLS.bind(Messages.Related_openFailed, label, e.getMessage()));
        }
    }

    private static Optional<SearchResultProvider> provider(String entity) {
        return Optional.ofNullable(PROVIDERS.get(entity)).flatMap(SearchProviders::byId);
    }
}
