package org.salesbench.core.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.salesbench.core.recyclebin.RecycleBin;
import org.salesbench.core.recyclebin.RecycleBinKind;
import org.salesbench.core.recyclebin.RecycleBinRegistry;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.settings.TeamSettings;
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

    /** The team's settings, where the time a deleted record stays restorable is kept (the users module offers them). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindSettings(TeamSettings settings) {
        bound = settings;
        setSettings(settings);
    }

    void unbindSettings(TeamSettings settings) {
        if (bound == settings) {
            bound = null;
            setSettings(null);
        }
    }

    private volatile TeamSettings bound;
}
