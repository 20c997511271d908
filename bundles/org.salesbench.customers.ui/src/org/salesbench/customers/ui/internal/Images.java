package org.salesbench.customers.ui.internal;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ResourceLocator;

final class Images {

    private Images() {
    }

    static ImageDescriptor descriptor(String path) {
        return ResourceLocator.imageDescriptorFromBundle("org.salesbench.customers.ui", path).orElse(ImageDescriptor.getMissingImageDescriptor());
    }
}
