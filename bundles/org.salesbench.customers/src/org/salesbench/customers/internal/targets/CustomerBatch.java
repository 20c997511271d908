package org.salesbench.customers.internal.targets;

import java.util.List;

import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.imports.CustomerReference;
import org.salesbench.customers.internal.search.CustomerSearch;

/** {@link CustomerReference#batches}: {@link CustomerRefs} for another module's bulk load, without the update check. */
public final class CustomerBatch {

    private CustomerBatch() {
    }

    public static CustomerReference.Batches of(SecurityService security, CustomerSearch search) {
        CustomerRefs refs = new CustomerRefs(security, search, false);
        return (connection, rows) -> {
            List<Object> found = refs.resolve(connection, rows);
            found.replaceAll(f -> f instanceof CustomerRefs.Ref r ? new CustomerReference.Found(r.id(), r.name(), r.owner(), r.industry()) : f);
            return found;
        };
    }
}
