package org.salesbench.opportunities.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.core.validation.Decimals;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadDuplicate;
import org.salesbench.opportunities.LeadScreening;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.LeadSource;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;

/**
 * The fields of a lead, shared by the lead dialog and the new-lead wizard. Every edit is checked
 * by the lead service's rules (errors on the fields); a short pause after typing, the lead is
 * screened in a job and the score, grade and possible duplicates shown below.
 */
final class LeadFields {

    private static final int SCREEN_DELAY_MS = 400;

    private final LeadService service;
    private final Lead lead;
    private final Runnable changed;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final Map<String, ControlDecoration> decorations = new HashMap<>();
    private final Map<String, String> inputErrors = new HashMap<>();
    private Map<String, String> errors = Map.of();
    /** Errors stay hidden until the user edits a field or presses OK/Finish: a fresh form is not wrong yet. */
    private boolean errorsShown;
    private final Composite composite;
    private Label screening;
    private final Runnable screenSoon = this::screen;

    LeadFields(Composite parent, LeadService service, List<LeadSource> sources, Lead lead, boolean editing, Runnable changed) {
        this.service = service;
        this.lead = lead;
        this.changed = changed;
        composite = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.horizontalSpacing = 12;
        composite.setLayout(layout);
        text("company", Messages.Lead_company, Lead::getCompany, Lead::setCompany);
        text("creditCode", Messages.Lead_creditCode, Lead::getCreditCode, Lead::setCreditCode);
        text("contactName", Messages.Lead_contactName, Lead::getContactName, Lead::setContactName);
        text("contactTitle", Messages.Lead_contactTitle, Lead::getContactTitle, Lead::setContactTitle);
        text("phone", Messages.Lead_phone, Lead::getPhone, Lead::setPhone);
        text("email", Messages.Lead_email, Lead::getEmail, Lead::setEmail);
        List<String> codes = new ArrayList<>(List.of(""));
        List<String> names = new ArrayList<>(List.of(""));
        for (LeadSource s : sources) {
            codes.add(s.getCode());
            names.add(s.getLabel());
        }
        if (lead.getSource() != null && !codes.contains(lead.getSource())) {
            codes.add(lead.getSource());
            names.add(lead.getSource());
        }
        combo("source", Messages.Lead_source, names, Math.max(0, codes.indexOf(lead.getSource() == null ? "" : lead.getSource())),
                i -> lead.setSource(i == 0 ? null : codes.get(i)));
        // the campaign: one of the lead sources too (a migrated campaign is a lead source)
        List<String> campaignCodes = new ArrayList<>(List.of(""));
        List<String> campaignNames = new ArrayList<>(List.of(""));
        for (LeadSource s : sources) {
            campaignCodes.add(s.getCode());
            campaignNames.add(s.getLabel());
        }
        if (lead.getCampaign() != null && !campaignCodes.contains(lead.getCampaign())) {
            campaignCodes.add(lead.getCampaign());
            campaignNames.add(lead.getCampaign());
        }
        combo("campaign", Messages.Lead_campaign, campaignNames,
                Math.max(0, campaignCodes.indexOf(lead.getCampaign() == null ? "" : lead.getCampaign())),
                i -> lead.setCampaign(i == 0 ? null : campaignCodes.get(i)));
        // the industry's and size's lists: active values (and the lead's own if no longer offered), labelled in the user's language
        picklist("industry", Messages.Lead_industry, Picklists.INDUSTRY, lead.getIndustry(), lead::setIndustry);
        picklist("size", Messages.Lead_size, Picklists.COMPANY_SIZE, lead.getSize(), lead::setSize);
        budget();
        multiline("need", Messages.Lead_need, Lead::getNeed, Lead::setNeed);
        if (editing) {
            List<String> statuses = Arrays.stream(LeadStatus.values()).map(Labels::of).toList();
            combo("status", Messages.Lead_status, statuses, lead.getStatus() == null ? 0 : lead.getStatus().ordinal(),
                    i -> lead.setStatus(LeadStatus.values()[i]));
            text("disqualifyReason", Messages.Lead_disqualifyReason, Lead::getDisqualifyReason, Lead::setDisqualifyReason);
            text("owner", Messages.Lead_owner, Lead::getOwner, Lead::setOwner);
        }
        new Label(composite, SWT.NONE).setText(Messages.Lead_screening);
        screening = new Label(composite, SWT.WRAP);
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 320;
        screening.setLayoutData(data);
        validate();
        screen();
    }

    Composite control() {
        return composite;
    }

    Lead lead() {
        return lead;
    }

    /** The field errors now, field name to message; empty when the lead may be saved. */
    Map<String, String> errors() {
        return errors;
    }

    /** The errors the user sees: none before the first edit or OK/Finish, then all of them. */
    Map<String, String> shownErrors() {
        return errorsShown ? errors : Map.of();
    }

    /** Shows the errors from now on (OK or Finish was pressed). */
    void showErrors() {
        errorsShown = true;
        validate();
    }

    /** The text field of a lead property, for tests. */
    Text text(String field) {
        return (Text) fields.get(field);
    }

    /** The screening result shown, for tests. */
    String screeningText() {
        return screening.getText();
    }

    private Label label(String text) {
        Label label = new Label(composite, SWT.NONE);
        label.setText(text);
        return label;
    }

