package org.salesbench.persistence.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;
import org.salesbench.persistence.UnitOfWork;

/**
 * {@link Picklists} on {@code SB_PICKLIST_VALUE}. Lists are read once and kept for a short while (a list is asked
 * for a label on every row shown); this service's own writes forget them at once, another process's within
 * {@link #FRESH_MILLIS}.
 */
@Component(service = Picklists.class)
public class PicklistService implements Picklists {

    static final long FRESH_MILLIS = 30_000;
    private static final String COLUMNS = "LIST_ID, CODE, LABEL_EN, LABEL_ZH, POSITION, ACTIVE, BUILT_IN";
    private static final String SELECT_LIST = "SELECT " + COLUMNS + " FROM SB_PICKLIST_VALUE WHERE LIST_ID = ? ORDER BY POSITION, CODE";
    private static final int MAX_CODE = 64, MAX_LABEL = 128;

    private record Cached(List<PicklistValue> values, long readAt) {
    }

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Activate
    public PicklistService(@Reference UnitOfWork unitOfWork, @Reference SecurityService security) {
        this.unitOfWork = unitOfWork;
        this.security = security;
    }

    @Override
    public List<String> lists() {
        return unitOfWork.read(em -> em.createNativeQuery("SELECT DISTINCT LIST_ID FROM SB_PICKLIST_VALUE ORDER BY LIST_ID")
                .getResultList().stream().map(Object::toString).toList());
    }

    @Override
    public List<PicklistValue> values(String list) {
        Cached cached = cache.get(list);
        long now = System.currentTimeMillis();
        if (cached != null && now - cached.readAt() < FRESH_MILLIS) {
            return cached.values();
        }
        // the first view's filter bar and labels ask for lists while the workbench starts: read with plain JDBC while
        // nothing has deployed the persistence unit (UnitOfWork.rows)
        List<PicklistValue> values = List.copyOf(unitOfWork.rows(SELECT_LIST, List.of(list), 0, -1).stream().map(PicklistService::value).toList());
        cache.put(list, new Cached(values, now));
        return values;
    }

    private static List<PicklistValue> read(EntityManager em, String list) {
        List<PicklistValue> values = new ArrayList<>();
        for (Object row : em.createNativeQuery(SELECT_LIST).setParameter(1, list).getResultList()) {
            values.add(value((Object[]) row));
        }
        return List.copyOf(values);
    }

    private static PicklistValue value(Object[] r) {
        return new PicklistValue((String) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(), bool(r[5]), bool(r[6]));
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    @Override
    public PicklistValue add(String list, String code, String labelEn, String labelZh) {
        security.check(Action.CREATE, ENTITY, "system");
        checkList(list);
        checkNotFixed(list);
        String en = label(list, code, labelEn);
        String zh = label(list, code, labelZh);
        return write(list, em -> {
            List<PicklistValue> values = read(em, list);
            Set<String> codes = new HashSet<>();
            values.forEach(v -> codes.add(v.code().toUpperCase(Locale.ROOT)));
            String c;
            if (code == null || code.isBlank()) {
                c = uniqueCode(codeOf(en), codes);
            } else {
                c = code.strip();
                if (c.length() > MAX_CODE || !c.codePoints().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '-')) {
                    throw new IllegalArgumentException(NLS.bind(Messages.Picklist_badCode, new Object[] {c, list, MAX_CODE}));
                }
                if (codes.contains(c.toUpperCase(Locale.ROOT))) {
                    throw new IllegalArgumentException(NLS.bind(Messages.Picklist_codeTaken, c, list));
                }
            }
            for (PicklistValue v : values) {
                if (v.labelEn().equalsIgnoreCase(en) || v.labelZh().equalsIgnoreCase(zh)) {
                    throw new IllegalArgumentException(NLS.bind(Messages.Picklist_labelTaken, new Object[] {en + " / " + zh, list, v.code()}));
                }
            }
            int position = values.stream().mapToInt(PicklistValue::position).max().orElse(0) + 10;
            PicklistValue added = new PicklistValue(list, c, en, zh, position, true, false);
            em.createNativeQuery("INSERT INTO SB_PICKLIST_VALUE (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, list).setParameter(2, c).setParameter(3, en).setParameter(4, zh).setParameter(5, position)
                    .setParameter(6, true).setParameter(7, false).executeUpdate();
            return added;
        });
    }

    @Override
    public String resolveOrAdd(String list, String text) {
        Optional<String> known = resolve(list, text);
        if (known.isPresent() || text == null || text.isBlank()) {
            return known.orElse(null);
        }
        String t = text.strip();
        t = t.length() > MAX_LABEL ? t.substring(0, MAX_LABEL) : t;
        checkNotFixed(list);
        cache.remove(list); // another row of the same run, or another process, may have added it
        Optional<String> again = resolve(list, t);
        return again.isPresent() ? again.get() : add(list, null, t, t).code();
    }

    @Override
    public PicklistValue rename(String list, String code, String labelEn, String labelZh) {
        security.check(Action.UPDATE, ENTITY, "system");
        return write(list, em -> {
            PicklistValue v = existing(em, list, code);
            String en = labelEn == null ? v.labelEn() : label(list, code, labelEn);
            String zh = labelZh == null ? v.labelZh() : label(list, code, labelZh);
            for (PicklistValue other : read(em, list)) {
                if (!other.code().equals(v.code()) && (other.labelEn().equalsIgnoreCase(en) || other.labelZh().equalsIgnoreCase(zh))) {
                    throw new IllegalArgumentException(NLS.bind(Messages.Picklist_labelTaken, new Object[] {en + " / " + zh, list, other.code()}));
                }
            }
            em.createNativeQuery("UPDATE SB_PICKLIST_VALUE SET LABEL_EN = ?1, LABEL_ZH = ?2 WHERE LIST_ID = ?3 AND CODE = ?4")
                    .setParameter(1, en).setParameter(2, zh).setParameter(3, list).setParameter(4, v.code()).executeUpdate();
            return new PicklistValue(list, v.code(), en, zh, v.position(), v.active(), v.builtIn());
        });
    }

    @Override
    public List<PicklistValue> move(String list, String code, int index) {
        security.check(Action.UPDATE, ENTITY, "system");
        checkNotFixed(list);
        return write(list, em -> {
            PicklistValue v = existing(em, list, code);
            List<PicklistValue> values = new ArrayList<>(read(em, list));
            values.removeIf(o -> o.code().equals(v.code()));
            values.add(Math.max(0, Math.min(index, values.size())), v);
            List<PicklistValue> moved = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                PicklistValue o = values.get(i);
                int position = (i + 1) * 10;
                if (o.position() != position) {
                    em.createNativeQuery("UPDATE SB_PICKLIST_VALUE SET POSITION = ?1 WHERE LIST_ID = ?2 AND CODE = ?3")
                            .setParameter(1, position).setParameter(2, list).setParameter(3, o.code()).executeUpdate();
                }
                moved.add(new PicklistValue(list, o.code(), o.labelEn(), o.labelZh(), position, o.active(), o.builtIn()));
            }
            return List.copyOf(moved);
        });
    }

