package org.salesbench.workflow.internal.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.model.Money;
import org.salesbench.workflow.rules.FieldType;
import org.salesbench.workflow.rules.RuleField;
import org.salesbench.workflow.rules.RuleRecords;
import org.salesbench.workflow.rules.RuleServices;

/**
 * The field catalogue of one module's records, built from a getter (and, for settable fields, a setter) per field;
 * reads and writes go through the module's service, found through {@link RuleServices}.
 *
 * @param <T> the module's entity
 */
abstract class EntityCatalogue<T extends AbstractEntity> implements RuleRecords {

    /** One field: how it is read from the entity and, if settable, written to it. */
    protected record Field<T>(RuleField field, Function<T, Object> getter, BiConsumer<T, Object> setter) {
    }

    private final List<Field<T>> definitions;

    protected EntityCatalogue() {
        List<Field<T>> all = new ArrayList<>(definitions());
        all.add(read(OWNER, Messages.Field_owner, FieldType.TEXT, AbstractEntity::getOwner));
        this.definitions = List.copyOf(all);
    }

    protected abstract List<Field<T>> definitions();

    protected abstract Optional<T> find(RuleServices services, long id);

    protected abstract void update(RuleServices services, T record);

    protected static <T> Field<T> read(String name, String label, FieldType type, Function<T, Object> getter) {
        return new Field<>(new RuleField(name, label, type, false), getter, null);
    }

    protected static <T> Field<T> readWrite(String name, String label, FieldType type, Function<T, Object> getter,
            BiConsumer<T, Object> setter) {
        return new Field<>(new RuleField(name, label, type, true), getter, setter);
    }

    /** {@code field} as one that stores the codes of the picklist {@code list}. */
    protected static <T> Field<T> coded(String list, Field<T> field) {
        RuleField f = field.field();
        return new Field<>(new RuleField(f.name(), f.label(), f.type(), f.settable(), list), field.getter(), field.setter());
    }

    protected static BigDecimal amount(Money money) {
        return money == null ? null : money.getAmount();
    }

    protected static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    @Override
    public List<RuleField> fields() {
        return definitions.stream().map(Field::field).toList();
    }

    @Override
    public Optional<Map<String, Object>> read(RuleServices services, long id) {
        return find(services, id).map(this::values);
    }

    /** The records of a page of ids the module's service reads in a few queries; null when it reads one at a time. */
    protected List<T> findAll(RuleServices services, long[] ids) {
        return null;
    }

    @Override
    public Map<Long, Map<String, Object>> readAll(RuleServices services, long[] ids) {
        List<T> records = findAll(services, ids);
        if (records == null) {
            return RuleRecords.super.readAll(services, ids);
        }
        Map<Long, Map<String, Object>> values = new LinkedHashMap<>();
        for (T record : records) {
            values.put(record.getId(), values(record));
        }
        return values;
    }

    private Map<String, Object> values(T record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field<T> f : definitions) {
            Object value = f.getter().apply(record);
            values.put(f.field().name(), value instanceof Integer i ? BigDecimal.valueOf(i) : value);
        }
        return values;
    }

    @Override
    public void write(RuleServices services, long id, String field, Object value) {
        Field<T> target = definitions.stream().filter(f -> f.field().name().equals(field) && f.setter() != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(org.eclipse.osgi.util.NLS.bind(Messages.Rule_fieldNotSettable, field)));
        T record = find(services, id).orElseThrow(() -> new IllegalStateException(
                org.eclipse.osgi.util.NLS.bind(Messages.Run_noRecord, getClass().getSimpleName(), id)));
        target.setter().accept(record, value);
        update(services, record);
    }
}
