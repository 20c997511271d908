package org.salesbench.ui.forms;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.operations.UndoRedoActionGroup;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.salesbench.core.events.EventTopics;
import org.salesbench.core.io.SpreadsheetText;

/**
 * The frame of a module's list view: a search box and filter bar over a table, and a filter of type {@code F} that
 * commands such as Export… read through {@link #getAdapter}. The Edit menu's Copy, Select All and Refresh (and
 * their keys) work on every such list, Undo and Redo on the workbench's {@link Undo} history. Typing and bursts of change events (posted after each
 * commit) are coalesced into one query; a pending filter change is never lost to a refresh an event asks for.
 *
 * @param <F> the model's filter record of the list
 */
public abstract class FilteredListView<F> extends ViewPart implements ListCommands {

    private static final int TYPING_DELAY_MS = 300;

    private final Class<F> filterType;
    /** The filter the list shows; subclasses set it in {@link #applyFilter}. */
    protected F filter;
    /** Created by the subclass in its filter bar. */
    protected Text searchText;
    /** Created by the subclass; a virtual table over the list. */
    protected Table table;
    private ServiceRegistration<EventHandler> eventRegistration;
    private Runnable pendingRefresh;
    private boolean pendingFilter;
    private Consumer<String> errorReporter = this::showError;
    private UndoRedoActionGroup undoRedo;

    protected FilteredListView(Class<F> filterType, F initialFilter) {
        this.filterType = filterType;
        this.filter = initialFilter;
    }

    @Override
    public void init(IViewSite site) throws PartInitException {
        super.init(site);
        undoRedo = new UndoRedoActionGroup(site, Undo.context(), true);
        undoRedo.fillActionBars(site.getActionBars());
    }

    /** Reads the filter bar into {@link #filter} and refreshes. */
    protected abstract void applyFilter();

    /** Reads the list again for the current filter. */
    public abstract void refresh();

    /** The title of the dialog that reports a failed read or action. */
    protected abstract String errorTitle();

    /** Refreshes the list (after a pause) whenever a record of {@code entity} is created, changed or deleted. */
    protected void listenForChanges(String entity) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, EventTopics.allOf(entity));
        Display display = Display.getCurrent();
        eventRegistration = FrameworkUtil.getBundle(getClass()).getBundleContext().registerService(EventHandler.class,
                event -> display.asyncExec(() -> {
                    if (!listControl().isDisposed()) {
                        later(false);
                    }
                }), properties);
    }

    /** Applies the filter bar after a short pause, so typing costs one query. */
    protected void filterSoon() {
        later(true);
    }

    private void later(boolean filterChanged) {
        Display display = listControl().getDisplay();
        boolean apply = filterChanged || (pendingRefresh != null && pendingFilter);
        if (pendingRefresh != null) {
            display.timerExec(-1, pendingRefresh);
        }
        pendingFilter = apply;
        pendingRefresh = () -> {
            pendingRefresh = null;
            if (listControl().isDisposed()) {
                return;
            }
            if (apply) {
                applyFilter();
            } else {
                refresh();
            }
        };
        display.timerExec(TYPING_DELAY_MS, pendingRefresh);
    }

    /** Longer choices may wrap the filter bar onto another row: the view lays out again to give the bar its height. */
    protected void relayoutFilterBar() {
        searchText.getParent().getParent().layout(true, true); // the bar's parent, the view's body
    }

    /** Tells the user what failed, in a dialog (or to the reporter a test set). */
    protected void reportError(String message) {
        errorReporter.accept(message);
    }

    private void showError(String message) {
        MessageDialog.openError(getSite().getShell(), errorTitle(), message);
    }

    /** Tests collect the errors instead of a dialog ({@code null}: the dialog again). */
    public void setErrorReporter(Consumer<String> reporter) {
        this.errorReporter = reporter == null ? this::showError : reporter;
    }

    /** The table of a list on an SWT table; {@code null} for a list on a {@link VirtualGrid} (see {@link #listControl()}). */
    public Table table() {
        return table;
    }

    /** The control showing the rows: the table, or a list's grid (which overrides this). */
    public Control listControl() {
        return table;
    }

    /** How many rows the list has (tests look). */
    public int rowCount() {
        return table.getItemCount();
    }

    /** The record shown in row {@code index}, or {@code null} while it is read (tests look). */
    public Object rowData(int index) {
        return table.getItem(index).getData();
    }

    /** Selects row {@code index} alone, as a user's click does. */
    public void selectListRow(int index) {
        table.setSelection(index);
        Event event = new Event();
        event.item = table.getItem(index);
        table.notifyListeners(SWT.Selection, event);
    }

    public Text searchBox() {
        return searchText;
    }

    /** The filter the list shows now. */
    public F filter() {
        return filter;
    }

    /** The list's current filter as {@code F}: Export… writes what the list shows. */
    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == filterType) {
            return adapter.cast(filter);
        }
        return super.getAdapter(adapter);
    }

    @Override
    public boolean canCopySelection() {
        return table != null && !table.isDisposed() && table.getSelectionCount() > 0;
    }

    /** The selected rows as shown, under the column headers, tab-separated: pasted into a spreadsheet as cells. */
    @Override
    public void copySelection() {
        if (!canCopySelection()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        int columns = table.getColumnCount();
        for (int c = 0; c < columns; c++) {
            text.append(c == 0 ? "" : "\t").append(cell(table.getColumn(c).getText()));
        }
        for (int index : table.getSelectionIndices()) {
            TableItem item = table.getItem(index);
            text.append(System.lineSeparator());
            for (int c = 0; c < columns; c++) {
                text.append(c == 0 ? "" : "\t").append(cell(item.getText(c)));
            }
        }
        Clipboard clipboard = new Clipboard(table.getDisplay());
        try {
            clipboard.setContents(new Object[] {text.toString()}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            clipboard.dispose();
        }
    }

    private static String cell(String text) {
        return SpreadsheetText.neutralise(text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
    }

    @Override
    public void selectAllRows() {
        if (table == null || table.isDisposed()) {
            return;
        }
        table.selectAll();
        table.notifyListeners(SWT.Selection, new Event()); // as a user's selection: the selection providers hear of it
    }

    @Override
    public void setFocus() {
        searchText.setFocus();
    }

    @Override
    public void dispose() {
        if (undoRedo != null) {
            undoRedo.dispose();
        }
        if (eventRegistration != null) {
            eventRegistration.unregister();
        }
        super.dispose();
    }
}
