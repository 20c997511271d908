package org.salesbench.customers.ui.internal;

import java.util.List;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.DuplicateCandidate;
import org.salesbench.ui.Services;

/**
 * New customer: the company, then (optionally) its first contact. Finish checks for duplicates
 * first; if any are found the wizard shows them and creates the customer only when the user
 * confirms that it is a different company.
 */
public class NewCustomerWizard extends Wizard implements INewWizard {

    private final CustomerService service = Services.get(CustomerService.class);
    private final Customer customer = new Customer();
    private final Contact contact = new Contact();
    private CompanyPage companyPage;
    private ContactPage contactPage;
    private DuplicatesPage duplicatesPage;
    private Customer created;

    public NewCustomerWizard() {
        setWindowTitle(Messages.Wizard_title);
        setNeedsProgressMonitor(false);
        customer.setStatus(CustomerStatus.PROSPECT);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        // nothing taken from the selection
    }

    @Override
    public void addPages() {
        companyPage = new CompanyPage();
        contactPage = new ContactPage();
        duplicatesPage = new DuplicatesPage();
        addPage(companyPage);
        addPage(contactPage);
        addPage(duplicatesPage);
    }

    /** The customer as entered, with the contact if one was named. */
    private Customer candidate() {
        customer.getContacts().clear();
        if (contact.getName() != null && !contact.getName().isBlank()) {
            contact.setPrimary(true);
            customer.addContact(contact);
        }
        return customer;
    }

    /** The first error of the given fields, or null. */
    private String firstError(String... prefixes) {
        try {
            service.validate(candidate());
            return null;
        } catch (ValidationException e) {
            for (FieldError error : e.getErrors()) {
                for (String prefix : prefixes) {
                    if (error.field().startsWith(prefix)) {
                        return error.message();
                    }
                }
            }
            return null;
        }
    }

    @Override
    public boolean canFinish() {
        return companyPage.isPageComplete() && contactPage.isPageComplete()
                && (getContainer().getCurrentPage() != duplicatesPage || duplicatesPage.isPageComplete());
    }

