package org.salesbench.contracts;

import java.time.Instant;

/**
 * A contract template as {@link ContractDocuments#templates()} lists it: one of the shipped ones (one per language,
 * read-only, a negative id, named {@code shipped-en} and {@code shipped-zh_CN}) or one of this installation's own,
 * named (unique whatever the letter case), of a language ({@code en} or {@code zh_CN}). {@code isDefault}: the one Generate
 * PDF offers first for its language.
 */
public record ContractTemplate(long id, String name, String lang, boolean shipped, boolean isDefault, String updatedBy, Instant updatedAt) {

    /** The id of the shipped English template. */
    public static final long SHIPPED_EN = -1;

    /** The id of the shipped Simplified Chinese template. */
    public static final long SHIPPED_ZH = -2;
}
