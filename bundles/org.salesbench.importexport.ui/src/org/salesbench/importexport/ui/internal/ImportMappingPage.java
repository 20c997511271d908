package org.salesbench.importexport.ui.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CCombo;
import org.eclipse.swt.custom.TableEditor;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.salesbench.importexport.ColumnMapping;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportPreview;
import org.salesbench.importexport.ImportService.SavedMapping;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.SourceRow;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.ValueMapping;

/**
 * The column mapping (made automatically from the header, editable, saved and loaded by name) and
 * the picklist values of the file that need a Salesbench value. The file is previewed when the page
 * is shown, in the wizard's progress area.
 */
public class ImportMappingPage extends WizardPage {

    private final ImportWizard wizard;
    private ImportPreview preview;
    private Object previewKey;
    private List<TargetField> fields = List.of();
    private final List<CCombo> fieldCombos = new ArrayList<>();
    private final List<CCombo> valueCombos = new ArrayList<>();
    private final List<TableEditor> editors = new ArrayList<>();
    private final List<String[]> valueRows = new ArrayList<>();
    private final Map<String, Map<String, String>> chosenValues = new LinkedHashMap<>();
    Table columnTable;
    Table valueTable;
    Combo savedCombo;
    /**
     * How the file writes numbers and dates; the first item detects it per column. On this page, beside the saved
     * mappings, because a saved mapping keeps it: a file from the same system writes them the same way next time.
     */
    Combo localeCombo;
    /** The locales the combo offers after detection: the usual ones, and any a loaded mapping named. */
    private final List<Locale> localeChoices = new ArrayList<>(FILE_LOCALES);
    /** Locales whose numbers or dates are written differently, offered beside detection. */
    static final List<Locale> FILE_LOCALES = List.of(Locale.US, Locale.UK, Locale.GERMANY, Locale.FRANCE, Locale.ITALY,
            Locale.forLanguageTag("es-ES"), Locale.forLanguageTag("nl-NL"), Locale.forLanguageTag("de-CH"), Locale.SIMPLIFIED_CHINESE,
            Locale.JAPAN);

    ImportMappingPage(ImportWizard wizard) {
        super("mapping");
        this.wizard = wizard;
        setTitle(Messages.Mapping_title);
        setDescription(Messages.Mapping_description);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(4, false));
        new Label(c, SWT.NONE).setText(Messages.Mapping_saved);
        savedCombo = new Combo(c, SWT.READ_ONLY);
        savedCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button load = new Button(c, SWT.PUSH);
        load.setText(Messages.Mapping_load);
        load.addListener(SWT.Selection, e -> loadSaved());
        Button save = new Button(c, SWT.PUSH);
        save.setText(Messages.Mapping_save);
        save.addListener(SWT.Selection, e -> saveAs());
        new Label(c, SWT.NONE).setText(Messages.Options_locale);
        localeCombo = new Combo(c, SWT.READ_ONLY);
        localeCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        localeCombo.add(Messages.Options_localeDetect);
        localeChoices.forEach(l -> localeCombo.add(label(l)));
        localeCombo.select(0);

