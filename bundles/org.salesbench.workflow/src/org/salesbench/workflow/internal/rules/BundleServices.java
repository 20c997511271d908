package org.salesbench.workflow.internal.rules;

import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.salesbench.workflow.rules.RuleServices;

/** The services contributions call, looked up in the OSGi registry when they ask (so optional ones, like approvals, may come later). */
final class BundleServices implements RuleServices {

    private final BundleContext context;

    BundleServices(BundleContext context) {
        this.context = context;
    }

    @Override
    public <S> S get(Class<S> type) {
        ServiceReference<S> reference = context.getServiceReference(type);
        S service = reference == null ? null : context.getService(reference);
        if (service == null) {
            throw new IllegalStateException(NLS.bind(Messages.Engine_noService, type.getSimpleName()));
        }
        return service;
    }
}
