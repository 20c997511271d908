package org.salesbench.opportunities.ui.internal;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** Which opportunity an editor shows: its id (and its name, for the tab before it loads). */
public final class OpportunityEditorInput implements IEditorInput {

    private final long id;
    private String name;

    public OpportunityEditorInput(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public long id() {
        return id;
    }

    void setName(String name) {
        this.name = name;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return Images.descriptor("icons/opportunity.png");
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
        return o instanceof OpportunityEditorInput other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }
}
