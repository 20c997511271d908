package org.salesbench.ui.forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.SecurityService;

/**
 * The page of an {@link EntityFormEditor} that shows the entity's own fields: sections of labelled fields, each
 * registered under the name the model's validation uses, filled from the entity on every reload and writing
 * each user edit back to it. Edits made while the page fills its fields are not edits.
 *
 * @param <T> the entity
 */
public abstract class EntityFormPage<T> extends FormPage implements EntityFormEditor.ValidatingPage<T> {

    private final EntityFormEditor<T> editor;
    private final Function<T, String> heading;
    private final FieldDecorations fields = new FieldDecorations();
    private final List<Consumer<T>> loaders = new ArrayList<>();
    private boolean loading;
    private Map<String, FieldAccess> rules;

    /**
     * @param heading the entity's name for the form heading
     */
    protected EntityFormPage(EntityFormEditor<T> editor, String id, String title, Function<T, String> heading) {
        super(editor, id, title);
        this.editor = editor;
        this.heading = heading;
    }

    @Override
    protected final void createFormContent(IManagedForm managedForm) {
        ScrolledForm form = managedForm.getForm();
        FormToolkit toolkit = managedForm.getToolkit();
        form.setText(heading.apply(editor.entity()));
        toolkit.decorateFormHeading(form.getForm());
        // one column of sections: an editor beside the list is narrow, and the form scrolls down
        form.getBody().setLayout(new GridLayout(1, false));
        createSections(toolkit, form);
        reload(editor.entity());
    }

    /** Makes the page's sections and fields, with {@link #section} and the field methods. */
    protected abstract void createSections(FormToolkit toolkit, ScrolledForm form);

    /** The entity as the editor holds it, with the user's edits. */
    protected T entity() {
        return editor.entity();
    }

    /** A titled section of two columns, label and field. */
    protected Composite section(FormToolkit toolkit, ScrolledForm form, String title) {
        Composite client = emptySection(toolkit, form, title);
        GridLayout layout = new GridLayout(2, false);
        layout.horizontalSpacing = 12;
        client.setLayout(layout);
        return client;
    }

    /** A titled section whose client has no layout yet. */
    protected Composite emptySection(FormToolkit toolkit, ScrolledForm form, String title) {
        Section section = toolkit.createSection(form.getBody(), Section.TITLE_BAR);
        section.setText(title);
        section.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        Composite client = toolkit.createComposite(section);
        section.setClient(client);
        return client;
    }

    protected void label(FormToolkit toolkit, Composite parent, String text) {
        toolkit.createLabel(parent, text).setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
    }

