package org.salesbench.persistence;

/** Pieces of a JPQL {@code ORDER BY} that more than one list needs. */
public final class JpqlOrder {

    private JpqlOrder() {
    }

    /**
     * {@code " ORDER BY key DIR, id DIR"}: one column (a path or an expression; {@code null} for the id alone), then the
     * id the same way, so that rows that tie always come in one order and every page follows it.
     */
    public static String by(String key, String idPath, boolean ascending) {
        String direction = ascending ? " ASC" : " DESC";
        return " ORDER BY " + (key == null ? "" : key + direction + ", ") + idPath + direction;
    }

    /**
     * An enum-valued path (stored as its name) in the order of its constants, not of the stored codes' alphabet:
     * {@code CASE WHEN path = Type.A THEN 0 WHEN path = Type.B THEN 1 … ELSE n END}.
     */
    public static String byDeclaration(String path, Class<? extends Enum<?>> type) {
        StringBuilder when = new StringBuilder("CASE");
        Enum<?>[] constants = type.getEnumConstants();
        for (Enum<?> constant : constants) {
            when.append(" WHEN ").append(path).append(" = ").append(type.getName()).append('.').append(constant.name()).append(" THEN ")
                    .append(constant.ordinal());
        }
        return when.append(" ELSE ").append(constants.length).append(" END").toString();
    }
}
