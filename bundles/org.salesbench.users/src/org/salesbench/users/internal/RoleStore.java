package org.salesbench.users.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.salesbench.core.security.Action;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.Scope;
import org.salesbench.users.Role;

/** Roles, their grants and who holds them, in SB_ROLE, SB_ROLE_GRANT, SB_ROLE_FIELD and SB_USER_ROLE. */
final class RoleStore {

    private RoleStore() {
    }

    /** Every role, or only those {@code login} holds. */
    static List<Role> roles(EntityManager em, String login) {
        String where = login == null ? "" : " WHERE r.ID IN (SELECT ur.ROLE_ID FROM SB_USER_ROLE ur WHERE ur.LOGIN = ?1)";
        var query = em.createNativeQuery("SELECT r.ID, r.NAME, r.DESCRIPTION, r.BUILT_IN FROM SB_ROLE r" + where + " ORDER BY r.ID");
        if (login != null) {
            query.setParameter(1, login);
        }
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            rows.put(((Number) r[0]).longValue(), r);
        }
        List<Role> roles = new ArrayList<>();
        for (var e : rows.entrySet()) {
            List<Role.Grant> grants = new ArrayList<>();
            for (Object row : em.createNativeQuery("SELECT ENTITY, ACTION, SCOPE FROM SB_ROLE_GRANT WHERE ROLE_ID = ?1")
                    .setParameter(1, e.getKey()).getResultList()) {
                Object[] g = (Object[]) row;
                grants.add(new Role.Grant((String) g[0], Action.valueOf((String) g[1]), Scope.valueOf((String) g[2])));
            }
            List<Role.FieldRule> fields = new ArrayList<>();
            for (Object row : em.createNativeQuery("SELECT ENTITY, FIELD, ACCESS FROM SB_ROLE_FIELD WHERE ROLE_ID = ?1")
                    .setParameter(1, e.getKey()).getResultList()) {
                Object[] f = (Object[]) row;
                fields.add(new Role.FieldRule((String) f[0], (String) f[1], FieldAccess.valueOf((String) f[2])));
            }
            Object[] r = e.getValue();
            roles.add(new Role((String) r[1], (String) r[2], Boolean.TRUE.equals(r[3]) || Integer.valueOf(1).equals(r[3]), grants, fields));
        }
        return roles;
    }

    static Long roleId(EntityManager em, String name) {
        List<?> ids = em.createNativeQuery("SELECT ID FROM SB_ROLE WHERE NAME = ?1").setParameter(1, name).getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    static boolean isBuiltIn(EntityManager em, long id) {
        Object flag = em.createNativeQuery("SELECT BUILT_IN FROM SB_ROLE WHERE ID = ?1").setParameter(1, id).getSingleResult();
        return Boolean.TRUE.equals(flag) || flag instanceof Number n && n.intValue() == 1;
    }

    /** The logins holding the role, sorted. */
    static List<String> holders(EntityManager em, long id) {
        List<String> logins = new ArrayList<>();
        for (Object login : em.createNativeQuery("SELECT LOGIN FROM SB_USER_ROLE WHERE ROLE_ID = ?1 ORDER BY LOGIN").setParameter(1, id)
                .getResultList()) {
            logins.add((String) login);
        }
        return logins;
    }

    static List<String> roleNames(EntityManager em, String login) {
        List<String> names = new ArrayList<>();
        for (Object name : em.createNativeQuery(
                "SELECT r.NAME FROM SB_ROLE r JOIN SB_USER_ROLE ur ON ur.ROLE_ID = r.ID WHERE ur.LOGIN = ?1 ORDER BY r.ID")
                .setParameter(1, login).getResultList()) {
            names.add((String) name);
        }
        return names;
    }

    /** The logins of everyone in a team with {@code login} or in a team {@code login} manages. */
    static Set<String> teamMates(EntityManager em, String login) {
        return strings(em, "SELECT m.LOGIN FROM SB_TEAM_MEMBER m WHERE m.TEAM_ID IN (SELECT m2.TEAM_ID FROM SB_TEAM_MEMBER m2 WHERE m2.LOGIN = ?1)"
                + " OR m.TEAM_ID IN (SELECT t.ID FROM SB_TEAM t WHERE t.MANAGER = ?1)", login);
    }

    /** Everyone below {@code login}: in the manager chain, and the members of the teams they manage, transitively. */
    static Set<String> subordinates(EntityManager em, String login) {
        Set<String> found = new HashSet<>();
        List<String> frontier = List.of(login);
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String boss : frontier) {
                Set<String> direct = strings(em, "SELECT u.LOGIN FROM SB_USER u WHERE u.MANAGER = ?1", boss);
                direct.addAll(strings(em, "SELECT m.LOGIN FROM SB_TEAM_MEMBER m JOIN SB_TEAM t ON t.ID = m.TEAM_ID WHERE t.MANAGER = ?1", boss));
                for (String d : direct) {
                    if (!d.equals(login) && found.add(d)) {
                        next.add(d);
                    }
                }
            }
            frontier = next;
        }
        return found;
    }

    private static Set<String> strings(EntityManager em, String sql, String parameter) {
        Set<String> result = new HashSet<>();
        for (Object o : em.createNativeQuery(sql).setParameter(1, parameter).getResultList()) {
            result.add((String) o);
        }
        return result;
    }
}
