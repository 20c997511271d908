package org.salesbench.analytics.ui.internal;

import org.salesbench.ui.forms.KeyedEditorInput;

/** Which report an editor shows: its id, and its name for the tab. */
public final class ReportEditorInput extends KeyedEditorInput {

    private final String reportId;

    public ReportEditorInput(String reportId, String name) {
        super(reportId, name, Images.descriptor(Images.REPORT));
        this.reportId = reportId;
    }

    public String reportId() {
        return reportId;
    }
}
