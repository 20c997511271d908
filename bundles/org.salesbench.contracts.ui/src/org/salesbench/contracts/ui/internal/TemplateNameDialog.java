package org.salesbench.contracts.ui.internal;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Asks a new contract template's name and language (New, Copy); the model checks the name when the template is made. */
class TemplateNameDialog extends Dialog {

    private static final String[] LANGS = { "en", "zh_CN" }; //$NON-NLS-1$ //$NON-NLS-2$

    private final String title;
    private String name;
    private String lang;
    private Text nameText;
    private Combo langCombo;

    TemplateNameDialog(Shell parent, String title, String name, String lang) {
        super(parent);
        this.title = title;
        this.name = name;
        this.lang = lang;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        new Label(area, SWT.NONE).setText(Messages.Templates_name);
        nameText = new Text(area, SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 320;
        nameText.setLayoutData(data);
        nameText.setText(name);
        new Label(area, SWT.NONE).setText(Messages.Templates_language);
        langCombo = new Combo(area, SWT.READ_ONLY);
        langCombo.setItems(Messages.Templates_langEn, Messages.Templates_langZh);
        langCombo.select("zh_CN".equals(lang) ? 1 : 0); //$NON-NLS-1$
        return area;
    }

    @Override
    protected void okPressed() {
        name = nameText.getText();
        lang = LANGS[Math.max(0, langCombo.getSelectionIndex())];
        super.okPressed();
    }

    String name() {
        return name;
    }

    String lang() {
        return lang;
    }
}
