package org.salesbench.opportunities.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.core.validation.Decimals;
import org.salesbench.opportunities.ForecastCategory;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.ProductCatalog;
import org.salesbench.opportunities.ProductCatalog.CatalogProduct;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.winprobability.WinProbabilityService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.EntityFormPage;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;

/** Every field of the opportunity, validated as it is typed; the stage moves through the service's rules. */
public class OpportunityOverviewPage extends EntityFormPage<Opportunity> {

    public static final String ID = "org.salesbench.opportunities.ui.editor.overview";

    private final OpportunityEditor editor;
    private Combo stageCombo;
    private Label winProbability;
    private List<Stage> stages = List.of();
    private Combo productCombo;
    /** The active products once read; the combo also offers the opportunity's own product if it was retired since. */
    private List<CatalogProduct> activeProducts = List.of();
    private List<CatalogProduct> productChoices = List.of();
    /** The opportunity's own product when it is no longer sold (read once, with the active ones). */
    private CatalogProduct retiredProduct;

    public OpportunityOverviewPage(OpportunityEditor editor) {
        super(editor, ID, Messages.Editor_overview, Opportunity::getName);
        this.editor = editor;
    }

    @Override
    protected String securityEntity() {
        return Opportunity.ENTITY;
    }

    @Override
    protected void createSections(FormToolkit toolkit, ScrolledForm form) {

        Composite deal = section(toolkit, form, Messages.Editor_deal);
        text(toolkit, deal, "name", Messages.Field_name, Opportunity::getName, Opportunity::setName);
        readOnly(toolkit, deal, Messages.Field_customer, o -> o.getCustomer() == null ? "" : o.getCustomer().getName());
        amount(toolkit, deal);
        optionalDate(toolkit, deal, "expectedCloseDate", Messages.Field_closeDate, Messages.Field_closeDateSet, Opportunity::getExpectedCloseDate,
                Opportunity::setExpectedCloseDate, () -> LocalDate.now(Clocks.system()).plusMonths(3));
        engagedOn(toolkit, deal);
        product(toolkit, deal);
        combo(toolkit, deal, "forecastCategory", Messages.Field_forecastCategory,
                Arrays.stream(ForecastCategory.values()).map(Labels::of).toList(),
                o -> o.getForecastCategory() == null ? 0 : o.getForecastCategory().ordinal(),
                (o, i) -> o.setForecastCategory(ForecastCategory.values()[i]));
        probability(toolkit, deal);

        Composite stage = section(toolkit, form, Messages.Editor_stage);
        readOnly(toolkit, stage, Messages.Field_pipeline, o -> o.getPipeline() == null ? "" : o.getPipeline().getLabel());
        stage(toolkit, stage);
        readOnly(toolkit, stage, Messages.Field_stageEntered, o -> Formats.dateTime(o.getStageEnteredAt()));
        text(toolkit, stage, "nextStep", Messages.Field_nextStep, Opportunity::getNextStep, Opportunity::setNextStep);
        picklist(toolkit, stage, "lossReason", Messages.Field_lossReason, Picklists.LOSS_REASON, Opportunity::getLossReason,
                Opportunity::setLossReason);
        readOnly(toolkit, stage, Messages.Field_closedOn, o -> Formats.date(o.getClosedOn()));

        Composite team = section(toolkit, form, Messages.Editor_team);
        text(toolkit, team, "owner", Messages.Field_owner, Opportunity::getOwner, Opportunity::setOwner);
        text(toolkit, team, "teamMembers", Messages.Field_teamMembers, o -> String.join(", ", o.getTeamMembers()),
                (o, v) -> replace(o.getTeamMembers(), v));
        text(toolkit, team, "competitors", Messages.Field_competitors, o -> String.join(", ", o.getCompetitors()),
                (o, v) -> replace(o.getCompetitors(), v));
        picklist(toolkit, team, "source", Messages.Field_source, Picklists.LEAD_SOURCE, Opportunity::getSource, Opportunity::setSource);
        readOnly(toolkit, team, Messages.Field_campaign, o -> campaign(o.getCampaign()));
        picklist(toolkit, team, "industry", Messages.Field_industry, Picklists.INDUSTRY, Opportunity::getIndustry, Opportunity::setIndustry);
        multiline(toolkit, team, "description", Messages.Field_description, Opportunity::getDescription, Opportunity::setDescription);
    }

