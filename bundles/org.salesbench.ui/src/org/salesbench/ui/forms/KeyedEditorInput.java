package org.salesbench.ui.forms;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * What an editor shows, named by a key (a record's id, a report's id) and by a name for the tab before it loads.
 * Two inputs of the same kind and key are equal, so opening the same thing twice brings its editor forward.
 */
public abstract class KeyedEditorInput implements IEditorInput {

    private final Object key;
    private final ImageDescriptor image;
    private String name;

    protected KeyedEditorInput(Object key, String name, ImageDescriptor image) {
        this.key = Objects.requireNonNull(key);
        this.name = name;
        this.image = image;
    }

    /** After a save renamed what the editor shows. */
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
        return o != null && o.getClass() == getClass() && ((KeyedEditorInput) o).key.equals(key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), key);
    }
}