    @Override
    public boolean performFinish() {
        Customer c = candidate();
        if (!duplicatesPage.checked) {
            List<DuplicateCandidate> duplicates = service.findDuplicates(c);
            duplicatesPage.show(duplicates);
            if (!duplicates.isEmpty()) {
                getContainer().showPage(duplicatesPage);
                return false;
            }
        } else if (!duplicatesPage.confirmed()) {
            return false;
        }
        try {
            created = service.create(c);
        } catch (ValidationException e) {
            ((WizardPage) getContainer().getCurrentPage()).setErrorMessage(e.getMessage());
            return false;
        }
        try {
            CustomerEditor.open(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), created.getId(), created.getName());
        } catch (PartInitException | NullPointerException e) {
            // created; the editor could not open (no active page): nothing to undo
        }
        return true;
    }

    /** The customer made by Finish, or null. */
    public Customer created() {
        return created;
    }

    private static Text field(Composite parent, String label) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 320;
        text.setLayoutData(data);
        return text;
    }

    private static String value(Text text) {
        return text.getText().isBlank() ? null : text.getText().strip();
    }

    /** The company page; its fields are public for UI tests. */
    public final class CompanyPage extends WizardPage {

        public Text name;
        public Text shortName;
        public Text creditCode;
        public Combo industry;
        private List<org.salesbench.persistence.PicklistValue> industries;
        public Text region;
        public Combo grade;
        public Combo status;

        CompanyPage() {
            super("company", Messages.Wizard_companyTitle, Images.descriptor("icons/new_customer.png"));
            setDescription(Messages.Wizard_companyDescription);
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            name = field(c, Messages.Field_name);
            shortName = field(c, Messages.Field_shortName);
            creditCode = field(c, Messages.Field_creditCode);
            new Label(c, SWT.NONE).setText(Messages.Field_industry);
            industry = new Combo(c, SWT.READ_ONLY);
            industry.add("");
            industries = Industries.choices(null);
            industries.forEach(v -> industry.add(v.label()));
            industry.select(0);
            industry.addListener(SWT.Selection, e -> update());
            region = field(c, Messages.Field_region);
            new Label(c, SWT.NONE).setText(Messages.Field_grade);
            grade = new Combo(c, SWT.READ_ONLY);
            grade.add("");
            service.grades().forEach(grade::add);
            grade.select(0);
            new Label(c, SWT.NONE).setText(Messages.Field_status);
            status = new Combo(c, SWT.READ_ONLY);
            for (CustomerStatus s : CustomerStatus.values()) {
                status.add(Labels.of(s));
            }
            status.select(0);
            for (Text t : List.of(name, shortName, creditCode, region)) {
                t.addModifyListener(e -> update());
            }
            grade.addListener(SWT.Selection, e -> update());
            status.addListener(SWT.Selection, e -> update());
            setControl(c);
            setPageComplete(false);
        }

        void update() {
            customer.setName(value(name));
            customer.setShortName(value(shortName));
            customer.setCreditCode(value(creditCode));
            customer.setIndustry(industry.getSelectionIndex() <= 0 ? null : industries.get(industry.getSelectionIndex() - 1).code());
            customer.setRegion(value(region));
            customer.setGrade(grade.getSelectionIndex() <= 0 ? null : grade.getText());
            customer.setStatus(CustomerStatus.values()[status.getSelectionIndex()]);
            duplicatesPage.reset();
            String error = firstError("name", "shortName", "creditCode", "industry", "region", "grade", "status");
            setErrorMessage(name.getText().isBlank() ? null : error);
            setPageComplete(error == null);
        }
    }

    /** The first-contact page; its fields are public for UI tests. */
    public final class ContactPage extends WizardPage {

        public Text contactName;
        public Text title;
        public Text phone;
        public Text email;

        ContactPage() {
            super("contact", Messages.Wizard_contactTitle, Images.descriptor("icons/new_customer.png"));
            setDescription(Messages.Wizard_contactDescription);
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            contactName = field(c, Messages.Contact_name);
            title = field(c, Messages.Contact_title);
            phone = field(c, Messages.Contact_phone);
            email = field(c, Messages.Contact_email);
            for (Text t : List.of(contactName, title, phone, email)) {
                t.addModifyListener(e -> update());
            }
            setControl(c);
        }

        void update() {
            contact.setName(value(contactName));
            contact.setTitle(value(title));
            contact.getPhones().clear();
            if (value(phone) != null) {
                contact.getPhones().add(value(phone));
            }
            contact.getEmails().clear();
            if (value(email) != null) {
                contact.getEmails().add(value(email));
            }
            duplicatesPage.reset();
            boolean anything = value(contactName) != null || value(phone) != null || value(email) != null;
            String error = !anything ? null
                    : value(contactName) == null ? NLS.bind(org.salesbench.core.validation.Messages.Validation_required, Messages.Contact_name)
                    : firstError("contacts");
            setErrorMessage(error);
            setPageComplete(error == null);
        }
    }

    /** The duplicates found on Finish. */
    public final class DuplicatesPage extends WizardPage {

        boolean checked;
        org.eclipse.swt.widgets.List list;
        Button createAnyway;
        private List<DuplicateCandidate> duplicates = List.of();

        DuplicatesPage() {
            super("duplicates", Messages.Wizard_duplicatesTitle, Images.descriptor("icons/new_customer.png"));
            setDescription(Messages.Wizard_duplicatesDescription);
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(1, false));
            list = new org.eclipse.swt.widgets.List(c, SWT.BORDER | SWT.V_SCROLL);
            GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
            data.heightHint = 120;
            list.setLayoutData(data);
            createAnyway = new Button(c, SWT.CHECK);
            createAnyway.setText(Messages.Wizard_createAnyway);
            createAnyway.addListener(SWT.Selection, e -> setPageComplete(confirmed()));
            setControl(c);
        }

        @Override
        public void setVisible(boolean visible) {
            if (visible && !checked) {
                show(service.findDuplicates(candidate()));
            }
            super.setVisible(visible);
        }

        void show(List<DuplicateCandidate> found) {
            checked = true;
            duplicates = found;
            list.removeAll();
            for (DuplicateCandidate d : found) {
                String why = switch (d.reason()) {
                    case CREDIT_CODE -> Messages.Wizard_sameCreditCode;
                    case PHONE -> Messages.Wizard_samePhone;
                    case EMAIL -> Messages.Wizard_sameEmail;
                    case NAME -> Messages.Wizard_sameName;
                };
                list.add(d.name() + " — " + NLS.bind(why, d.matchedValue()));
            }
            if (found.isEmpty()) {
                list.add(Messages.Wizard_noDuplicates);
                setMessage(null);
            } else {
                setMessage(NLS.bind(Messages.Wizard_duplicatesFound, found.size()), WARNING);
            }
            createAnyway.setVisible(!found.isEmpty());
            createAnyway.setSelection(false);
            setPageComplete(confirmed());
        }

        boolean confirmed() {
            return duplicates.isEmpty() || createAnyway.getSelection();
        }

        void reset() {
            checked = false;
        }

        /** The lines shown, for tests. */
        public String[] shown() {
            return list.getItems();
        }
    }

    public CompanyPage companyPage() {
        return companyPage;
    }

    public ContactPage contactPage() {
        return contactPage;
    }

    public DuplicatesPage duplicatesPage() {
        return duplicatesPage;
    }
}