    /** The campaign's name: the lead source of that code (a migrated campaign is one), else the code itself. */
    private static String campaign(String code) {
        if (code == null) {
            return "";
        }
        Picklists picklists = Services.get(Picklists.class);
        return picklists == null ? code : picklists.label(Picklists.LEAD_SOURCE, code);
    }

    private static void replace(Collection<String> target, String typed) {
        target.clear();
        if (typed != null) {
            Arrays.stream(typed.split("[,，;；]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(target::add);
        }
    }

    private void readOnly(FormToolkit toolkit, Composite parent, String label, Function<Opportunity, String> get) {
        label(toolkit, parent, label);
        Label value = toolkit.createLabel(parent, "");
        value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        onLoad(o -> value.setText(get.apply(o)));
    }

    private void amount(FormToolkit toolkit, Composite parent) {
        label(toolkit, parent, Messages.Field_amount);
        Composite row = toolkit.createComposite(parent);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Text text = toolkit.createText(row, "", SWT.SINGLE | SWT.BORDER | SWT.RIGHT);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 120;
        text.setLayoutData(data);
        Label currency = toolkit.createLabel(row, "");
        register("amount", text);
        onLoad(o -> {
            text.setText(Labels.amount(o.getAmount()));
            currency.setText(o.getAmount() == null ? Money.DEFAULT_CURRENCY : o.getAmount().getCurrency());
        });
        text.addModifyListener(e -> edited(o -> {
            String typed = text.getText().strip().replace(",", "");
            String code = o.getAmount() == null ? Money.DEFAULT_CURRENCY : o.getAmount().getCurrency();
            editor.setInputError("amount", null);
            if (typed.isEmpty()) {
                o.setAmount(null);
                return;
            }
            try {
                o.setAmount(Money.of(Decimals.parseAmount(typed), code));
            } catch (Decimals.OutOfRange ex) {
                editor.setInputError("amount", Decimals.tooLarge(Messages.Field_amountName, text.getText()));
            } catch (NumberFormatException ex) {
                editor.setInputError("amount", NLS.bind(Messages.Field_notANumber, Messages.Field_amountName, text.getText()));
            }
        }));
    }

    /** The day selling began; a new opportunity starts on the day it was created. */
    private void engagedOn(FormToolkit toolkit, Composite parent) {
        label(toolkit, parent, Messages.Field_engagedOn);
        DateTime date = new DateTime(parent, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        toolkit.adapt(date);
        register("engagedOn", date);
        onLoad(o -> {
            LocalDate shown = o.getEngagedOn() == null ? LocalDate.now(Clocks.system()) : o.getEngagedOn();
            date.setDate(shown.getYear(), shown.getMonthValue() - 1, shown.getDayOfMonth());
        });
        date.addListener(SWT.Selection, e -> {
            LocalDate chosen = LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
            if (!Objects.equals(chosen, editor.opportunity().getEngagedOn())) {
                edited(o -> o.setEngagedOn(chosen));
            }
        });
    }

    /** The main product: none, or one of the active products (read in a job). */
    private void product(FormToolkit toolkit, Composite parent) {
        label(toolkit, parent, Messages.Field_product);
        productCombo = new Combo(parent, SWT.READ_ONLY);
        toolkit.adapt(productCombo);
        productCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        register("product", productCombo);
        onLoad(this::showProducts);
        productCombo.addListener(SWT.Selection, e -> {
            if (isLoading()) {
                return;
            }
            int index = productCombo.getSelectionIndex();
            Long chosen = index <= 0 ? null : productChoices.get(index - 1).id();
            if (!Objects.equals(chosen, editor.opportunity().getProductId())) {
                edited(o -> o.setProductId(chosen));
            }
        });
        Long ownProduct = editor.opportunity().getProductId();
        record Catalogue(List<CatalogProduct> active, CatalogProduct own) {
        }
        Jobs.load(productCombo, Messages.Job_loadProducts, () -> {
            // the quotes module provides the catalogue; without it an opportunity names no product
            ProductCatalog catalog = Services.find(ProductCatalog.class).orElse(null);
            if (catalog == null) {
                return new Catalogue(List.of(), null);
            }
            return new Catalogue(catalog.list(true), ownProduct == null ? null : catalog.find(ownProduct).orElse(null));
        }, catalogue -> {
            activeProducts = catalogue.active();
            retiredProduct = catalogue.own();
            whileLoading(() -> showProducts(editor.opportunity()));
        }, e -> productCombo.setToolTipText(e.getMessage()));
    }

    private void showProducts(Opportunity o) {
        List<CatalogProduct> choices = new ArrayList<>(activeProducts);
        Long current = o.getProductId();
        if (current != null && choices.stream().noneMatch(p -> p.id() == current) && retiredProduct != null && retiredProduct.id() == current) {
            choices.add(retiredProduct);
        }
        productChoices = choices;
        productCombo.removeAll();
        productCombo.add(Messages.Field_noProduct);
        choices.forEach(p -> productCombo.add(NLS.bind(Messages.Field_productChoice, p.code(), p.name())));
        int selected = 0;
        for (int i = 0; i < choices.size(); i++) {
            if (current != null && choices.get(i).id() == current) {
                selected = i + 1;
            }
        }
        productCombo.select(selected);
    }

    /** The product combo, for tests. */
    Combo productCombo() {
        return productCombo;
    }

    private void probability(FormToolkit toolkit, Composite parent) {
        label(toolkit, parent, Messages.Field_probability);
        Composite row = toolkit.createComposite(parent);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Spinner spinner = new Spinner(row, SWT.BORDER);
        spinner.setMinimum(0);
        spinner.setMaximum(100);
        toolkit.adapt(spinner);
        Label stageDefault = toolkit.createLabel(row, "");
        stageDefault.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        register("probability", spinner);
        toolkit.createLabel(parent, Messages.Field_winProbability).setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        winProbability = toolkit.createLabel(parent, "", SWT.WRAP);
        GridData winData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        winData.widthHint = 300;
        winProbability.setLayoutData(winData);
        onLoad(o -> {
            spinner.setSelection(o.getProbability());
            stageDefault.setText(o.getStage() == null ? "" : NLS.bind(Messages.Field_stageProbability, o.getStage().getProbability()));
            predict(o);
        });
        spinner.addListener(SWT.Modify, e -> {
            if (spinner.getSelection() != editor.opportunity().getProbability()) {
                edited(o -> o.setProbability(spinner.getSelection()));
            }
        });
    }

    /** The learned model's estimate beside the stage's, with its main reasons (read in a job: it may train first). */
    private void predict(Opportunity o) {
        if (o.isClosed()) {
            winProbability.setText(Messages.Field_winProbabilityClosed);
            return;
        }
        winProbability.setText(Messages.Loading);
        long id = o.getId();
        Jobs.load(winProbability, Messages.Job_predict, () -> Services.get(WinProbabilityService.class).predict(id), p -> {
            winProbability.setText(NLS.bind(Messages.Field_winProbabilityValue, p.percent(), p.explanation()));
            winProbability.setToolTipText(String.join("\n", p.reasons().stream().map(r -> r.text()).toList()));
            getManagedForm().reflow(true);
        }, e -> winProbability.setText(e.getMessage()));
    }

    /** The model's estimate as shown, for tests. */
    String winProbabilityText() {
        return winProbability.getText();
    }

    private void stage(FormToolkit toolkit, Composite parent) {
        label(toolkit, parent, Messages.Field_stage);
        stageCombo = new Combo(parent, SWT.READ_ONLY);
        toolkit.adapt(stageCombo);
        stageCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        register("stageId", stageCombo);
        onLoad(o -> {
            stages = o.getPipeline() == null ? List.of() : o.getPipeline().getStages();
            stageCombo.removeAll();
            stages.forEach(s -> stageCombo.add(s.getLabel() + (s.getKind() == StageKind.OPEN ? "  (" + Labels.percent(s.getProbability()) + ")" : "")));
            for (int i = 0; i < stages.size(); i++) {
                if (o.getStage() != null && Objects.equals(stages.get(i).getId(), o.getStage().getId())) {
                    stageCombo.select(i);
                }
            }
        });
        stageCombo.addListener(SWT.Selection, e -> {
            if (isLoading()) {
                return;
            }
            Stage chosen = stages.get(stageCombo.getSelectionIndex());
            if (editor.opportunity().getStage() != null && Objects.equals(chosen.getId(), editor.opportunity().getStage().getId())) {
                return;
            }
            moveTo(chosen);
        });
    }

    /** Moves the stage at once through the service (its rules, its history row); unsaved edits must be saved first. */
    void moveTo(Stage stage) {
        if (editor.hasChanges()) {
            MessageDialog.openInformation(getSite().getShell(), Messages.Editor_moveStage, Messages.Editor_saveFirst);
            reload(editor.opportunity());
            return;
        }
        try {
            if (stage.getKind() == StageKind.LOST) {
                String reason = editor.opportunity().getLossReason();
                if (reason == null || reason.isBlank()) {
                    MessageDialog.openInformation(getSite().getShell(), Messages.Editor_moveStage, Messages.Editor_lossReasonFirst);
                    reload(editor.opportunity());
                    return;
                }
                editor.service().markLost(editor.opportunity().getId(), reason, null);
            } else {
                editor.service().moveToStage(editor.opportunity().getId(), stage.getId());
            }
            editor.reload();
        } catch (ValidationException e) {
            MessageDialog.openWarning(getSite().getShell(), Messages.Editor_moveStage, e.getMessage());
            reload(editor.opportunity());
        }
    }

    @Override
    protected void reloaded(Opportunity opportunity) {
        getManagedForm().getForm().getBody().layout(true, true);
    }

    /**
     * A combo of a picklist's active values (and the deal's own value if the list no longer offers it, or never did: a
     * free text of an older version), labelled in the user's language; the code is stored.
     */
    private void picklist(FormToolkit toolkit, Composite parent, String field, String label, String list,
            java.util.function.Function<Opportunity, String> get, java.util.function.BiConsumer<Opportunity, String> set) {
        Picklists picklists = Services.get(Picklists.class);
        String current = entity() == null ? null : get.apply(entity());
        List<PicklistValue> values = new ArrayList<>(picklists.activeValues(list));
        if (current != null && values.stream().noneMatch(v -> v.code().equalsIgnoreCase(current))) {
            values.add(picklists.find(list, current).orElse(new PicklistValue(list, current, current, current, Integer.MAX_VALUE, false, false)));
        }
        List<String> labels = new ArrayList<>(List.of(""));
        values.forEach(v -> labels.add(v.label()));
        combo(toolkit, parent, field, label, labels, o -> {
            String code = get.apply(o);
            for (int i = 0; code != null && i < values.size(); i++) {
                if (values.get(i).code().equalsIgnoreCase(code)) {
                    return i + 1;
                }
            }
            return 0;
        }, (o, i) -> set.accept(o, i == 0 ? null : values.get(i - 1).code()));
    }
}