        columnTable = table(c, Messages.Mapping_column, Messages.Mapping_sample, Messages.Mapping_field);
        Label values = new Label(c, SWT.NONE);
        values.setText(Messages.Mapping_values);
        values.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        valueTable = table(c, Messages.Mapping_valueField, Messages.Mapping_valueFile, Messages.Mapping_valueTarget);
        ((GridData) valueTable.getLayoutData()).heightHint = 90;
        setControl(c);
    }

    private static Table table(Composite parent, String... columns) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
        data.heightHint = 180;
        table.setLayoutData(data);
        for (String name : columns) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(name);
            column.setWidth(190);
        }
        return table;
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible) {
            Object key = List.of(wizard.file(), wizard.targetId(), Objects.toString(wizard.readOptions()));
            if (!key.equals(previewKey)) {
                readPreview(key);
            }
        }
    }

    private void readPreview(Object key) {
        ImportPreview[] result = new ImportPreview[1];
        // read the widgets here: the preview runs outside the UI thread
        java.nio.file.Path file = wizard.file();
        org.salesbench.importexport.ReadOptions options = wizard.readOptions();
        String targetId = wizard.targetId();
        try {
            getContainer().run(true, false, monitor -> {
                monitor.beginTask(NLS.bind(Messages.Mapping_reading, file.getFileName()), 1);
                try {
                    result[0] = wizard.service.preview(file, options, targetId);
                } catch (java.io.IOException | RuntimeException e) {
                    throw new InvocationTargetException(e);
                }
            });
        } catch (InvocationTargetException e) {
            showUnreadable(e.getCause().getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        preview = result[0];
        previewKey = key;
        fields = wizard.service.target(wizard.targetId()).target().map(ImportTarget::fields).orElse(List.of());
        chosenValues.clear();
        disposeRows(valueTable, valueCombos);
        valueRows.clear();
        fillColumns(preview.mapping());
        reloadSavedNames();
    }

    private void showUnreadable(String message) {
        preview = null;
        previewKey = null;
        disposeRows(columnTable, fieldCombos);
        disposeRows(valueTable, valueCombos);
        setErrorMessage(message);
        setPageComplete(false);
    }

    private void disposeRows(Table table, List<CCombo> combos) {
        combos.forEach(Control::dispose);
        combos.clear();
        editors.removeIf(e -> {
            boolean gone = e.getEditor() == null || e.getEditor().isDisposed();
            if (gone) {
                e.dispose();
            }
            return gone;
        });
        table.removeAll();
        for (Control child : table.getChildren()) {
            child.dispose();
        }
    }

    private void fillColumns(ColumnMapping mapping) {
        disposeRows(columnTable, fieldCombos);
        List<String> header = preview.header();
        for (int i = 0; i < header.size(); i++) {
            TableItem item = new TableItem(columnTable, SWT.NONE);
            item.setText(0, header.get(i));
            item.setText(1, sample(i));
            CCombo combo = new CCombo(columnTable, SWT.READ_ONLY | SWT.FLAT);
            combo.add(Messages.Mapping_skip);
            fields.forEach(f -> combo.add(f.required() ? NLS.bind(Messages.Mapping_requiredField, f.label()) : f.label()));
            String field = mapping.fieldOf(header.get(i));
            combo.select(field == null ? 0 : 1 + indexOf(field));
            combo.addListener(SWT.Selection, e -> mappingChanged());
            TableEditor editor = new TableEditor(columnTable);
            editor.grabHorizontal = true;
            editor.setEditor(combo, item, 2);
            editors.add(editor);
            fieldCombos.add(combo);
        }
        mappingChanged();
    }

    private int indexOf(String field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return i;
            }
        }
        return -1;
    }

    private String sample(int column) {
        List<String> values = new ArrayList<>();
        for (SourceRow row : preview.sample()) {
            String v = row.value(column);
            if (v != null && !v.isBlank() && values.size() < 3) {
                values.add(v.strip().replace('\n', ' '));
            }
        }
        return String.join(" | ", values);
    }

    private void mappingChanged() {
        rememberValues();
        fillValues();
        validate();
        layoutEditors();
    }

    /** Places the combos on their rows: a table editor follows resizes but not rows added while the page was hidden. */
    private void layoutEditors() {
        getShell().getDisplay().asyncExec(() -> editors.stream().filter(e -> e.getEditor() != null && !e.getEditor().isDisposed())
                .forEach(TableEditor::layout));
    }

    private void rememberValues() {
        for (int i = 0; i < valueCombos.size(); i++) {
            CCombo combo = valueCombos.get(i);
            String[] row = valueRows.get(i);
            if (combo.getSelectionIndex() > 0) {
                chosenValues.computeIfAbsent(row[0], k -> new LinkedHashMap<>()).put(row[1], combo.getText());
            } else if (chosenValues.containsKey(row[0])) {
                chosenValues.get(row[0]).remove(row[1]);
            }
        }
    }

    /** The file's values of the mapped picklist fields that are not picklist values (from the preview's rows). */
    private void fillValues() {
        disposeRows(valueTable, valueCombos);
        valueRows.clear();
        ColumnMapping mapping = columnMapping();
        for (int i = 0; i < preview.header().size(); i++) {
            String name = mapping.fieldOf(preview.header().get(i));
            TargetField field = name == null ? null : fields.get(indexOf(name));
            if (field == null || field.type() != FieldType.PICKLIST) {
                continue;
            }
            Set<String> unknown = new LinkedHashSet<>();
            for (SourceRow row : preview.sample()) {
                String v = row.value(i);
                if (v != null && !v.isBlank() && field.picklist().stream().noneMatch(p -> p.equalsIgnoreCase(v.strip()))) {
                    unknown.add(v.strip());
                }
            }
            for (String value : unknown) {
                TableItem item = new TableItem(valueTable, SWT.NONE);
                item.setText(0, field.label());
                item.setText(1, value);
                CCombo combo = new CCombo(valueTable, SWT.READ_ONLY | SWT.FLAT);
                combo.add(Messages.Mapping_valueUnmapped);
                field.picklist().forEach(combo::add);
                String chosen = chosenValues.getOrDefault(field.name(), Map.of()).get(value);
                combo.select(chosen == null ? 0 : Math.max(0, combo.indexOf(chosen)));
                combo.addListener(SWT.Selection, e -> rememberValues());
                TableEditor editor = new TableEditor(valueTable);
                editor.grabHorizontal = true;
                editor.setEditor(combo, item, 2);
                editors.add(editor);
                valueCombos.add(combo);
                valueRows.add(new String[] { field.name(), value });
            }
        }
    }

    private void validate() {
        ColumnMapping mapping = columnMapping();
        String error = null;
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : mapping.fieldByHeader().entrySet()) {
            if (!seen.add(e.getValue())) {
                error = NLS.bind(Messages.Mapping_twice, fields.get(indexOf(e.getValue())).label());
            }
        }
        for (TargetField f : fields) {
            if (error == null && f.required() && !seen.contains(f.name())) {
                error = NLS.bind(Messages.Mapping_required, f.label());
            }
        }
        setErrorMessage(error);
        setPageComplete(error == null);
        if (error == null && !preview.unmappedColumns().isEmpty() && mapping.fieldByHeader().size() < preview.header().size()) {
            setMessage(Messages.Mapping_someSkipped, WARNING);
        } else {
            setMessage(null);
        }
        getContainer().updateButtons();
    }

    boolean hasPreview() {
        return preview != null;
    }

    /** The mapping the table shows. */
    public ColumnMapping columnMapping() {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (preview != null) {
            for (int i = 0; i < fieldCombos.size(); i++) {
                int index = fieldCombos.get(i).getSelectionIndex();
                if (index > 0) {
                    mapping.put(preview.header().get(i), fields.get(index - 1).name());
                }
            }
        }
        return new ColumnMapping(mapping);
    }

    /** The value mapping chosen in the lower table, with the file's locale chosen above. */
    public ValueMapping valueMapping() {
        rememberValues();
        return new ValueMapping(chosenValues, fileLocale());
    }

    /** How the file writes numbers and dates; {@code null} to read each column by its values. */
    public Locale fileLocale() {
        int index = localeCombo == null ? 0 : localeCombo.getSelectionIndex();
        return index <= 0 ? null : localeChoices.get(index - 1);
    }

    /** Chooses how the file writes numbers and dates, as a user would in the combo; {@code null} detects per column. */
    public void selectLocale(Locale locale) {
        if (locale == null) {
            localeCombo.select(0);
            return;
        }
        int index = localeChoices.indexOf(locale);
        if (index < 0) { // a locale a mapping saved from the command line (--locale) may name any
            localeChoices.add(locale);
            localeCombo.add(label(locale));
            index = localeChoices.size() - 1;
        }
        localeCombo.select(index + 1);
    }

    private static String label(Locale locale) {
        return locale.getDisplayName() + " (" + locale.toLanguageTag() + ")"; //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** For tests: the field a file column is mapped to, or {@code null}. */
    public String fieldOf(String column) {
        return columnMapping().fieldOf(column);
    }

    /** Maps a column to a field by name ({@code null} to leave it out), as choosing it in the table does. */
    public void map(String column, String field) {
        int row = preview.header().indexOf(column);
        fieldCombos.get(row).select(field == null ? 0 : 1 + indexOf(field));
        mappingChanged();
    }

    /** Maps a file value of a picklist field, as choosing it in the lower table does. */
    public void mapValue(String field, String from, String to) {
        for (int i = 0; i < valueRows.size(); i++) {
            if (valueRows.get(i)[0].equals(field) && valueRows.get(i)[1].equals(from)) {
                valueCombos.get(i).select(valueCombos.get(i).indexOf(to));
            }
        }
        rememberValues();
    }

    /** The file values shown in the lower table, as field:value. */
    public List<String> unmappedValues() {
        return valueRows.stream().map(r -> r[0] + ":" + r[1]).toList();
    }

    private void reloadSavedNames() {
        savedCombo.removeAll();
        wizard.service.mappingNames(wizard.targetId()).forEach(savedCombo::add);
    }

    private void loadSaved() {
        if (savedCombo.getSelectionIndex() < 0 || preview == null) {
            return;
        }
        load(savedCombo.getText());
    }

    /** Applies a saved mapping to the file's columns. */
    public void load(String name) {
        Optional<SavedMapping> saved = wizard.service.loadMapping(wizard.targetId(), name);
        if (saved.isEmpty()) {
            return;
        }
        chosenValues.clear();
        saved.get().values().byField().forEach((f, v) -> chosenValues.put(f, new LinkedHashMap<>(v)));
        selectLocale(saved.get().values().locale());
        valueCombos.forEach(Control::dispose);
        valueCombos.clear();
        valueRows.clear();
        fillColumns(saved.get().columns());
    }

    private void saveAs() {
        if (preview == null) {
            return;
        }
        InputDialog dialog = new InputDialog(getShell(), Messages.Mapping_save, Messages.Mapping_saveName, "",
                v -> v.isBlank() ? Messages.Mapping_nameRequired : null);
        if (dialog.open() == Window.OK) {
            save(dialog.getValue().strip());
        }
    }

    /** Saves the mapping on the page under {@code name}. */
    public void save(String name) {
        wizard.service.saveMapping(wizard.targetId(), name, columnMapping(), valueMapping());
        reloadSavedNames();
        savedCombo.select(savedCombo.indexOf(name));
    }
}