    /** A one-line text field; blank is {@code null}. */
    protected void text(FormToolkit toolkit, Composite parent, String field, String label, Function<T, String> get, BiConsumer<T, String> set) {
        label(toolkit, parent, label);
        Text text = toolkit.createText(parent, "", SWT.SINGLE | SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 140;
        text.setLayoutData(data);
        textField(field, text, get, set);
    }

    /** A text field of several lines; blank is {@code null}. */
    protected void multiline(FormToolkit toolkit, Composite parent, String field, String label, Function<T, String> get,
            BiConsumer<T, String> set) {
        label(toolkit, parent, label);
        Text text = toolkit.createText(parent, "", SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, false);
        data.widthHint = 200;
        data.heightHint = 60;
        text.setLayoutData(data);
        textField(field, text, get, set);
    }

    private void textField(String field, Text text, Function<T, String> get, BiConsumer<T, String> set) {
        register(field, text);
        onLoad(e -> text.setText(Formats.text(get.apply(e))));
        text.addModifyListener(event -> edited(e -> set.accept(e, text.getText().isBlank() ? null : text.getText())));
    }

    /** A read-only combo of fixed items; {@code get} and {@code set} speak of the item's index. */
    protected void combo(FormToolkit toolkit, Composite parent, String field, String label, List<String> items, Function<T, Integer> get,
            ObjIntConsumer<T> set) {
        label(toolkit, parent, label);
        Combo combo = new Combo(parent, SWT.READ_ONLY);
        items.forEach(combo::add);
        toolkit.adapt(combo);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 100;
        combo.setLayoutData(data);
        register(field, combo);
        onLoad(e -> combo.select(get.apply(e)));
        combo.addListener(SWT.Selection, event -> {
            if (combo.getSelectionIndex() != get.apply(entity())) {
                edited(e -> set.accept(e, combo.getSelectionIndex()));
            }
        });
    }

    /**
     * A date that may be unset: a check box beside a date field.
     *
     * @param unsetShows the date the field offers while the check box is off
     */
    protected void optionalDate(FormToolkit toolkit, Composite parent, String field, String label, String checkLabel, Function<T, LocalDate> get,
            BiConsumer<T, LocalDate> set, Supplier<LocalDate> unsetShows) {
        label(toolkit, parent, label);
        Composite row = toolkit.createComposite(parent);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        row.setLayout(layout);
        Button check = toolkit.createButton(row, checkLabel, SWT.CHECK);
        DateTime date = new DateTime(row, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        register(field, date);
        onLoad(e -> {
            LocalDate d = get.apply(e);
            check.setSelection(d != null);
            date.setEnabled(d != null);
            LocalDate shown = d == null ? unsetShows.get() : d;
            date.setDate(shown.getYear(), shown.getMonthValue() - 1, shown.getDayOfMonth());
        });
        // GTK reports date changes made by the program as selections too: only a different date is an edit
        Runnable apply = () -> {
            date.setEnabled(check.getSelection());
            LocalDate chosen = check.getSelection() ? LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay()) : null;
            if (!Objects.equals(chosen, get.apply(entity()))) {
                edited(e -> set.accept(e, chosen));
            }
        };
        check.addListener(SWT.Selection, event -> apply.run());
        date.addListener(SWT.Selection, event -> apply.run());
    }

    /**
     * Registers a field's widget under the model's field name, for its error decoration; the one place the user's
     * field rules reach the form: a field their roles hide is not shown (nor its label), one they may only read
     * cannot be changed. Every field method of this page comes through here.
     */
    protected void register(String field, Control control) {
        fields.register(field, control);
        FieldAccess access = fieldRules().getOrDefault(field, FieldAccess.EDIT);
        if (access == FieldAccess.EDIT) {
            return;
        }
        Control cell = cellOf(control);
        if (access == FieldAccess.HIDDEN) {
            exclude(cell);
            Control[] siblings = cell.getParent().getChildren();
            int at = java.util.Arrays.asList(siblings).indexOf(cell);
            if (at > 0 && siblings[at - 1] instanceof org.eclipse.swt.widgets.Label label) {
                exclude(label);
            }
        } else if (control instanceof Text text) {
            text.setEditable(false);
        } else {
            cell.setEnabled(false); // the whole cell: a date's check box as well as the date
        }
    }

    /**
     * The security name of the page's entity (e.g. {@code customer}) whose field rules apply to its fields;
     * {@code null} (the default) for none.
     */
    protected String securityEntity() {
        return null;
    }

    /** The user's field rules for the page's entity, resolved once for the page. */
    private Map<String, FieldAccess> fieldRules() {
        if (rules == null) {
            rules = securityEntity() == null ? Map.of() : org.salesbench.ui.Services.get(SecurityService.class).fieldRules(securityEntity());
        }
        return rules;
    }

    /** A field's widget, or the composite holding it in its section (a date with its check box, an amount with its currency). */
    private static Control cellOf(Control control) {
        Control cell = control;
        while (cell.getParent() != null && cell.getParent().getParent() != null && !(cell.getParent().getParent() instanceof Section)) {
            cell = cell.getParent();
        }
        return cell;
    }

    private static void exclude(Control control) {
        control.setVisible(false);
        if (control.getLayoutData() instanceof GridData data) {
            data.exclude = true;
        } else {
            GridData data = new GridData();
            data.exclude = true;
            control.setLayoutData(data);
        }
    }

    /** Fills widgets from the entity on every reload. */
    protected void onLoad(Consumer<T> loader) {
        loaders.add(loader);
    }

    /** Whether the page is filling its fields, so that a widget's event is not the user's edit. */
    protected boolean isLoading() {
        return loading;
    }

    /** Runs a change of widgets that is not the user's edit (e.g. items read in a job arrive). */
    protected void whileLoading(Runnable change) {
        boolean wasLoading = loading;
        loading = true;
        try {
            change.run();
        } finally {
            loading = wasLoading;
        }
    }

    /** Applies the user's edit to the entity and tells the editor, unless the page is filling its fields. */
    protected void edited(Consumer<T> change) {
        if (loading) {
            return;
        }
        change.accept(entity());
        editor.markDirty();
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        fields.showErrors(errors);
    }

    @Override
    public final void reload(T entity) {
        if (getManagedForm() == null) {
            return;
        }
        whileLoading(() -> {
            loaders.forEach(l -> l.accept(entity));
            getManagedForm().getForm().setText(heading.apply(entity));
            reloaded(entity);
        });
    }

    /** After the fields are filled on a reload, while it still does not count as an edit. */
    protected void reloaded(T entity) {
        // nothing more by default
    }

    /** The widget of a field, for tests. */
    public Control field(String name) {
        return fields.field(name);
    }

    /** The decoration of a field, for tests. */
    public ControlDecoration decoration(String name) {
        return fields.decoration(name);
    }
}
