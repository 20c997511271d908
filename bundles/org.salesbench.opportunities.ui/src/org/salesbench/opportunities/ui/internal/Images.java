package org.salesbench.opportunities.ui.internal;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ResourceLocator;

final class Images {

    private Images() {
    }

    static ImageDescriptor descriptor(String path) {
        return ResourceLocator.imageDescriptorFromBundle("org.salesbench.opportunities.ui", path)
                .orElse(ImageDescriptor.getMissingImageDescriptor());
    }
}
