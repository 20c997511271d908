package org.salesbench.importexport.ui.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Shell;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.RowError;

/** What an import did: the counts, what the outcome means for the database, the first errors, and the full report on request. */
public class ImportSummaryDialog extends MessageDialog {

    private static final int SAVE_REPORT = 1;
    private static final int ERRORS_SHOWN = 200;

    private final ImportResult result;

    ImportSummaryDialog(Shell shell, String fileName, ImportResult result, String failure) {
        super(shell, Messages.Summary_title, null, message(fileName, result, failure),
                failure != null || result.wroteNothing() ? ERROR : result.failed() > 0 ? WARNING : INFORMATION, 0,
                buttons(result));
        this.result = result;
    }

    private static String[] buttons(ImportResult result) {
        return result != null && !result.errors().isEmpty() ? new String[] { IDialogConstants.CLOSE_LABEL, Messages.Summary_saveReport }
                : new String[] { IDialogConstants.CLOSE_LABEL };
    }

    static String message(String fileName, ImportResult result, String failure) {
        if (failure != null) {
            return NLS.bind(Messages.Summary_failed, fileName, failure);
        }
        String counts = NLS.bind(Messages.Summary_counts, new Object[] { result.created(), result.updated(), result.skipped(),
                result.failed() });
        String outcome = switch (result.outcome()) {
        case COMPLETED -> result.failed() > 0 ? Messages.Summary_partial : Messages.Summary_completed;
        case ROLLED_BACK -> Messages.Summary_rolledBack;
        case CANCELLED_ROLLED_BACK, CANCELLED_AT_BATCH -> result.cancelNote();
        };
        StringBuilder text = new StringBuilder(NLS.bind(Messages.Summary_message, new Object[] { fileName, counts, outcome }));
        for (ImportResult.Note note : result.notes()) {
            // e.g. that this run resumed an interrupted import of the file, and after which row
            text.append('\n').append(NLS.bind(Messages.Summary_note, note.message(), note.count()));
        }
        return text.toString();
    }

    /** The text the dialog shows. */
    public String text() {
        return message;
    }

    @Override
    protected Control createCustomArea(Composite parent) {
        if (result == null || result.errors().isEmpty()) {
            return null;
        }
        List list = new List(parent, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = 160;
        data.widthHint = 560;
        list.setLayoutData(data);
        for (RowError e : result.errors().subList(0, Math.min(ERRORS_SHOWN, result.errors().size()))) {
            list.add(e.column() == null || e.column().isEmpty() ? NLS.bind(Messages.Summary_rowError, e.row(), e.message())
                    : NLS.bind(Messages.Summary_cellError, new Object[] { e.row(), e.column(), e.message() }));
        }
        return list;
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == SAVE_REPORT) {
            FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
            dialog.setFileName("import-errors.csv");
            dialog.setFilterExtensions(new String[] { "*.csv" });
            dialog.setOverwrite(true);
            String chosen = dialog.open();
            if (chosen != null) {
                saveReport(Path.of(chosen));
            }
            return;
        }
        super.buttonPressed(buttonId);
    }

    /** Writes the error report (row, column, value, message) as CSV. */
    public boolean saveReport(Path file) {
        try {
            result.writeErrorReport(file);
            return true;
        } catch (IOException e) {
            MessageDialog.openError(getShell(), Messages.Summary_title, NLS.bind(Messages.Summary_reportFailed, file, e.getMessage()));
            return false;
        }
    }
}
