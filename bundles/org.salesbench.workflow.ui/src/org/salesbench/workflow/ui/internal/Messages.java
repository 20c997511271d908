package org.salesbench.workflow.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The workflow UI's strings, in English and Simplified Chinese. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.ui.internal.messages";

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
