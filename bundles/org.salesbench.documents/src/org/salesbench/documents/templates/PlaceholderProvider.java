package org.salesbench.documents.templates;

/**
 * Supplies the values of the placeholders a contribution to {@code org.salesbench.documents.placeholders} names, for
 * one record of its subject (a contract, say). The names and types are declared in the contribution's XML, so a
 * template can be checked without creating the provider. Public no-argument constructor; called from any thread.
 */
public interface PlaceholderProvider {

    /**
     * Puts the values of this contribution's placeholders for {@code record} into {@code values}.
     *
     * @param record what the document is about, as the module that renders it passes it (its own type), or null when
     *               the caller supplies all values itself; generic providers ignore it
     */
    void supply(Object record, PlaceholderValues values) throws Exception;
}
