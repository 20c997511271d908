package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.Board;
import org.salesbench.opportunities.BoardColumn;
import org.salesbench.opportunities.BoardFilter;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.testing.PostgresSchema;

/**
 * The board's open totals on a team database: on PostgreSQL SB_STAGE_TOTAL is kept by a PL/pgSQL
 * trigger (on Derby by plain triggers), so create, move, edit, close, reopen and delete deals there
 * and check the board's column counts and sums, against known figures and a fresh GROUP BY. Runs where
 * {@code SALESBENCH_TEST_PG_URL} names a server (CI requires one); each test uses a schema of its own, dropped afterwards.
 */
@Tag("postgres")
class PostgresBoardTest {

    private PostgresSchema schema;
    private Database db;
    private CustomerServiceImpl customers;
    private OpportunityServiceImpl opportunities;
    private Pipeline pipeline;

    @BeforeEach
    void open() throws Exception {
        schema = PostgresSchema.create("b");
        LocalSecurityService security = new LocalSecurityService("li.wei");
        db = Database.open(schema.settings(), security);
        customers = new CustomerServiceImpl(db, security, (e, c, i) -> { });
        opportunities = new OpportunityServiceImpl(db, security, (e, c, i) -> { });
        pipeline = new PipelineServiceImpl(db, security, (e, c, i) -> { }).pipelines(false).stream()
                .filter(p -> p.getName().equals("New business")).findFirst().orElseThrow();
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    private Customer customer(String name) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.ACTIVE);
        return customers.create(c);
    }

    private long stage(String name) {
        return pipeline.getStages().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow().getId();
    }

    private Opportunity deal(Customer customer, String name, Money amount, String stage) {
        return deal(customer, name, amount, stage, LocalDate.now(Clocks.system()).plusMonths(1));
    }

    private Opportunity deal(Customer customer, String name, Money amount, String stage, LocalDate close) {
        Opportunity o = new Opportunity(customer, name, amount);
        o.setPipeline(pipeline);
        o.setExpectedCloseDate(close);
        Opportunity saved = opportunities.create(o);
        return stage.equals("Qualification") ? saved : opportunities.moveToStage(saved.getId(), stage(stage));
    }

    /** Open columns as "stage: count amount currency; …", empty columns left out. */
    private Map<String, String> board() {
        Board board = opportunities.board(pipeline.getId(), BoardFilter.ALL, 3);
        Map<String, String> shown = new TreeMap<>();
        for (BoardColumn column : board.columns()) {
            if (column.kind() == StageKind.OPEN && column.count() > 0) {
                shown.put(column.label(), column.count() + " " + column.totals().stream()
                        .map(m -> m.getAmount().setScale(2) + " " + m.getCurrency()).sorted().collect(Collectors.joining(" + ")));
            }
        }
        return shown;
    }

    /** The same figures summed from the rows, as the board would without SB_STAGE_TOTAL. */
    private Map<String, String> summedFromRows() {
        Map<String, Map<String, BigDecimal>> sums = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        List<?> rows = db.read(em -> em.createNativeQuery("SELECT s.NAME, o.CURRENCY, COUNT(*), SUM(o.AMOUNT) FROM SB_OPPORTUNITY o"
                + " JOIN SB_STAGE s ON s.ID = o.STAGE_ID WHERE o.STATE = 'OPEN' AND o.DELETED_AT IS NULL AND o.PIPELINE_ID = ? GROUP BY s.NAME, o.CURRENCY")
                .setParameter(1, pipeline.getId()).getResultList());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String stage = (String) r[0];
            sums.computeIfAbsent(stage, k -> new TreeMap<>()).put((String) r[1], new BigDecimal(r[3].toString()));
            counts.merge(stage, ((Number) r[2]).longValue(), Long::sum);
        }
        Map<String, String> expected = new TreeMap<>();
        sums.forEach((stage, byCurrency) -> expected.put(stage, counts.get(stage) + " " + byCurrency.entrySet().stream()
                .map(e -> e.getValue().setScale(2) + " " + e.getKey()).sorted().collect(Collectors.joining(" + "))));
        return expected;
    }

    private void assertBoard(Map<String, String> expected) {
        assertEquals(expected, board());
        assertEquals(expected, summedFromRows(), "the trigger-kept totals equal a fresh sum of the rows");
    }

    @Test
    void boardTotalsFollowCreateMoveEditCloseReopenAndDeleteOnPostgres() {
        Customer yunfan = customer("上海云帆科技有限公司");
        Customer haina = customer("宁波海纳物流有限公司");
        Opportunity a = deal(yunfan, "A", Money.cny("1000.00"), "Qualification");
        Opportunity b = deal(haina, "B", Money.cny("2500.50"), "Qualification");
        Opportunity c = deal(haina, "C", Money.cny("10.00"), "Needs analysis");
        Opportunity d = deal(yunfan, "D", Money.of(new BigDecimal("300.00"), "USD"), "Qualification");
        assertBoard(Map.of("Qualification", "3 300.00 USD + 3500.50 CNY", "Needs analysis", "1 10.00 CNY"));

        opportunities.moveToStage(a.getId(), stage("Needs analysis"));
        assertBoard(Map.of("Qualification", "2 2500.50 CNY + 300.00 USD", "Needs analysis", "2 1010.00 CNY"));

        Opportunity edit = opportunities.find(b.getId()).orElseThrow();
        edit.setAmount(Money.cny("99.99"));
        opportunities.update(edit);
        assertBoard(Map.of("Qualification", "2 300.00 USD + 99.99 CNY", "Needs analysis", "2 1010.00 CNY"));

        opportunities.markLost(c.getId(), "预算取消", null);
        opportunities.markWon(d.getId(), LocalDate.now(Clocks.system()));
        assertBoard(Map.of("Qualification", "1 99.99 CNY", "Needs analysis", "1 1000.00 CNY"));
        Map<String, Long> closed = opportunities.board(pipeline.getId(), BoardFilter.ALL, 3).columns().stream()
                .filter(col -> col.kind() != StageKind.OPEN).collect(Collectors.toMap(BoardColumn::label, BoardColumn::count));
        assertEquals(Map.of("Closed won", 1L, "Closed lost", 1L), closed, "deals closed this quarter");

        opportunities.moveToStage(c.getId(), stage("Proposal")); // reopened
        assertBoard(Map.of("Qualification", "1 99.99 CNY", "Needs analysis", "1 1000.00 CNY", "Proposal", "1 10.00 CNY"));

        opportunities.delete(a.getId()); // to the recycle bin: out of the totals
        assertBoard(Map.of("Qualification", "1 99.99 CNY", "Proposal", "1 10.00 CNY"));
        opportunities.restore(a.getId());
        assertBoard(Map.of("Qualification", "1 99.99 CNY", "Needs analysis", "1 1000.00 CNY", "Proposal", "1 10.00 CNY"));
        opportunities.delete(a.getId());
        opportunities.purge(a.getId()); // a deal already out of the totals is not taken out twice
        assertBoard(Map.of("Qualification", "1 99.99 CNY", "Proposal", "1 10.00 CNY"));

        customers.delete(haina.getId()); // its deals go to the bin with it by trigger, which the totals' trigger sees row by row
        assertBoard(Map.of());
        assertEquals(0L, db.read(em -> ((Number) em.createNativeQuery("SELECT COALESCE(SUM(OPEN_COUNT), 0) FROM SB_STAGE_TOTAL")
                .getSingleResult()).longValue()), "no count left behind");
    }

    @Test
    void theCardsOfAColumnAreTheDealsInItOnPostgres() {
        Customer yunfan = customer("杭州星河软件有限公司");
        for (int i = 1; i <= 5; i++) {
            deal(yunfan, "项目 " + i, Money.cny(i + "000.00"), i % 2 == 0 ? "Proposal" : "Qualification", LocalDate.now(Clocks.system()).plusDays(10L * i));
        }
        Board board = opportunities.board(pipeline.getId(), BoardFilter.ALL, 2);
        BoardColumn qualification = board.columns().stream().filter(col -> col.label().equals("Qualification")).findFirst().orElseThrow();
        assertEquals(3, qualification.count());
        assertEquals(new BigDecimal("9000.00"), qualification.totals().get(0).getAmount().setScale(2));
        assertEquals(2, qualification.cards().size(), "cards per stage are capped; the count is not");
        assertEquals(List.of("项目 5"), opportunities.cards(stage("Qualification"), BoardFilter.ALL, 2, 10).stream().map(card -> card.name())
                .toList(), "the third card (latest close date) is read on demand");
        Board mine = opportunities.board(pipeline.getId(), BoardFilter.mine("someone.else"), 2);
        assertEquals(0, mine.columns().stream().mapToLong(BoardColumn::count).sum(), "a filtered board sums the rows, not the totals");
    }
}
