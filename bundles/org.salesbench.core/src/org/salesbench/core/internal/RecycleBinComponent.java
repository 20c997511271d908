package org.salesbench.core.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.salesbench.core.recyclebin.RecycleBin;
import org.salesbench.core.recyclebin.RecycleBinKind;
import org.salesbench.core.recyclebin.RecycleBinRegistry;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;

/** The recycle bin of the running product: every {@link RecycleBinKind} service the installed modules register. */
@Component(service = RecycleBin.class)
public class RecycleBinComponent extends RecycleBinRegistry {

    @Activate
    public RecycleBinComponent(@Reference SecurityService security) {
        super(security, Clocks.system());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addKind(RecycleBinKind kind) {
        add(kind);
    }

    void removeKind(RecycleBinKind kind) {
        remove(kind);
    }
}
