package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.WriteOptions;
import org.salesbench.opportunities.BoardColumn;
import org.salesbench.opportunities.BoardFilter;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.OpportunityRow;
import org.salesbench.opportunities.Pipeline;

/**
 * Field rules on the paths that hand out many records at once, on Derby with the real services and engine: a role
 * that hides a customer's notes and grade and an opportunity's amount sees list rows, board cards and totals without
 * them, and exports (CSV and Excel) that leave the columns out and say which; the same data with no rules shows all.
 */
class FieldRulesInListsAndExportsTest {

    /** Every right, and the field rules the test sets after seeding (none while seeding). */
    static final class FieldRules implements SecurityService {
        final Map<String, Map<String, FieldAccess>> rules = new HashMap<>();

        @Override
        public CurrentUser currentUser() {
            return new CurrentUser("intern", "Intern");
        }

        @Override
        public boolean isPermitted(Action action, String entity, String owner) {
            return true;
        }

        @Override
        public Map<String, FieldAccess> fieldRules(String entity) {
            return rules.getOrDefault(entity, Map.of());
        }
    }

    @TempDir
    Path dir;

    @Test
    void hiddenFieldsLeaveListsBoardsAndExports() throws Exception {
        FieldRules security = new FieldRules();
        try (SalesFixture f = new SalesFixture(security)) {
            Customer c = new Customer("华东精密制造");
            c.setStatus(CustomerStatus.ACTIVE);
            c.setGrade("A");
            c.setNotes("信用冻结-机密");
            long customerId = f.customers.create(c).getId();
            Pipeline pipeline = f.pipelines.pipelines(true).get(0);
            Opportunity o = new Opportunity(f.customers.find(customerId).orElseThrow(), "年度框架协议", Money.cny("987654"));
            o.setPipeline(pipeline);
            o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(20));
            f.opportunities.create(o);

            // no rules: everything shows, the export has every column
            assertEquals("A", f.customers.page(CustomerFilter.ALL, CustomerSort.DEFAULT, 0, 10).get(0).grade());
            assertTrue(exportCsv(f, "customers").contains("信用冻结-机密"));
            assertTrue(f.engine.withheldFields("customers").isEmpty());

            security.rules.put("customer", Map.of("notes", FieldAccess.HIDDEN, "grade", FieldAccess.HIDDEN, "industry", FieldAccess.READ));
            security.rules.put("opportunity", Map.of("amount", FieldAccess.HIDDEN));

            CustomerRow row = f.customers.page(CustomerFilter.ALL, CustomerSort.DEFAULT, 0, 10).get(0);
            assertEquals("华东精密制造", row.name(), "a hidden field blanks its column, not the row");
            assertNull(row.grade(), "the list's grade column");
            assertNull(f.customers.rows(new long[] {customerId}).get(0).grade(), "rows by id (the list's selection)");
            Customer read = f.customers.find(customerId).orElseThrow();
            assertNull(read.getNotes());
            assertNull(read.getGrade());
            assertEquals(1, f.customers.count(CustomerFilter.ALL), "counts are not field-level");

            OpportunityRow deal = f.opportunities.page(OpportunityFilter.ALL, 0, 10).get(0);
            assertEquals("年度框架协议", deal.name());
            assertNull(deal.amount(), "the opportunity list's amount");
            assertNull(f.opportunities.ofCustomer(customerId).get(0).amount(), "the customer editor's opportunities");
            assertNull(f.opportunities.find(deal.id()).orElseThrow().getAmount(), "the opportunity editor");
            for (BoardColumn column : f.opportunities.board(pipeline.getId(), BoardFilter.ALL, 10).columns()) {
                assertTrue(column.totals().isEmpty(), column.label() + ": a column total sums hidden amounts");
                column.cards().forEach(card -> assertNull(card.amount(), "a board card"));
            }

            String csv = exportCsv(f, "customers");
            assertTrue(csv.contains("华东精密制造"));
            assertFalse(csv.contains("信用冻结-机密"), "the hidden notes leave the CSV file: " + csv);
            List<String> header = f.engine.preview(dir.resolve("customers.csv"), ReadOptions.DETECT, "customers").header();
            assertFalse(header.stream().anyMatch(h -> h.contains("备注") || h.equalsIgnoreCase("notes") || h.contains("Grade") || h.contains("等级")),
                    "no notes or grade column: " + header);
            assertEquals(List.of("grade", "notes"), f.engine.withheldFields("customers").stream().map(TargetField::name).sorted().toList(),
                    "the export says what it left out");

            Path xlsx = dir.resolve("deals.xlsx");
            assertEquals(1, f.engine.export("opportunities", null, xlsx, WriteOptions.DEFAULT, new NullProgressMonitor()));
            List<String> dealHeader = f.engine.preview(xlsx, ReadOptions.DETECT, "opportunities").header();
            assertNotNull(dealHeader);
            assertFalse(dealHeader.stream().anyMatch(h -> h.equalsIgnoreCase("amount") || h.contains("金额")), "no amount column: " + dealHeader);
            String cells = String.join("|", f.engine.preview(xlsx, ReadOptions.DETECT, "opportunities").sample().get(0).values());
            assertFalse(cells.contains("987654"), "the amount is nowhere in the Excel file: " + cells);
            assertEquals(0, new BigDecimal("987654").compareTo(f.sum("SELECT SUM(AMOUNT) FROM SB_OPPORTUNITY")), "the stored amount is untouched");
        }
    }

    private String exportCsv(SalesFixture f, String target) throws Exception {
        Path csv = dir.resolve(target + ".csv");
        f.engine.export(target, CustomerFilter.ALL, csv, WriteOptions.DEFAULT, new NullProgressMonitor());
        return Files.readString(csv, StandardCharsets.UTF_8);
    }
}
