package org.salesbench.users.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.eclipse.osgi.util.NLS;
import org.salesbench.audit.AuditTrail;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.Validator;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.users.Role;
import org.salesbench.users.Share;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/** Users and teams in SB_USER, SB_TEAM and SB_TEAM_MEMBER, stored through the unit of work. */
@Component(service = UserService.class)
public class UserServiceImpl implements UserService {

    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._-]{2,64}");
    private static final String USER = "user";
    private static final String TEAM = "team";
    private static final String ROLE = "role";

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    /** Where a share's start and end are recorded against the shared record (field {@value #ACCOUNT_TEAM}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;

    /** The field a record's history shows its shares (a customer's account team) under. */
    public static final String ACCOUNT_TEAM = "account_team";

    @Activate
    public UserServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security) {
        this.unitOfWork = unitOfWork;
        this.security = security;
    }

    /** The audit trail shares are recorded in (DS sets it when the audit bundle runs; tests call this). */
    public UserServiceImpl auditTrail(AuditTrail trail) {
        this.audit = trail;
        return this;
    }

    @Override
    public User createUser(User user) {
        security.check(Action.CREATE, USER, null);
        return unitOfWork.write(em -> {
            validate(em, user, true);
            em.persist(user);
            return user;
        });
    }

    @Override
    public User updateUser(User user) {
        security.check(Action.UPDATE, USER, user.getOwner());
        return unitOfWork.write(em -> {
            validate(em, user, false);
            if (user.getId() != null) {
                // a user changed since this copy was read (another administrator, an import) keeps that change: the
                // conflict names who made it, which the commit's own version check cannot always tell
                User stored = em.find(User.class, user.getId());
                ConcurrentChangeException.checkVersion(USER, user.getId(), user.getVersion(), stored == null ? null : stored.getVersion(),
                        stored == null ? null : stored.getUpdatedBy());
            }
            return em.merge(user);
        });
    }

    private void validate(EntityManager em, User user, boolean isNew) {
        Validator v = new Validator();
        if (v.required("login", Messages.User_login, user.getLogin()) && !LOGIN.matcher(user.getLogin()).matches()) {
            v.add("login", Messages.User_loginFormat, Messages.User_login, user.getLogin());
        } else if (isNew && user.getLogin() != null && find(em, user.getLogin()).isPresent()) {
            v.add("login", Messages.User_loginTaken, Messages.User_login, user.getLogin());
        }
        v.required("displayName", Messages.User_displayName, user.getDisplayName());
        v.maxLength("displayName", Messages.User_displayName, user.getDisplayName(), 128);
        v.email("email", Messages.User_email, user.getEmail());
        if (user.getManager() != null && find(em, user.getManager()).isEmpty()) {
            v.add("manager", Messages.User_unknown, Messages.User_manager, user.getManager());
        }
        v.throwIfInvalid();
    }

    private static Optional<User> find(EntityManager em, String login) {
        return em.createQuery("SELECT u FROM User u WHERE u.login = :login", User.class)
                .setParameter("login", login).getResultStream().findFirst();
    }

    @Override
    public Optional<User> findUser(String login) {
        security.check(Action.READ, USER, null);
        return unitOfWork.read(em -> find(em, login));
    }

    @Override
    public List<User> users(boolean activeOnly) {
        security.check(Action.READ, USER, null);
        return unitOfWork.read(em -> em.createQuery(
                "SELECT u FROM User u WHERE u.active = TRUE OR :all = TRUE ORDER BY u.displayName", User.class)
                .setParameter("all", !activeOnly).getResultList());
    }

    @Override
    public Team createTeam(Team team) {
        security.check(Action.CREATE, TEAM, null);
        return unitOfWork.write(em -> {
            validate(em, team);
            em.persist(team);
            return team;
        });
    }

    @Override
    public Team updateTeam(Team team) {
        security.check(Action.UPDATE, TEAM, team.getOwner());
        return unitOfWork.write(em -> {
            validate(em, team);
            return em.merge(team);
        });
    }

    private void validate(EntityManager em, Team team) {
        Validator v = new Validator();
        v.required("name", Messages.Team_name, team.getName());
        v.maxLength("name", Messages.Team_name, team.getName(), 128);
        if (team.getManager() != null && find(em, team.getManager()).isEmpty()) {
            v.add("manager", Messages.User_unknown, Messages.Team_manager, team.getManager());
        }
        for (String member : team.getMembers()) {
            if (find(em, member).isEmpty()) {
                v.add("members", Messages.User_unknown, Messages.Team_members, member);
            }
        }
        v.throwIfInvalid();
    }

    @Override
    public List<Role> roles() {
        security.check(Action.READ, ROLE, null);
        return unitOfWork.read(em -> RoleStore.roles(em, null));
    }

    @Override
    public Role createRole(Role role) {
        security.check(Action.CREATE, ROLE, null);
        return unitOfWork.write(em -> {
            Validator v = new Validator();
            if (v.required("name", Messages.Role_name, role.name()) && !LOGIN.matcher(role.name()).matches()) {
                v.add("name", Messages.User_loginFormat, Messages.Role_name, role.name());
            } else if (RoleStore.roleId(em, role.name()) != null) {
                v.add("name", Messages.User_loginTaken, Messages.Role_name, role.name());
            }
            validateRules(em, v, role);
            v.throwIfInvalid();
            long id = TeamServerRoles.nextId(em);
            Instant now = Instant.now(Clocks.system());
            String me = security.currentUser().login();
            em.createNativeQuery("INSERT INTO SB_ROLE (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER, NAME,"
                    + " DESCRIPTION, BUILT_IN) VALUES (?1, 0, ?2, ?3, ?2, ?3, ?3, ?4, ?5, ?6)").setParameter(1, id)
                    .setParameter(2, java.sql.Timestamp.from(now)).setParameter(3, me).setParameter(4, role.name())
                    .setParameter(5, role.description()).setParameter(6, false).executeUpdate();
            insertRules(em, id, role);
            return new Role(role.name(), role.description(), false, role.grants(), role.fields());
        });
    }

    @Override
    public Role updateRole(Role role) {
        security.check(Action.UPDATE, ROLE, null);
        return unitOfWork.write(em -> {
            Validator v = new Validator();
            Long id = v.required("name", Messages.Role_name, role.name()) ? RoleStore.roleId(em, role.name()) : null;
            if (id == null && role.name() != null) {
                v.add("name", Messages.Role_unknown, Messages.Role_name, role.name());
            } else if (id != null && RoleStore.isBuiltIn(em, id)) {
                v.add("name", Messages.Role_builtIn, role.name());
            }
            validateRules(em, v, role);
            v.throwIfInvalid();
            em.createNativeQuery("UPDATE SB_ROLE SET DESCRIPTION = ?1, UPDATED_AT = ?2, UPDATED_BY = ?3, VERSION = VERSION + 1 WHERE ID = ?4")
                    .setParameter(1, role.description()).setParameter(2, java.sql.Timestamp.from(Instant.now(Clocks.system())))
                    .setParameter(3, security.currentUser().login()).setParameter(4, id).executeUpdate();
            em.createNativeQuery("DELETE FROM SB_ROLE_GRANT WHERE ROLE_ID = ?1").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM SB_ROLE_FIELD WHERE ROLE_ID = ?1").setParameter(1, id).executeUpdate();
            insertRules(em, id, role);
            return new Role(role.name(), role.description(), false, role.grants(), role.fields());
        });
    }

    @Override
    public void deleteRole(String name) {
        security.check(Action.DELETE, ROLE, null);
        unitOfWork.write(em -> {
            Validator v = new Validator();
            Long id = RoleStore.roleId(em, name);
            if (id == null) {
                v.add("name", Messages.Role_unknown, Messages.Role_name, name);
            } else if (RoleStore.isBuiltIn(em, id)) {
                v.add("name", Messages.Role_builtIn, name);
            } else {
                List<String> holders = RoleStore.holders(em, id);
                if (!holders.isEmpty()) {
                    v.add("name", Messages.Role_inUse, name, String.join(", ", holders));
                }
            }
            v.throwIfInvalid();
            em.createNativeQuery("DELETE FROM SB_ROLE WHERE ID = ?1").setParameter(1, id).executeUpdate();
            return null;
        });
    }

    @Override
    public java.util.Map<String, List<String>> securedFields() {
        security.check(Action.READ, ROLE, null);
        return unitOfWork.read(SecuredFields::of);
    }

    @Override
    public List<String> grantableEntities() {
        security.check(Action.READ, ROLE, null);
        return unitOfWork.read(em -> List.copyOf(SecuredFields.grantableEntities(em)));
    }

    /** The description's length, and that every grant and field rule names an entity (and field) that exists, once each. */
    private static void validateRules(EntityManager em, Validator v, Role role) {
        v.maxLength("description", Messages.Role_description, role.description(), 512);
        java.util.Set<String> entities = SecuredFields.grantableEntities(em);
        java.util.Map<String, List<String>> fields = SecuredFields.of(em);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < role.grants().size(); i++) {
            Role.Grant g = role.grants().get(i);
            String where = "grants[" + i + "]";
            if (g.entity() == null || g.action() == null || g.scope() == null) {
                v.add(where, Messages.Role_grantIncomplete, i + 1);
            } else if (!Role.EVERY_ENTITY.equals(g.entity()) && !entities.contains(g.entity())) {
                v.add(where + ".entity", Messages.Role_unknownEntity, g.entity(), String.join(", ", entities));
            } else if (!seen.add(g.entity() + "/" + g.action())) {
                v.add(where, Messages.Role_grantTwice, g.entity(), g.action().name());
            }
        }
        seen.clear();
        for (int i = 0; i < role.fields().size(); i++) {
            Role.FieldRule f = role.fields().get(i);
            String where = "fields[" + i + "]";
            if (f.entity() == null || f.field() == null || f.access() == null) {
                v.add(where, Messages.Role_fieldIncomplete, i + 1);
            } else if (!fields.containsKey(f.entity())) {
                v.add(where + ".entity", Messages.Role_unknownEntity, f.entity(), String.join(", ", fields.keySet()));
            } else if (!fields.get(f.entity()).contains(f.field())) {
                v.add(where + ".field", Messages.Role_unknownField, f.field(), f.entity(), String.join(", ", fields.get(f.entity())));
            } else if (!seen.add(f.entity() + "." + f.field())) {
                v.add(where, Messages.Role_fieldTwice, f.entity(), f.field());
            }
        }
    }

    private static void insertRules(EntityManager em, long id, Role role) {
        for (Role.Grant g : role.grants()) {
            em.createNativeQuery("INSERT INTO SB_ROLE_GRANT (ROLE_ID, ENTITY, ACTION, SCOPE) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, id).setParameter(2, g.entity()).setParameter(3, g.action().name())
                    .setParameter(4, g.scope().name()).executeUpdate();
        }
        for (Role.FieldRule f : role.fields()) {
            if (f.access() == org.salesbench.core.security.FieldAccess.EDIT) {
                continue; // the default: a rule that restricts nothing is not stored
            }
            em.createNativeQuery("INSERT INTO SB_ROLE_FIELD (ROLE_ID, ENTITY, FIELD, ACCESS) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, id).setParameter(2, f.entity()).setParameter(3, f.field())
                    .setParameter(4, f.access().name()).executeUpdate();
        }
    }

    @Override
    public List<String> rolesOf(String login) {
        security.check(Action.READ, ROLE, null);
        return unitOfWork.read(em -> RoleStore.roleNames(em, login));
    }

    @Override
    public void setRoles(String login, Collection<String> roleNames) {
        security.check(Action.UPDATE, ROLE, null);
        unitOfWork.write(em -> {
            Validator v = new Validator();
            if (find(em, login).isEmpty()) {
                v.add("login", Messages.User_unknown, Messages.User_login, login);
            }
            List<Long> ids = new ArrayList<>();
            for (String name : roleNames) {
                Long id = RoleStore.roleId(em, name);
                if (id == null) {
                    v.add("roles", Messages.Role_unknown, Messages.Role_name, name);
                }
                ids.add(id);
            }
            v.throwIfInvalid();
            em.createNativeQuery("DELETE FROM SB_USER_ROLE WHERE LOGIN = ?1").setParameter(1, login).executeUpdate();
            for (Long id : ids) {
                em.createNativeQuery("INSERT INTO SB_USER_ROLE (LOGIN, ROLE_ID) VALUES (?1, ?2)").setParameter(1, login)
                        .setParameter(2, id).executeUpdate();
            }
            if (unitOfWork.settings().dialect() == DatabaseSettings.Dialect.POSTGRESQL) {
                TeamServerRoles.grantAdministration(em, login, roleNames.contains(Role.ADMINISTRATOR));
            }
            return null;
        });
    }

    @Override
    public void enableSignIn(String login, char[] password) {
        security.check(Action.UPDATE, ROLE, null);
        if (unitOfWork.settings().dialect() != DatabaseSettings.Dialect.POSTGRESQL) {
            new Validator().add("login", Messages.SignIn_embedded).throwIfInvalid();
        }
        unitOfWork.write(em -> {
            Validator v = new Validator();
            if (find(em, login).isEmpty()) {
                v.add("login", Messages.User_unknown, Messages.User_login, login);
            }
            if (password == null || password.length < 8) {
                v.add("password", Messages.SignIn_shortPassword, Messages.SignIn_password, "8");
            }
            v.throwIfInvalid();
            TeamServerRoles.enableSignIn(em, login, password);
            // setRoles could not make an administrator a member of the administrators' role before the login existed
            TeamServerRoles.grantAdministration(em, login, RoleStore.roleNames(em, login).contains(Role.ADMINISTRATOR));
            return null;
        });
    }

    @Override
    public void share(Share asked) {
        // a blank account role is none: stored, listed and recorded as such
        Share share = asked.accountRole() == null || !asked.accountRole().isBlank() ? asked
                : new Share(asked.entity(), asked.recordId(), asked.grantee(), asked.edit(), null);
        unitOfWork.write(em -> {
            Validator v = new Validator();
            if (v.required("entity", Messages.Share_entity, share.entity()) && !Share.SHAREABLE.contains(share.entity())) {
                v.add("entity", Messages.Share_notShareable, share.entity(), String.join(", ", Share.SHAREABLE));
            }
            if (v.required("grantee", Messages.Share_grantee, share.grantee()) && !share.grantee().startsWith("team:")
                    && find(em, share.grantee()).isEmpty()) {
                v.add("grantee", Messages.User_unknown, Messages.Share_grantee, share.grantee());
            }
            v.maxLength("accountRole", Messages.Share_accountRole, share.accountRole(), 64);
            v.throwIfInvalid();
            checkMayShare(em, share.entity(), share.recordId());
            Share before = storedShare(em, share.entity(), share.recordId(), share.grantee());
            em.createNativeQuery("DELETE FROM SB_RECORD_SHARE WHERE ENTITY = ?1 AND RECORD_ID = ?2 AND GRANTEE = ?3")
                    .setParameter(1, share.entity()).setParameter(2, share.recordId()).setParameter(3, share.grantee()).executeUpdate();
            em.createNativeQuery("INSERT INTO SB_RECORD_SHARE (ENTITY, RECORD_ID, GRANTEE, ACCESS, ACCOUNT_ROLE, CREATED_AT, CREATED_BY)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)").setParameter(1, share.entity()).setParameter(2, share.recordId())
                    .setParameter(3, share.grantee()).setParameter(4, share.edit() ? "EDIT" : "READ").setParameter(5, share.accountRole())
                    .setParameter(6, java.sql.Timestamp.from(Instant.now(Clocks.system())))
                    .setParameter(7, security.currentUser().login()).executeUpdate();
            String after = describe(em, share);
            String old = before == null ? null : describe(em, before);
            if (!after.equals(old)) {
                recordShareChange(share.entity(), share.recordId(), old, after);
            }
            return null;
        });
    }

    @Override
    public void unshare(String entity, long recordId, String grantee) {
        unitOfWork.write(em -> {
            checkMayShare(em, entity, recordId);
            Share before = storedShare(em, entity, recordId, grantee);
            int removed = em.createNativeQuery("DELETE FROM SB_RECORD_SHARE WHERE ENTITY = ?1 AND RECORD_ID = ?2 AND GRANTEE = ?3")
                    .setParameter(1, entity).setParameter(2, recordId).setParameter(3, grantee).executeUpdate();
            if (before != null && removed > 0) {
                recordShareChange(entity, recordId, describe(em, before), null);
            }
            return removed;
        });
    }

    @Override
    public boolean mayShare(String entity, long recordId) {
        try {
            unitOfWork.read(em -> {
                checkMayShare(em, entity, recordId);
                return null;
            });
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /**
     * An administrator shares any record; anyone else only one they may edit: their own, one their roles reach for
     * changes, or one shared with them to edit. On a team server the database decides (SB_MAY_SHARE, the same test
     * its row-level policy on SB_RECORD_SHARE makes), so no client can share what the server would not let it edit.
     */
    private void checkMayShare(EntityManager em, String entity, long recordId) {
        if (security.isPermitted(Action.UPDATE, ROLE, null)) {
            return;
        }
        boolean may;
        if (unitOfWork.settings().dialect() == DatabaseSettings.Dialect.POSTGRESQL) {
            may = Boolean.TRUE.equals(em.createNativeQuery("SELECT SB_MAY_SHARE(?1, ?2)").setParameter(1, entity).setParameter(2, recordId)
                    .getSingleResult());
        } else {
            List<?> owners = Share.SHAREABLE.contains(entity)
                    ? em.createNativeQuery("SELECT OWNER FROM SB_" + entity.toUpperCase(java.util.Locale.ROOT) + " WHERE ID = ?1")
                            .setParameter(1, recordId).getResultList()
                    : List.of();
            may = !owners.isEmpty() && security.isPermitted(Action.UPDATE, entity, (String) owners.get(0));
        }
        if (!may) {
            throw new AccessDeniedException(NLS.bind(Messages.Share_denied, new Object[] {security.currentUser().login(), entity, recordId}));
        }
    }

    /**
     * Who may read a record sees its shares (its account team): an administrator, whoever's roles reach the record for
     * reading, or a member of its shares. On a team server the row-level policy of SB_RECORD_SHARE decides as well.
     */
    private void checkMaySeeShares(EntityManager em, String entity, long recordId) {
        if (security.isPermitted(Action.READ, ROLE, null)) {
            return;
        }
        List<?> owners = Share.SHAREABLE.contains(entity)
                ? em.createNativeQuery("SELECT OWNER FROM SB_" + entity.toUpperCase(java.util.Locale.ROOT) + " WHERE ID = ?1")
                        .setParameter(1, recordId).getResultList()
                : List.of();
        if (owners.isEmpty() || !(security.isPermitted(Action.READ, entity, (String) owners.get(0)) || security.isSharedWith(entity, recordId, false))) {
            throw new AccessDeniedException(NLS.bind(Messages.Share_denied, new Object[] {security.currentUser().login(), entity, recordId}));
        }
    }

    private static Share storedShare(EntityManager em, String entity, long recordId, String grantee) {
        List<?> rows = em.createNativeQuery("SELECT ACCESS, ACCOUNT_ROLE FROM SB_RECORD_SHARE WHERE ENTITY = ?1 AND RECORD_ID = ?2 AND GRANTEE = ?3")
                .setParameter(1, entity).setParameter(2, recordId).setParameter(3, grantee).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        return new Share(entity, recordId, grantee, "EDIT".equals(r[0]), (String) r[1]);
    }

    /**
     * A share as its record's history shows it: the member (a login, or {@code team:NAME} for a team), its access and
     * its account role, e.g. {@code li.lei edit pre-sales}.
     */
    static String describe(EntityManager em, Share share) {
        String member = share.grantee();
        if (member.startsWith("team:")) {
            try {
                Team team = em.find(Team.class, Long.valueOf(member.substring("team:".length())));
                member = team == null ? member : "team:" + team.getName();
            } catch (NumberFormatException e) {
                // a grantee stored by hand: shown as stored
            }
        }
        String text = member + " " + (share.edit() ? "edit" : "read");
        return share.accountRole() == null || share.accountRole().isBlank() ? text : text + " " + share.accountRole();
    }

    /** Records a share's start, change or end in the shared record's history, in the transaction of the change. */
    private void recordShareChange(String entity, long recordId, String before, String after) {
        AuditTrail trail = audit;
        if (trail != null) {
            trail.recordChange(entity, recordId, ACCOUNT_TEAM, before, after);
        }
    }

    @Override
    public List<Share> shares(String entity, long recordId) {
        return unitOfWork.read(em -> {
            checkMaySeeShares(em, entity, recordId);
            List<Share> shares = new ArrayList<>();
            for (Object row : em.createNativeQuery("SELECT GRANTEE, ACCESS, ACCOUNT_ROLE FROM SB_RECORD_SHARE WHERE ENTITY = ?1"
                    + " AND RECORD_ID = ?2 ORDER BY GRANTEE").setParameter(1, entity).setParameter(2, recordId).getResultList()) {
                Object[] r = (Object[]) row;
                shares.add(new Share(entity, recordId, (String) r[0], "EDIT".equals(r[1]), (String) r[2]));
            }
            return shares;
        });
    }

    @Override
    public List<Team> teams() {
        security.check(Action.READ, TEAM, null);
        return unitOfWork.read(em -> {
            List<Team> teams = em.createQuery("SELECT t FROM Team t ORDER BY t.name", Team.class).getResultList();
            teams.forEach(t -> t.getMembers().size()); // load members before the session closes
            return teams;
        });
    }
}