    @Override
    public PicklistValue setActive(String list, String code, boolean active) {
        security.check(Action.UPDATE, ENTITY, "system");
        checkNotFixed(list);
        return write(list, em -> {
            PicklistValue v = existing(em, list, code);
            em.createNativeQuery("UPDATE SB_PICKLIST_VALUE SET ACTIVE = ?1 WHERE LIST_ID = ?2 AND CODE = ?3")
                    .setParameter(1, active).setParameter(2, list).setParameter(3, v.code()).executeUpdate();
            return new PicklistValue(list, v.code(), v.labelEn(), v.labelZh(), v.position(), active, v.builtIn());
        });
    }

    private <T> T write(String list, java.util.function.Function<EntityManager, T> work) {
        try {
            return unitOfWork.write(em -> {
                T result = work.apply(em);
                unitOfWork.afterCommit(() -> cache.remove(list));
                return result;
            });
        } finally {
            cache.remove(list);
        }
    }

    private static PicklistValue existing(EntityManager em, String list, String code) {
        String c = code == null ? "" : code.strip();
        return read(em, list).stream().filter(v -> v.code().equalsIgnoreCase(c)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(NLS.bind(Messages.Picklist_noValue, c, list)));
    }

    private static void checkNotFixed(String list) {
        if (FIXED_LISTS.contains(list)) {
            throw new IllegalArgumentException(NLS.bind(Messages.Picklist_fixed, list));
        }
    }

    private static void checkList(String list) {
        if (list == null || list.isBlank() || list.length() > MAX_CODE || !list.codePoints().allMatch(ch -> Character.isLetterOrDigit(ch)
                || ch == '_' || ch == '-' || ch == '.')) {
            throw new IllegalArgumentException(NLS.bind(Messages.Picklist_badList, list));
        }
    }

    private static String label(String list, String code, String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Picklist_blankLabel, code == null ? "" : code, list));
        }
        String l = label.strip();
        if (l.length() > MAX_LABEL) {
            throw new IllegalArgumentException(NLS.bind(Messages.Picklist_longLabel, new Object[] {l, list, MAX_LABEL}));
        }
        return l;
    }

    /** Upper-case letters and digits of a label, the rest as single underscores, at most 60 characters. */
    public static String codeOf(String label) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < label.length();) {
            int c = label.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                code.appendCodePoint(Character.toUpperCase(c));
            } else if (!code.isEmpty() && code.charAt(code.length() - 1) != '_') {
                code.append('_');
            }
        }
        String text = code.toString().replaceAll("_+$", "");
        text = text.length() > 60 ? text.substring(0, 60) : text;
        return text.isEmpty() ? "VALUE" : text;
    }

    private static String uniqueCode(String base, Set<String> taken) {
        String code = base;
        for (int n = 2; taken.contains(code.toUpperCase(Locale.ROOT)); n++) {
            code = base + "_" + n;
        }
        return code;
    }
}
