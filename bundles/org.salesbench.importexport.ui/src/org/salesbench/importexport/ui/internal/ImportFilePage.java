package org.salesbench.importexport.ui.internal;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.salesbench.importexport.FormatDescriptor;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.TargetDescriptor;

/** The file, its encoding (detected unless chosen) and sheet, and what it holds. */
public class ImportFilePage extends WizardPage {

    static final String[] ENCODINGS = { null, "UTF-8", "GBK", "GB18030" };

    private final ImportService service;
    private final List<TargetDescriptor> targets;
    Text fileText;
    Label formatLabel;
    Combo encodingCombo;
    Text sheetText;
    Combo targetCombo;

    ImportFilePage(ImportService service) {
        super("file");
        this.service = service;
        this.targets = service.targets();
        setTitle(Messages.Import_fileTitle);
        setDescription(Messages.Import_fileDescription);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        new Label(c, SWT.NONE).setText(Messages.Import_file);
        fileText = new Text(c, SWT.BORDER);
        fileText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        fileText.addModifyListener(e -> update());
        Button browse = new Button(c, SWT.PUSH);
        browse.setText(Messages.Common_browse);
        browse.addListener(SWT.Selection, e -> browse());

        new Label(c, SWT.NONE).setText(Messages.Import_format);
        formatLabel = new Label(c, SWT.NONE);
        formatLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        new Label(c, SWT.NONE).setText(Messages.Import_encoding);
        encodingCombo = new Combo(c, SWT.READ_ONLY);
        encodingCombo.add(Messages.Import_encodingDetect);
        for (int i = 1; i < ENCODINGS.length; i++) {
            encodingCombo.add(ENCODINGS[i]);
        }
        encodingCombo.select(0);
        encodingCombo.setToolTipText(Messages.Import_encodingTooltip);
        encodingCombo.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));

        new Label(c, SWT.NONE).setText(Messages.Import_sheet);
        sheetText = new Text(c, SWT.BORDER);
        sheetText.setMessage(Messages.Import_sheetHint);
        sheetText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        new Label(c, SWT.NONE).setText(Messages.Import_target);
        targetCombo = new Combo(c, SWT.READ_ONLY);
        targets.forEach(t -> targetCombo.add(t.label()));
        if (!targets.isEmpty()) {
            targetCombo.select(0);
        }
        targetCombo.addListener(SWT.Selection, e -> update());
        targetCombo.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        setControl(c);
        update();
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] { "*.csv;*.tsv;*.txt;*.xlsx;*.vcf", "*.*" });
        String chosen = dialog.open();
        if (chosen != null) {
            fileText.setText(chosen);
        }
    }

    private void update() {
        String text = fileText.getText().strip();
        String error = null;
        String format = "";
        if (text.isEmpty()) {
            setErrorMessage(null);
            setPageComplete(false);
            formatLabel.setText("");
            return;
        }
        Path file = Path.of(text);
        if (!Files.isRegularFile(file)) {
            error = NLS.bind(Messages.Import_noFile, text);
        } else {
            format = service.formatFor(file).map(FormatDescriptor::label).orElse("");
            if (format.isEmpty()) {
                error = NLS.bind(Messages.Import_unknownFormat, file.getFileName());
            }
        }
        boolean excel = text.toLowerCase(Locale.ROOT).endsWith(".xlsx") || text.toLowerCase(Locale.ROOT).endsWith(".xlsm");
        sheetText.setEnabled(excel);
        encodingCombo.setEnabled(!excel);
        formatLabel.setText(format);
        setErrorMessage(error);
        setPageComplete(error == null && targetCombo.getSelectionIndex() >= 0);
    }

    public Path file() {
        return Path.of(fileText.getText().strip());
    }

    public String targetId() {
        return targets.get(targetCombo.getSelectionIndex()).id();
    }

    public ReadOptions readOptions() {
        String encoding = ENCODINGS[Math.max(0, encodingCombo.getSelectionIndex())];
        String sheet = sheetText.isEnabled() && !sheetText.getText().isBlank() ? sheetText.getText().strip() : null;
        return new ReadOptions(encoding == null || !encodingCombo.isEnabled() ? null : Charset.forName(encoding), null, sheet);
    }

    /** For tests and callers that know the file: sets it and the target by id. */
    public void select(Path file, String targetId) {
        fileText.setText(file.toString());
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).id().equals(targetId)) {
                targetCombo.select(i);
            }
        }
        update();
    }
}
