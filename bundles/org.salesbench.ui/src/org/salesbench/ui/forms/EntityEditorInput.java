package org.salesbench.ui.forms;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * Which record an editor shows: its id, and its name for the tab before it loads. Two inputs of the same
 * kind and id are equal, so opening a record twice brings its editor forward.
 */
public abstract class EntityEditorInput implements IEditorInput {

    private final long id;
    private final ImageDescriptor image;
    private String name;

    protected EntityEditorInput(long id, String name, ImageDescriptor image) {
        this.id = id;
        this.name = name;
        this.image = image;
    }

    public long id() {
        return id;
    }

    /** After a save renamed the record. */
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return image;
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
        return o != null && o.getClass() == getClass() && ((EntityEditorInput) o).id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), id);
    }
}
