package org.salesbench.contracts.internal.documents;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.salesbench.contracts.ContractDocuments;
import org.salesbench.contracts.ContractTemplate;
import org.salesbench.contracts.internal.Messages;
import org.salesbench.core.settings.TeamSettings;

/** The team settings contracts declare: the default contract template of each language (a template's id, 0: none chosen). */
@Component(service = TeamSettings.Declared.class)
public class ContractTemplateSettings implements TeamSettings.Declared {

    public static final TeamSettings.Setting DEFAULT_EN = new TeamSettings.Setting(ContractDocuments.DEFAULT_EN, Messages.Setting_defaultEn, 0,
            (int) ContractTemplate.SHIPPED_ZH, Integer.MAX_VALUE);
    public static final TeamSettings.Setting DEFAULT_ZH = new TeamSettings.Setting(ContractDocuments.DEFAULT_ZH, Messages.Setting_defaultZh, 0,
            (int) ContractTemplate.SHIPPED_ZH, Integer.MAX_VALUE);

    @Override
    public List<TeamSettings.Setting> settings() {
        return List.of(DEFAULT_EN, DEFAULT_ZH);
    }
}
