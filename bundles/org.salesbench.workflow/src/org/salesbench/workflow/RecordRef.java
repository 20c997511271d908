package org.salesbench.workflow;

import java.util.Objects;

/**
 * A record of any module, by its entity type (the name its module uses with the {@code SecurityService}, e.g.
 * {@code customer}, {@code opportunity}, {@code quote}) and id.
 */
public record RecordRef(String entity, long id) {

    public RecordRef {
        Objects.requireNonNull(entity, "entity");
        if (entity.isBlank()) {
            throw new IllegalArgumentException("entity must not be blank");
        }
    }

    @Override
    public String toString() {
        return entity + "#" + id;
    }
}
