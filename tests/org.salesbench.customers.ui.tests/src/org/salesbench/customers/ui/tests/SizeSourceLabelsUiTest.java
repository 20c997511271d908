package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.internal.CustomerEditor;
import org.salesbench.customers.ui.internal.OverviewPage;
import org.salesbench.ui.Services;
import org.salesbench.ui.testing.UiTesting;

/**
 * The customer editor shows a customer's company size and source (a converted lead's source code, which it showed as
 * {@code TRADE_SHOW} before) by their picklist labels in the user's language, English and Simplified Chinese, offers
 * the lists' values, and saves the code of the value chosen.
 */
class SizeSourceLabelsUiTest {

    private static Combo open(IWorkbenchPage workbench, Customer c, String field) throws Exception {
        CustomerEditor editor = CustomerEditor.open(workbench, c.getId(), c.getName());
        OverviewPage overview = (OverviewPage) editor.findPage(OverviewPage.ID);
        UiTesting.waitUntil("the overview's fields", () -> overview.field(field) != null);
        return (Combo) overview.field(field);
    }

    @Test
    void sizeAndSourceShowTheirLabelsInEnglishAndChineseAndSaveCodes() throws Exception {
        IWorkbenchPage workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        CustomerService customers = Services.get(CustomerService.class);
        Customer c = new Customer("Labels " + UUID.randomUUID().toString().substring(0, 6));
        c.setSource("TRADE_SHOW");
        c.setSize("LARGE");
        c = customers.create(c);
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertEquals("Trade show", open(workbench, c, "source").getText());
            assertEquals("1,000–9,999", open(workbench, c, "size").getText());
            workbench.closeAllEditors(false);
            UiTesting.processEvents();

            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            Combo source = open(workbench, c, "source");
            assertEquals("展会", source.getText());
            assertEquals("1000–9999 人", open(workbench, c, "size").getText());
            assertTrue(Arrays.asList(source.getItems()).contains("转介绍"), Arrays.toString(source.getItems()));
            UiTesting.screenshot("customer-source-size-zh");
            UiTesting.choose(source, "转介绍");
            CustomerEditor editor = (CustomerEditor) workbench.getActiveEditor();
            assertTrue(editor.isDirty());
            workbench.saveEditor(editor, false);
            assertEquals("REFERRAL", customers.find(c.getId()).orElseThrow().getSource(), "the code is stored, not the label");
        } finally {
            Locale.setDefault(before);
            workbench.closeAllEditors(false);
            UiTesting.processEvents();
        }
    }
}