    private void text(String field, String label, Function<Lead, String> get, BiConsumer<Lead, String> set) {
        label(label);
        Text text = new Text(composite, SWT.SINGLE | SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 240;
        text.setLayoutData(data);
        text.setText(Formats.text(get.apply(lead)));
        register(field, text);
        text.addModifyListener(e -> edited(() -> set.accept(lead, text.getText().isBlank() ? null : text.getText().strip())));
    }

    private void multiline(String field, String label, Function<Lead, String> get, BiConsumer<Lead, String> set) {
        label(label).setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        Text text = new Text(composite, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, false);
        data.widthHint = 240;
        data.heightHint = 48;
        text.setLayoutData(data);
        text.setText(Formats.text(get.apply(lead)));
        register(field, text);
        text.addModifyListener(e -> edited(() -> set.accept(lead, text.getText().isBlank() ? null : text.getText())));
    }

    private void combo(String field, String label, List<String> items, int selected, java.util.function.IntConsumer set) {
        label(label);
        Combo combo = new Combo(composite, SWT.READ_ONLY);
        items.forEach(combo::add);
        combo.select(selected);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        register(field, combo);
        combo.addListener(SWT.Selection, e -> edited(() -> set.accept(combo.getSelectionIndex())));
    }

    private void budget() {
        label(NLS.bind(Messages.Lead_budget, Money.DEFAULT_CURRENCY));
        Text text = new Text(composite, SWT.SINGLE | SWT.BORDER | SWT.RIGHT);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.setText(Labels.amount(lead.getBudget()));
        register("budget", text);
        text.addModifyListener(e -> edited(() -> {
            String typed = text.getText().strip().replace(",", "");
            inputErrors.remove("budget");
            if (typed.isEmpty()) {
                lead.setBudget(null);
                return;
            }
            try {
                lead.setBudget(Money.of(Decimals.parseAmount(typed),
                        lead.getBudget() == null ? Money.DEFAULT_CURRENCY : lead.getBudget().getCurrency()));
            } catch (Decimals.OutOfRange ex) {
                inputErrors.put("budget", Decimals.tooLarge(Messages.Lead_budgetField, text.getText()));
            } catch (NumberFormatException ex) {
                inputErrors.put("budget", NLS.bind(Messages.Field_notANumber, Messages.Lead_budgetField, text.getText()));
            }
        }));
    }

    private void register(String field, Control control) {
        fields.put(field, control);
        ControlDecoration decoration = new ControlDecoration(control, SWT.LEFT | SWT.TOP);
        decoration.setImage(FieldDecorationRegistry.getDefault().getFieldDecoration(FieldDecorationRegistry.DEC_ERROR).getImage());
        decoration.hide();
        decorations.put(field, decoration);
    }

    private void edited(Runnable change) {
        change.run();
        errorsShown = true;
        validate();
        changed.run();
        composite.getDisplay().timerExec(-1, screenSoon);
        composite.getDisplay().timerExec(SCREEN_DELAY_MS, screenSoon);
    }

    private void validate() {
        Map<String, String> found = new LinkedHashMap<>(inputErrors);
        try {
            service.validate(lead);
        } catch (ValidationException e) {
            for (FieldError error : e.getErrors()) {
                found.putIfAbsent(error.field(), error.message());
            }
        }
        errors = found;
        decorations.forEach((field, decoration) -> {
            String message = found.get(field);
            if (message == null || !errorsShown) {
                decoration.hide();
            } else {
                decoration.setDescriptionText(message);
                decoration.show();
            }
        });
    }

    private void screen() {
        if (composite.isDisposed() || lead.getCompany() == null) {
            return;
        }
        Jobs.load(composite, Messages.Job_screen, () -> service.screen(lead), this::show, e -> screening.setText(e.getMessage()));
    }

    private void show(LeadScreening result) {
        StringBuilder text = new StringBuilder(NLS.bind(Messages.Lead_score, result.score(), Formats.text(result.grade())));
        for (LeadDuplicate d : result.duplicates()) {
            text.append('\n').append(NLS.bind(d.kind() == LeadDuplicate.Kind.CUSTOMER ? Messages.Lead_duplicateCustomer : Messages.Lead_duplicateLead,
                    new Object[] {d.name(), Labels.of(d.reason()), Formats.text(d.matchedValue())}));
        }
        screening.setText(text.toString());
        composite.layout(true, true);
    }

    /** A combo of {@code list}'s active values (and {@code current} if it is not one of them), by label, none first; the lead stores the code. */
    private void picklist(String field, String label, String list, String current, java.util.function.Consumer<String> setter) {
        Picklists picklists = org.salesbench.ui.Services.get(Picklists.class);
        List<PicklistValue> values = new ArrayList<>(picklists.activeValues(list));
        if (current != null && values.stream().noneMatch(v -> v.code().equalsIgnoreCase(current))) {
            values.add(picklists.find(list, current).orElse(new PicklistValue(list, current, current, current, Integer.MAX_VALUE, false, false)));
        }
        List<String> labels = new ArrayList<>(List.of(""));
        int selected = 0;
        for (PicklistValue v : values) {
            labels.add(v.label());
            if (v.code().equalsIgnoreCase(current == null ? "" : current)) {
                selected = labels.size() - 1;
            }
        }
        combo(field, label, labels, selected, i -> setter.accept(i == 0 ? null : values.get(i - 1).code()));
    }

}
