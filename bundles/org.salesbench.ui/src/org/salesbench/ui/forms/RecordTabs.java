package org.salesbench.ui.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.ui.internal.RecordPages;

/**
 * The tabs every dialog that shows one record adds after its own: what {@code org.salesbench.ui.recordPages} contributes
 * to the record editors (the audit trail's History), made by {@link RecordPageFactory#createTab}. The one way a
 * dialog gets them, as {@link EntityFormEditor#recordEntity()} is the one way an editor does.
 */
public final class RecordTabs {

    private RecordTabs() {
    }

    /**
     * Adds the contributed tabs to {@code folder}, after the tabs already in it; a contribution that fails is logged
     * with its id and left out.
     *
     * @param entity   the shown record's entity name, e.g. {@code quote}
     * @param recordId the record's id, asked when a tab needs it; 0 or less while the record is not saved
     * @return the tabs added, in their contributed order
     */
    public static List<TabItem> add(TabFolder folder, String entity, LongSupplier recordId) {
        List<TabItem> added = new ArrayList<>();
        for (RecordPages.Descriptor d : RecordPages.all()) {
            Control control = d.factory().get()
                    .map(f -> LazyContribution.safeCall(d.id(), () -> f.createTab(folder, entity, recordId), (Control) null))
                    .orElse(null);
            if (control != null) {
                TabItem item = new TabItem(folder, SWT.NONE);
                item.setText(d.label());
                item.setControl(control);
                item.setData(d.id());
                added.add(item);
            }
        }
        return added;
    }
}
