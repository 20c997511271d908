package org.salesbench.opportunities.ui.internal;

import java.util.List;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.customers.Customer;
import org.salesbench.customers.ui.CustomerEditorPageFactory;
import org.salesbench.opportunities.OpportunityRow;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Tables;

/** The customer's opportunities, newest first; a double-click opens one in its editor. */
public class CustomerOpportunitiesPage extends CustomerRecordsPage<OpportunityRow> {

    /** Contributed to {@code org.salesbench.customers.ui.editorPages}. */
    public static class Factory implements CustomerEditorPageFactory {

        @Override
        public IFormPage createPage(FormEditor editor, String id, String label, Customer customer) {
            return new CustomerOpportunitiesPage(editor, id, label, customer);
        }
    }

    CustomerOpportunitiesPage(FormEditor editor, String id, String label, Customer customer) {
        super(editor, id, label, customer, OpportunityRow.class, Messages.Job_loadOpportunities);
    }

    @Override
    void columns(TableViewer table) {
        Tables.column(table, OpportunityRow.class, Messages.Field_name, 220, OpportunityRow::name);
        Tables.column(table, OpportunityRow.class, Messages.Field_stage, 120, r -> Formats.text(r.stageLabel()));
        Tables.column(table, OpportunityRow.class, Messages.Field_amount, 120, r -> Labels.money(r.amount()));
        Tables.column(table, OpportunityRow.class, Messages.Field_closeDate, 120, r -> Formats.date(r.expectedCloseDate()));
        Tables.column(table, OpportunityRow.class, Messages.Field_owner, 90, r -> Formats.text(r.owner()));
    }

    @Override
    List<OpportunityRow> rows(long customer) {
        return Services.get(OpportunityService.class).ofCustomer(customer);
    }

    @Override
    void open(OpportunityRow row) {
        try {
            OpportunityEditor.open(getSite().getPage(), row.id(), row.name());
        } catch (PartInitException e) {
            getManagedForm().getForm().setMessage(e.getMessage(), org.eclipse.jface.dialogs.IMessageProvider.ERROR);
        }
    }
}
