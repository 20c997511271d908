package org.salesbench.contracts.ui.internal;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.forms.editor.FormPage;
import org.salesbench.contracts.Contract;
import org.salesbench.ui.forms.EntityFormEditor;
import org.salesbench.ui.forms.Jobs;

/**
 * A page of the contract editor that lists records the model keeps apart from the contract (plan, receipts, invoices,
 * documents) and writes them through their own services: the model checks what they write, so the page has no field
 * errors to show, and a failed step is reported in a message box (or to a test's reporter) under the page's title.
 */
public abstract class ContractRecordsPage extends FormPage implements EntityFormEditor.ValidatingPage<Contract> {

    protected final ContractEditor editor;
    private Consumer<String> errorReporter = this::showError;

    protected ContractRecordsPage(ContractEditor editor, String id, String title) {
        super(editor, id, title);
        this.editor = editor;
    }

    /** Runs one write off the user interface thread, then reloads the page, or reports why it failed. */
    protected <T> Job step(Control owner, String name, Supplier<T> work) {
        return Jobs.load(owner, name, work, done -> reload(editor.contract()), this::reportFailure);
    }

    protected void reportFailure(RuntimeException e) {
        errorReporter.accept(Jobs.message(e));
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        // what these pages write is checked by the model when it is written
    }

    private void showError(String message) {
        MessageDialog.openError(getSite().getShell(), getTitle(), message);
    }

    /** Where a failed step is reported (tests: note it instead of opening a message box). */
    public void setErrorReporter(Consumer<String> reporter) {
        this.errorReporter = reporter;
    }
}
