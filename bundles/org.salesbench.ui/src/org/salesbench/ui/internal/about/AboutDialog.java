package org.salesbench.ui.internal.about;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** The product's name and version, and every bundled library with its version and licence. */
public class AboutDialog extends Dialog {

    private Table libraries;

    public AboutDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.About_title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        Label version = new Label(area, SWT.WRAP);
        version.setText(NLS.bind(Messages.About_version, Libraries.productVersion()));
        version.setFont(org.eclipse.jface.resource.JFaceResources.getHeaderFont());
        Label text = new Label(area, SWT.WRAP);
        text.setText(Messages.About_text);
        text.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(area, SWT.NONE).setText(Messages.About_libraries);
        libraries = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        libraries.setHeaderVisible(true);
        libraries.setLinesVisible(true);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = 320;
        data.widthHint = 720;
        libraries.setLayoutData(data);
        String[] headers = {Messages.About_library, Messages.About_libraryVersion, Messages.About_licence};
        int[] widths = {340, 150, 220};
        for (int i = 0; i < headers.length; i++) {
            TableColumn column = new TableColumn(libraries, SWT.LEFT);
            column.setText(headers[i]);
            column.setWidth(widths[i]);
        }
        for (Libraries.Library library : Libraries.bundled()) {
            TableItem item = new TableItem(libraries, SWT.NONE);
            item.setText(new String[] {library.name() + " (" + library.symbolicName() + ")", library.version(),
                    library.licence() == null ? Messages.About_licenceUnknown : library.licence()});
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    /** The libraries' table (tests read it). */
    public Table libraries() {
        return libraries;
    }
}
