package org.salesbench.analytics.ui.internal;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ResourceLocator;

/** This bundle's icons. */
final class Images {

    static final String DASHBOARD = "icons/dashboard.png"; //$NON-NLS-1$
    static final String REPORT = "icons/report.png"; //$NON-NLS-1$
    static final String METRIC = "icons/metric.png"; //$NON-NLS-1$

    private Images() {
    }

    static ImageDescriptor descriptor(String path) {
        return ResourceLocator.imageDescriptorFromBundle(Images.class, path).orElse(ImageDescriptor.getMissingImageDescriptor());
    }
}
