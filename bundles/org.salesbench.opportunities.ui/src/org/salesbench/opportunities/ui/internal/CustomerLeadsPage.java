package org.salesbench.opportunities.ui.internal;

import java.util.List;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.customers.Customer;
import org.salesbench.customers.ui.CustomerEditorPageFactory;
import org.salesbench.opportunities.LeadRow;
import org.salesbench.opportunities.LeadService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Tables;

/** The leads converted to the customer or flagged as its duplicates, newest first. */
public class CustomerLeadsPage extends CustomerRecordsPage<LeadRow> {

    /** Contributed to {@code org.salesbench.customers.ui.editorPages}. */
    public static class Factory implements CustomerEditorPageFactory {

        @Override
        public IFormPage createPage(FormEditor editor, String id, String label, Customer customer) {
            return new CustomerLeadsPage(editor, id, label, customer);
        }
    }

    CustomerLeadsPage(FormEditor editor, String id, String label, Customer customer) {
        super(editor, id, label, customer, LeadRow.class, Messages.Job_loadLeads);
    }

    @Override
    void columns(TableViewer table) {
        Tables.column(table, LeadRow.class, Messages.Leads_company, 220, LeadRow::company);
        Tables.column(table, LeadRow.class, Messages.Leads_contact, 90, r -> Formats.text(r.contactName()));
        Tables.column(table, LeadRow.class, Messages.Leads_status, 90, r -> Labels.of(r.status()));
        Tables.column(table, LeadRow.class, Messages.Leads_grade, 50, r -> Formats.text(r.grade()));
        Tables.column(table, LeadRow.class, Messages.Leads_owner, 90, r -> Formats.text(r.owner()));
        Tables.column(table, LeadRow.class, Messages.Leads_created, 140, r -> Formats.dateTime(r.createdAt()));
    }

    @Override
    List<LeadRow> rows(long customer) {
        return Services.get(LeadService.class).ofCustomer(customer);
    }
}
