package org.salesbench.customers.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.ui.CustomerEditorSection;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;
import org.salesbench.ui.forms.EntityFormPage;

/** Every field of the customer, validated as it is typed. */
public class OverviewPage extends EntityFormPage<Customer> implements CustomerEditor.ValidatingPage {

    public static final String ID = "org.salesbench.customers.ui.editor.overview";

    private final CustomerEditor editor;
    private final Map<String, CustomerEditorSection> sections = new LinkedHashMap<>();

    public OverviewPage(CustomerEditor editor) {
        super(editor, ID, Messages.Editor_overview, Customer::getName);
        this.editor = editor;
    }

    @Override
    protected String securityEntity() {
        return Customer.ENTITY;
    }

    @Override
    protected void createSections(FormToolkit toolkit, ScrolledForm form) {
        Composite company = section(toolkit, form, Messages.Editor_company);
        text(toolkit, company, "name", Messages.Field_name, Customer::getName, Customer::setName);
        text(toolkit, company, "shortName", Messages.Field_shortName, Customer::getShortName, Customer::setShortName);
        text(toolkit, company, "creditCode", Messages.Field_creditCode, Customer::getCreditCode, Customer::setCreditCode);
        // the list's active values (and the customer's own if it is no longer offered), labelled in the user's language
        List<PicklistValue> industries = Industries.choices(entity() == null ? null : entity().getIndustry());
        List<String> industryLabels = new ArrayList<>(List.of(""));
        industries.forEach(v -> industryLabels.add(v.label()));
        combo(toolkit, company, "industry", Messages.Field_industry, industryLabels, c -> industryIndex(industries, c.getIndustry()),
                (c, i) -> c.setIndustry(i == 0 ? null : industries.get(i - 1).code()));
        text(toolkit, company, "region", Messages.Field_region, Customer::getRegion, Customer::setRegion);
        text(toolkit, company, "address", Messages.Field_address, Customer::getAddress, Customer::setAddress);
        picklist(toolkit, company, "size", Messages.Field_size, Picklists.COMPANY_SIZE, Customer::getSize, Customer::setSize);

        Composite sales = section(toolkit, form, Messages.Editor_sales);
        List<String> grades = new ArrayList<>(List.of(""));
        grades.addAll(editor.service().grades());
        combo(toolkit, sales, "grade", Messages.Field_grade, grades, c -> Math.max(0, grades.indexOf(c.getGrade() == null ? "" : c.getGrade())),
                (c, i) -> c.setGrade(i == 0 ? null : grades.get(i)));
        combo(toolkit, sales, "status", Messages.Field_status, Arrays.stream(CustomerStatus.values()).map(Labels::of).toList(),
                c -> c.getStatus() == null ? 0 : c.getStatus().ordinal(), (c, i) -> c.setStatus(CustomerStatus.values()[i]));
        picklist(toolkit, sales, "source", Messages.Field_source, Picklists.LEAD_SOURCE, Customer::getSource, Customer::setSource);
        text(toolkit, sales, "tags", Messages.Field_tags, c -> String.join(", ", c.getTags()), (c, v) -> {
            c.getTags().clear();
            Arrays.stream(v.split("[,，;；]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(c.getTags()::add);
        });
        text(toolkit, sales, "owner", Messages.Field_owner, Customer::getOwner, Customer::setOwner);
        optionalDate(toolkit, sales, "nextFollowUp", Messages.Field_nextFollowUp, Messages.Field_nextFollowUpSet, Customer::getNextFollowUp,
                Customer::setNextFollowUp, () -> LocalDate.now(Clocks.system()).plusDays(7));

        Composite notes = section(toolkit, form, Messages.Editor_needs);
        multiline(toolkit, notes, "needs", Messages.Field_needs, Customer::getNeeds, Customer::setNeeds);
        multiline(toolkit, notes, "notes", Messages.Field_notes, Customer::getNotes, Customer::setNotes);
        contributedSections(toolkit, form);
    }

    /**
     * A combo of {@code list}'s active values (and the customer's own value if it is no longer offered or was kept as
     * written), labelled in the user's language, none first; the customer stores the code.
     */
    private void picklist(FormToolkit toolkit, Composite parent, String field, String label, String list,
            java.util.function.Function<Customer, String> getter, java.util.function.BiConsumer<Customer, String> setter) {
        List<PicklistValue> values = Industries.choices(list, entity() == null ? null : getter.apply(entity()));
        List<String> labels = new ArrayList<>(List.of(""));
        values.forEach(v -> labels.add(v.label()));
        combo(toolkit, parent, field, label, labels, c -> industryIndex(values, getter.apply(c)),
                (c, i) -> setter.accept(c, i == 0 ? null : values.get(i - 1).code()));
    }

    /** The combo item of a stored picklist code: 0 (none) when the list has no such code. */
    static int industryIndex(List<PicklistValue> industries, String code) {
        if (code == null) {
            return 0;
        }
        for (int i = 0; i < industries.size(); i++) {
            if (industries.get(i).code().equalsIgnoreCase(code)) {
                return i + 1;
            }
        }
        return 0;
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

    @Override
    protected void reloaded(Customer customer) {
        sections.forEach((id, section) -> LazyContribution.safeCall(id, () -> {
            section.refresh(customer);
            return null;
        }, null));
    }

    /** The contributed sections by id, for tests. */
    public Map<String, CustomerEditorSection> contributedSections() {
        return Map.copyOf(sections);
    }
}
