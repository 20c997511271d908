package org.salesbench.audit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.salesbench.audit.internal.AuditedTables;

/**
 * A record's History names each field by the label its module declares under {@code org.salesbench.audit.auditedTables}
 * (in the language the runtime runs in, English here): the entity's own label first, then the one the audit bundle gives
 * every entity's field of that name, then the column's name with spaces.
 */
class FieldLabelsTest {

    @Test
    void aFieldReadsByItsEntitysLabelThenTheSharedOneThenItsName() {
        assertEquals("Unified social credit code", AuditedTables.fieldLabel("customer", "credit_code"));
        assertEquals("Short name", AuditedTables.fieldLabel("customer", "SHORT_NAME"), "any case");
        assertEquals("Contact name", AuditedTables.fieldLabel("contact", "name"), "the contact's own label over the shared one");
        assertEquals("Name", AuditedTables.fieldLabel("customer", "name"), "the shared label");
        assertEquals("Owner", AuditedTables.fieldLabel("activity", "owner"));
        assertEquals("Account team", AuditedTables.fieldLabel("customer", "account_team"), "a field the users module records");
        assertEquals("fax number", AuditedTables.fieldLabel("customer", "fax_number"), "a field nobody labelled");
    }
}
