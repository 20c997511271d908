package org.salesbench.customers.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

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
import org.salesbench.core.time.Clocks;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.customers.CompanySize;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.ui.CustomerEditorSection;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.FieldDecorations;

/** Every field of the customer, validated as it is typed. */
public class OverviewPage extends FormPage implements CustomerEditor.ValidatingPage {

    public static final String ID = "org.salesbench.customers.ui.editor.overview";

    private final CustomerEditor editor;
    private final FieldDecorations fields = new FieldDecorations();
    private final List<Consumer<Customer>> loaders = new ArrayList<>();
    private final Map<String, CustomerEditorSection> sections = new LinkedHashMap<>();
    private boolean loading;

    public OverviewPage(CustomerEditor editor) {
        super(editor, ID, Messages.Editor_overview);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        ScrolledForm form = managedForm.getForm();
        FormToolkit toolkit = managedForm.getToolkit();
        form.setText(editor.customer().getName());
        toolkit.decorateFormHeading(form.getForm());
        // one column of sections: an editor beside the list is narrow, and the form scrolls down
        form.getBody().setLayout(new GridLayout(1, false));

        Composite company = section(toolkit, form, Messages.Editor_company);
        text(toolkit, company, "name", Messages.Field_name, Customer::getName, Customer::setName);
        text(toolkit, company, "shortName", Messages.Field_shortName, Customer::getShortName, Customer::setShortName);
        text(toolkit, company, "creditCode", Messages.Field_creditCode, Customer::getCreditCode, Customer::setCreditCode);
        text(toolkit, company, "industry", Messages.Field_industry, Customer::getIndustry, Customer::setIndustry);
        text(toolkit, company, "region", Messages.Field_region, Customer::getRegion, Customer::setRegion);
        text(toolkit, company, "address", Messages.Field_address, Customer::getAddress, Customer::setAddress);
        List<String> sizes = new ArrayList<>(List.of(""));
        Arrays.stream(CompanySize.values()).map(Labels::of).forEach(sizes::add);
        combo(toolkit, company, "size", Messages.Field_size, sizes, c -> c.getSize() == null ? 0 : c.getSize().ordinal() + 1,
                (c, i) -> c.setSize(i == 0 ? null : CompanySize.values()[i - 1]));

        Composite sales = section(toolkit, form, Messages.Editor_sales);
        List<String> grades = new ArrayList<>(List.of(""));
        grades.addAll(editor.service().grades());
        combo(toolkit, sales, "grade", Messages.Field_grade, grades, c -> Math.max(0, grades.indexOf(c.getGrade() == null ? "" : c.getGrade())),
                (c, i) -> c.setGrade(i == 0 ? null : grades.get(i)));
        combo(toolkit, sales, "status", Messages.Field_status, Arrays.stream(CustomerStatus.values()).map(Labels::of).toList(),
                c -> c.getStatus() == null ? 0 : c.getStatus().ordinal(), (c, i) -> c.setStatus(CustomerStatus.values()[i]));
        text(toolkit, sales, "source", Messages.Field_source, Customer::getSource, Customer::setSource);
        text(toolkit, sales, "tags", Messages.Field_tags, c -> String.join(", ", c.getTags()), (c, v) -> {
            c.getTags().clear();
            Arrays.stream(v.split("[,，;；]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(c.getTags()::add);
        });
        text(toolkit, sales, "owner", Messages.Field_owner, Customer::getOwner, Customer::setOwner);
        followUp(toolkit, sales);

        Composite notes = section(toolkit, form, Messages.Editor_needs);
        multiline(toolkit, notes, "needs", Messages.Field_needs, Customer::getNeeds, Customer::setNeeds);
        multiline(toolkit, notes, "notes", Messages.Field_notes, Customer::getNotes, Customer::setNotes);
        contributedSections(toolkit, form);
        reload(editor.customer());
    }

    private Composite section(FormToolkit toolkit, ScrolledForm form, String title) {
        Composite client = emptySection(toolkit, form, title);
        GridLayout layout = new GridLayout(2, false);
        layout.horizontalSpacing = 12;
        client.setLayout(layout);
        return client;
    }

    private Composite emptySection(FormToolkit toolkit, ScrolledForm form, String title) {
        Section section = toolkit.createSection(form.getBody(), Section.TITLE_BAR);
        section.setText(title);
        section.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        Composite client = toolkit.createComposite(section);
        section.setClient(client);
        return client;
    }

    /** Sections of other bundles, below ours; one that fails is left out and logged, the page still opens. */
    private void contributedSections(FormToolkit toolkit, ScrolledForm form) {
        for (ContributionRegistries.SectionDescriptor d : ContributionRegistries.sections()) {
            Composite client = emptySection(toolkit, form, d.label());
            CustomerEditorSection made = d.factory().get().map(f -> LazyContribution.safeCall(d.id(), () -> {
                CustomerEditorSection section = f.createSection(editor);
                section.createContents(client, toolkit);
                return section;
            }, (CustomerEditorSection) null)).orElse(null);
            if (made == null) {
                client.getParent().dispose();
            } else {
                sections.put(d.id(), made);
            }
        }
    }

    private void label(FormToolkit toolkit, Composite parent, String text) {
        toolkit.createLabel(parent, text).setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
    }

    private void text(FormToolkit toolkit, Composite parent, String field, String label, Function<Customer, String> get,
            java.util.function.BiConsumer<Customer, String> set) {
        label(toolkit, parent, label);
        Text text = toolkit.createText(parent, "", SWT.SINGLE | SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 120;
        text.setLayoutData(data);
        register(field, text);
        loaders.add(c -> text.setText(Formats.text(get.apply(c))));
        text.addModifyListener(e -> edited(c -> set.accept(c, text.getText().isBlank() ? null : text.getText())));
    }

    private void multiline(FormToolkit toolkit, Composite parent, String field, String label, Function<Customer, String> get,
            java.util.function.BiConsumer<Customer, String> set) {
        label(toolkit, parent, label);
        Text text = toolkit.createText(parent, "", SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, false);
        data.widthHint = 200;
        data.heightHint = 60;
        text.setLayoutData(data);
        register(field, text);
        loaders.add(c -> text.setText(Formats.text(get.apply(c))));
        text.addModifyListener(e -> edited(c -> set.accept(c, text.getText().isBlank() ? null : text.getText())));
    }

    private void combo(FormToolkit toolkit, Composite parent, String field, String label, List<String> items,
            Function<Customer, Integer> get, java.util.function.ObjIntConsumer<Customer> set) {
        label(toolkit, parent, label);
        Combo combo = new Combo(parent, SWT.READ_ONLY);
        items.forEach(combo::add);
        toolkit.adapt(combo);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 100;
        combo.setLayoutData(data);
        register(field, combo);
        loaders.add(c -> combo.select(get.apply(c)));
        combo.addListener(SWT.Selection, e -> {
            if (combo.getSelectionIndex() != get.apply(editor.customer())) {
                edited(c -> set.accept(c, combo.getSelectionIndex()));
            }
        });
    }

    private void followUp(FormToolkit toolkit, Composite parent) {
        label(toolkit, parent, Messages.Field_nextFollowUp);
        Composite row = toolkit.createComposite(parent);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        row.setLayout(layout);
        Button set = toolkit.createButton(row, Messages.Field_nextFollowUpSet, SWT.CHECK);
        DateTime date = new DateTime(row, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        register("nextFollowUp", date);
        loaders.add(c -> {
            LocalDate d = c.getNextFollowUp();
            set.setSelection(d != null);
            date.setEnabled(d != null);
            LocalDate shown = d == null ? LocalDate.now(Clocks.system()).plusDays(7) : d;
            date.setDate(shown.getYear(), shown.getMonthValue() - 1, shown.getDayOfMonth());
        });
        // GTK reports date changes made by the program as selections too: only a different date is an edit
        Runnable apply = () -> {
            date.setEnabled(set.getSelection());
            LocalDate chosen = set.getSelection() ? LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay()) : null;
            if (!java.util.Objects.equals(chosen, editor.customer().getNextFollowUp())) {
                edited(c -> c.setNextFollowUp(chosen));
            }
        };
        set.addListener(SWT.Selection, e -> apply.run());
        date.addListener(SWT.Selection, e -> apply.run());
    }

    private void register(String field, Control control) {
        fields.register(field, control);
    }

    private void edited(Consumer<Customer> change) {
        if (loading) {
            return;
        }
        change.accept(editor.customer());
        editor.markDirty();
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        fields.showErrors(errors);
    }

    @Override
    public void reload(Customer customer) {
        if (getManagedForm() == null) {
            return;
        }
        loading = true;
        try {
            loaders.forEach(l -> l.accept(customer));
            sections.forEach((id, section) -> LazyContribution.safeCall(id, () -> {
                section.refresh(customer);
                return null;
            }, null));
            getManagedForm().getForm().setText(customer.getName());
        } finally {
            loading = false;
        }
    }

    /** The widget of a field, for tests. */
    public Control field(String name) {
        return fields.field(name);
    }

    /** The contributed sections by id, for tests. */
    public Map<String, CustomerEditorSection> contributedSections() {
        return Map.copyOf(sections);
    }

    /** The decoration of a field, for tests. */
    public ControlDecoration decoration(String name) {
        return fields.decoration(name);
    }
}
