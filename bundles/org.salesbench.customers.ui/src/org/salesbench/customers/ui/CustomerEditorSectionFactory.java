package org.salesbench.customers.ui;

/**
 * Makes a contributed section of the customer editor's Overview page
 * ({@code org.salesbench.customers.ui.editorPages}, element {@code section}). Called once for each
 * editor that opens, so every editor gets sections of its own.
 */
public interface CustomerEditorSectionFactory {

    CustomerEditorSection createSection(CustomerEditorSite site);
}
