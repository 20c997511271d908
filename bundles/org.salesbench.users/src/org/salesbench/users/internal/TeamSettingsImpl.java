package org.salesbench.users.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.salesbench.core.recyclebin.RecycleBin;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.settings.TeamSettings;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.Validator;
import org.salesbench.persistence.UnitOfWork;

/**
 * The team's settings in SB_TEAM_SETTING, one row per setting an administrator set. On a team server the table is one
 * of the administrators' tables ({@link RoleSecurityService#ADMIN_TABLES}): the team role only reads it, so a direct SQL
 * session of anyone else cannot change a setting either.
 */
@Component(service = TeamSettings.class)
public class TeamSettingsImpl implements TeamSettings {

    /** The entity whose UPDATE right is the right to change the team's settings (administrators hold every right). */
    static final String ENTITY = "team_setting";

    private final UnitOfWork unitOfWork;
    private final SecurityService security;

    @Activate
    public TeamSettingsImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security) {
        this.unitOfWork = unitOfWork;
        this.security = security;
    }

    /** The settings modules declare (DS: every {@link TeamSettings.Declared} service). */
    private final List<TeamSettings.Declared> declared = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void addDeclared(TeamSettings.Declared settings) {
        declared.add(settings);
    }

    public void removeDeclared(TeamSettings.Declared settings) {
        declared.remove(settings);
    }

    @Override
    public List<Setting> settings() {
        List<Setting> all = new java.util.ArrayList<>(List.of(RecycleBin.RETENTION));
        declared.forEach(d -> all.addAll(d.settings()));
        return List.copyOf(all);
    }

    @Override
    public Map<Integer, String> choices(Setting setting) {
        return declared.stream().filter(d -> d.settings().contains(setting)).findFirst().map(d -> d.choices(setting)).orElse(Map.of());
    }

    @Override
    public Optional<Integer> stored(String name) {
        List<?> rows = unitOfWork.read(em -> em.createNativeQuery("SELECT SETTING_VALUE FROM SB_TEAM_SETTING WHERE NAME = ?1")
                .setParameter(1, name).getResultList());
        return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).intValue());
    }

    @Override
    public void set(String name, int value) {
        security.check(Action.UPDATE, ENTITY, null);
        Setting setting = setting(name);
        if (value < setting.min() || value > setting.max()) {
            new Validator().add("value", Messages.Settings_outOfRange, name, value, setting.min(), setting.max()).throwIfInvalid();
        }
        String me = security.currentUser().login();
        Timestamp now = Timestamp.from(Instant.now(Clocks.system()));
        unitOfWork.write(em -> {
            int updated = em.createNativeQuery("UPDATE SB_TEAM_SETTING SET SETTING_VALUE = ?1, UPDATED_AT = ?2, UPDATED_BY = ?3 WHERE NAME = ?4")
                    .setParameter(1, value).setParameter(2, now).setParameter(3, me).setParameter(4, name).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO SB_TEAM_SETTING (NAME, SETTING_VALUE, UPDATED_AT, UPDATED_BY) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, name).setParameter(2, value).setParameter(3, now).setParameter(4, me).executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void reset(String name) {
        security.check(Action.UPDATE, ENTITY, null);
        setting(name);
        unitOfWork.write(em -> em.createNativeQuery("DELETE FROM SB_TEAM_SETTING WHERE NAME = ?1").setParameter(1, name).executeUpdate());
    }

    private Setting setting(String name) {
        Optional<Setting> known = settings().stream().filter(s -> s.name().equals(name)).findFirst();
        if (known.isEmpty()) {
            new Validator().add("name", Messages.Settings_unknown, name,
                    String.join(", ", settings().stream().map(Setting::name).toList())).throwIfInvalid();
        }
        return known.orElseThrow();
    }
}
