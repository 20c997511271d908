package org.salesbench.users.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;

/**
 * What roles may name: the record kinds and their fields, read from the persistence unit's metamodel, so a module's
 * new entity can have field rules without registering anything. A record kind is an entity class with a public
 * {@code ENTITY} constant (its security name, e.g. {@code customer}); its fields are the mapped attributes except the
 * bookkeeping every record has (id, version, who and when, owner, deletion), which rules must not hide.
 */
final class SecuredFields {

    private static final Set<String> BOOKKEEPING = Set.of("id", "version", "createdAt", "createdBy", "updatedAt", "updatedBy", "owner",
            "deletedAt", "deletedBy");

    private SecuredFields() {
    }

    /** Record kind → its fields a rule may name, both sorted. */
    static Map<String, List<String>> of(EntityManager em) {
        Map<String, List<String>> fields = new TreeMap<>();
        for (EntityType<?> type : em.getMetamodel().getEntities()) {
            String entity = securityName(type.getJavaType());
            if (entity == null) {
                continue;
            }
            Set<String> names = new TreeSet<>();
            for (Attribute<?, ?> attribute : type.getAttributes()) {
                if (!BOOKKEEPING.contains(attribute.getName())) {
                    names.add(attribute.getName());
                }
            }
            fields.put(entity, new ArrayList<>(names));
        }
        return fields;
    }

    /** Every name a grant may use: the record kinds, and what grants already name that is no record (reports, roles). */
    static Set<String> grantableEntities(EntityManager em) {
        Set<String> entities = new TreeSet<>(of(em).keySet());
        for (Object name : em.createNativeQuery("SELECT DISTINCT ENTITY FROM SB_ROLE_GRANT").getResultList()) {
            entities.add((String) name);
        }
        return entities;
    }

    static String securityName(Class<?> type) {
        try {
            Field f = type.getField("ENTITY");
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && f.getDeclaringClass() == type) {
                return (String) f.get(null);
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // not a record kind of its own
        }
        return null;
    }
}
