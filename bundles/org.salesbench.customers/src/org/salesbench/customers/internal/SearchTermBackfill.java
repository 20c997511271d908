package org.salesbench.customers.internal;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Data migration of change set customers-3, which filled the search term table of 0.2. The table is gone since
 * customers-4: the customer search index is built from the database when it opens, so nothing is left to fill.
 * The class stays because customers-3 names it (a custom change's checksum depends on the class name only).
 */
public class SearchTermBackfill implements CustomTaskChange {

    @Override
    public void execute(Database database) {
        // nothing: see the class comment
    }

    @Override
    public String getConfirmationMessage() {
        return "Search terms are kept by the customer search index";
    }

    @Override
    public void setUp() {
        // nothing to prepare
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
        // reads no files
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
