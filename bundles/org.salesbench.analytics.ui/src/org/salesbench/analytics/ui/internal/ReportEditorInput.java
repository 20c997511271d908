package org.salesbench.analytics.ui.internal;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** Which report an editor shows: its id, and its name for the tab. */
public final class ReportEditorInput implements IEditorInput {

    private final String reportId;
    private final String name;

    public ReportEditorInput(String reportId, String name) {
        this.reportId = reportId;
        this.name = name;
    }

    public String reportId() {
        return reportId;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return Images.descriptor(Images.REPORT);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return name;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportEditorInput other && other.reportId.equals(reportId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reportId);
    }
}
