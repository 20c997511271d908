package org.salesbench.contracts.internal.documents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.salesbench.contracts.ContractDocuments;
import org.salesbench.contracts.ContractTemplate;
import org.salesbench.contracts.internal.Messages;
import org.salesbench.core.settings.TeamSettings;

/** The team settings contracts declare: the default contract template of each language (a template's id, 0: none chosen), offered by name. */
@Component(service = TeamSettings.Declared.class)
public class ContractTemplateSettings implements TeamSettings.Declared {

    public static final TeamSettings.Setting DEFAULT_EN = new TeamSettings.Setting(ContractDocuments.DEFAULT_EN, Messages.Setting_defaultEn, 0,
            (int) ContractTemplate.SHIPPED_ZH, Integer.MAX_VALUE);
    public static final TeamSettings.Setting DEFAULT_ZH = new TeamSettings.Setting(ContractDocuments.DEFAULT_ZH, Messages.Setting_defaultZh, 0,
            (int) ContractTemplate.SHIPPED_ZH, Integer.MAX_VALUE);

    /**
     * The templates, to name the choices; optional, and got only when the choices are asked for. The templates read the
     * team settings (ContractDocumentsImpl → TeamSettings → this → ContractDocuments): bound as the service itself, the
     * component whose activation started that circle got no templates here (SCR leaves a circular reference unbound),
     * so the settings page showed the defaults as numbers. The service objects break the circle: nothing is activated
     * when they are bound.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<ContractDocuments> documents;

    @Override
    public List<TeamSettings.Setting> settings() {
        return List.of(DEFAULT_EN, DEFAULT_ZH);
    }

    /**
     * A default's choices by name: none chosen (the installation's own template of the language, else the shipped one),
     * then the language's templates, the shipped one first, the others by name.
     */
    @Override
    public Map<Integer, String> choices(TeamSettings.Setting setting) {
        ComponentServiceObjects<ContractDocuments> objects = documents;
        if (objects == null || !settings().contains(setting)) {
            return Map.of();
        }
        ContractDocuments templates = objects.getService();
        if (templates == null) {
            return Map.of();
        }
        try {
            String lang = DEFAULT_ZH.equals(setting) ? "zh_CN" : "en"; //$NON-NLS-1$ //$NON-NLS-2$
            Map<Integer, String> choices = new LinkedHashMap<>();
            choices.put(0, Messages.Setting_noneChosen);
            for (ContractTemplate t : templates.templates()) {
                if (lang.equals(t.lang())) {
                    choices.put((int) t.id(), t.shipped() ? Messages.Setting_shipped : t.name());
                }
            }
            return choices;
        } finally {
            objects.ungetService(templates);
        }
    }
}
