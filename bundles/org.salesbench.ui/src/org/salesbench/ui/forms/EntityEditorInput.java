package org.salesbench.ui.forms;

import org.eclipse.jface.resource.ImageDescriptor;

/**
 * Which record an editor shows: its id, and its name for the tab before it loads. Two inputs of the same
 * kind and id are equal, so opening a record twice brings its editor forward.
 */
public abstract class EntityEditorInput extends KeyedEditorInput {

    private final long id;

    protected EntityEditorInput(long id, String name, ImageDescriptor image) {
        super(id, name, image);
        this.id = id;
    }

    public long id() {
        return id;
    }

    /** The kind of record, for inputs of records that can be shared; {@code null} (the default) for others. */
    protected String sharedEntity() {
        return null;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == SharedRecord.class && sharedEntity() != null) {
            return adapter.cast(new SharedRecord(sharedEntity(), id, getName()));
        }
        return super.getAdapter(adapter);
    }
}
