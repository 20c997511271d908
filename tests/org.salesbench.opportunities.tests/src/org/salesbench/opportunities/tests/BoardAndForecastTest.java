package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.opportunities.tests.OpportunityFixture.stage;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.DateRange;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.opportunities.Board;
import org.salesbench.opportunities.BoardColumn;
import org.salesbench.opportunities.BoardFilter;
import org.salesbench.opportunities.ForecastCategory;
import org.salesbench.opportunities.ForecastGrouping;
import org.salesbench.opportunities.ForecastQuery;
import org.salesbench.opportunities.ForecastRow;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.StageKind;
import org.salesbench.users.Team;

class BoardAndForecastTest {

    private OpportunityFixture fx;
    private Customer yunfan;
    private Customer haina;
    private Pipeline nb;
    private final LocalDate today = LocalDate.now(Clocks.system());
    private final YearMonth next = YearMonth.from(today).plusMonths(1);
    private final YearMonth later = YearMonth.from(today).plusMonths(2);

    @BeforeEach
    void open() {
        fx = new OpportunityFixture();
        yunfan = fx.customer("上海云帆科技有限公司");
        haina = fx.customer("宁波海纳物流有限公司");
        nb = fx.newBusiness();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private Opportunity make(Customer c, String name, String amount, LocalDate close, String owner, String stage, ForecastCategory category) {
        Opportunity o = fx.opportunity(c, name, amount, close);
        o.setOwner(owner);
        o.setForecastCategory(category);
        Opportunity saved = fx.opportunities.create(o);
        if (!stage.equals("Qualification")) {
            saved = fx.opportunities.moveToStage(saved.getId(), stage(nb, stage).getId());
        }
        return saved;
    }

    private static String amount(List<Money> totals) {
        return totals.isEmpty() ? "-" : totals.get(0).getAmount().toPlainString();
    }

    @Test
    void boardCountsSumsAndCardsPerStageWithFilters() {
        make(yunfan, "A", "1000.00", next.atDay(10), "li.wei", "Qualification", ForecastCategory.PIPELINE);
        make(haina, "B", "2500.50", next.atDay(5), "wang.fang", "Qualification", ForecastCategory.PIPELINE);
        make(yunfan, "C", "4000.00", later.atDay(1), "li.wei", "Needs analysis", ForecastCategory.BEST_CASE);
        make(haina, "D", "333.33", next.atDay(20), "li.wei", "Proposal", ForecastCategory.COMMIT);
        Opportunity won = make(yunfan, "E", "7000.00", next.atDay(20), "wang.fang", "Qualification", ForecastCategory.COMMIT);
        fx.opportunities.markWon(won.getId(), today);
        Opportunity oldWin = make(haina, "F", "9999.00", next.atDay(20), "wang.fang", "Qualification", ForecastCategory.COMMIT);
        fx.opportunities.markWon(oldWin.getId(), today.minusYears(1)); // closed long ago: not on the board

        Board board = fx.opportunities.board(nb.getId(), BoardFilter.ALL, 50);
        assertEquals("New business", board.pipelineLabel());
        Map<String, BoardColumn> columns = board.columns().stream().collect(Collectors.toMap(BoardColumn::label, c -> c));
        assertEquals(List.of("Qualification", "Needs analysis", "Proposal", "Negotiation", "Closed won", "Closed lost"),
                board.columns().stream().map(BoardColumn::label).toList());
        assertEquals(2, columns.get("Qualification").count());
        assertEquals("3500.50", amount(columns.get("Qualification").totals()));
        assertEquals(List.of("B", "A"), columns.get("Qualification").cards().stream().map(c -> c.name()).toList(), "by close date");
        assertEquals("宁波海纳物流有限公司", columns.get("Qualification").cards().get(0).customerName());
        assertEquals("wang.fang", columns.get("Qualification").cards().get(0).owner());
        assertEquals(next.atDay(5), columns.get("Qualification").cards().get(0).expectedCloseDate());
        assertEquals(1, columns.get("Needs analysis").count());
        assertEquals("333.33", amount(columns.get("Proposal").totals()));
        assertEquals(0, columns.get("Negotiation").count());
        assertEquals("-", amount(columns.get("Negotiation").totals()));
        assertEquals(1, columns.get("Closed won").count(), "only deals closed this quarter");
        assertEquals("7000.00", amount(columns.get("Closed won").totals()));
        assertEquals(StageKind.WON, columns.get("Closed won").kind());

        Board mine = fx.opportunities.board(nb.getId(), BoardFilter.mine("li.wei"), 1);
        Map<String, BoardColumn> my = mine.columns().stream().collect(Collectors.toMap(BoardColumn::label, c -> c));
        assertEquals(1, my.get("Qualification").count());
        assertEquals("1000.00", amount(my.get("Qualification").totals()));
        assertEquals(0, my.get("Closed won").count());
        assertEquals(1, my.get("Qualification").cards().size());

        // more cards of one column, paged
        assertEquals(List.of("A"), fx.opportunities.cards(stage(nb, "Qualification").getId(), BoardFilter.ALL, 1, 10).stream().map(c -> c.name()).toList());

        assertEquals(6, fx.opportunities.count(OpportunityFilter.ALL));
        assertEquals(3, fx.opportunities.count(new OpportunityFilter(null, null, Set.of(), Set.of(StageKind.OPEN), Set.of("li.wei"), false, false)));
        assertEquals(List.of("B", "A", "D", "C"), fx.opportunities.page(new OpportunityFilter(null, nb.getId(), Set.of(), Set.of(StageKind.OPEN),
                Set.of(), false, false), 0, 10).stream().map(r -> r.name()).toList());
        assertEquals(3, fx.opportunities.count(new OpportunityFilter("宁波", null, Set.of(), Set.of(), Set.of(), false, false)));
        assertEquals(3, fx.opportunities.ofCustomer(yunfan.getId()).size());
    }

    /** Deals closing today and on the quarter's last day are this quarter's, whatever the month; the next day is not. */
    @Test
    void closingThisQuarterIsTodayToTheQuartersLastDay() {
        DateRange quarter = DateRange.quarterOf(today);
        make(yunfan, "Today", "10.00", today, "li.wei", "Qualification", ForecastCategory.PIPELINE);
        make(haina, "Quarter end", "20.00", quarter.end(), "li.wei", "Proposal", ForecastCategory.PIPELINE);
        make(haina, "Next quarter", "40.00", quarter.end().plusDays(1), "li.wei", "Qualification", ForecastCategory.PIPELINE);

        Board thisQuarter = fx.opportunities.board(nb.getId(), new BoardFilter(Set.of(), true, false), 50);
        assertEquals(Set.of("Today", "Quarter end"), thisQuarter.columns().stream().flatMap(c -> c.cards().stream())
                .map(c -> c.name()).collect(Collectors.toSet()));
        assertEquals(2, thisQuarter.columns().stream().mapToLong(BoardColumn::count).sum());
        assertEquals(3, fx.opportunities.board(nb.getId(), BoardFilter.ALL, 50).columns().stream().mapToLong(BoardColumn::count).sum());
        assertEquals(2, fx.opportunities.count(new OpportunityFilter(null, null, Set.of(), Set.of(), Set.of(), true, false)));
    }

    /** The open totals the board reads come from SB_STAGE_TOTAL, kept by triggers: after every kind of change they equal a fresh GROUP BY. */
    @Test
    void stageTotalsFollowEveryChange() {
        Opportunity a = make(yunfan, "A", "1000.00", next.atDay(10), "li.wei", "Qualification", ForecastCategory.PIPELINE);
        Opportunity b = make(haina, "B", "2500.50", next.atDay(5), "wang.fang", "Needs analysis", ForecastCategory.PIPELINE);
        Opportunity c = make(haina, "C", "10.00", next.atDay(5), "wang.fang", "Qualification", ForecastCategory.PIPELINE);
        assertTotalsMatchTheRows();
        fx.opportunities.moveToStage(a.getId(), stage(nb, "Needs analysis").getId());
        assertTotalsMatchTheRows();
        Opportunity edit = fx.opportunities.find(b.getId()).orElseThrow();
        edit.setAmount(Money.cny("99.99"));
        fx.opportunities.update(edit);
        assertTotalsMatchTheRows();
        fx.opportunities.markLost(c.getId(), "不需要了", null);
        assertTotalsMatchTheRows();
        fx.opportunities.moveToStage(c.getId(), stage(nb, "Qualification").getId()); // reopened
        assertTotalsMatchTheRows();
        fx.opportunities.delete(a.getId()); // to the recycle bin
        assertTotalsMatchTheRows();
        fx.opportunities.restore(a.getId());
        assertTotalsMatchTheRows();
        fx.opportunities.delete(a.getId());
        fx.opportunities.purge(a.getId());
        assertTotalsMatchTheRows();
        fx.customers.delete(haina.getId()); // its deals go to the bin with it (trigger)
        assertTotalsMatchTheRows();
        assertEquals(0, fx.opportunities.board(nb.getId(), BoardFilter.ALL, 5).columns().stream().mapToLong(BoardColumn::count).sum());
    }

    private void assertTotalsMatchTheRows() {
        Map<String, String> expected = new java.util.TreeMap<>();
        fx.db.read(em -> em.createNativeQuery("SELECT STAGE_ID, COUNT(*), SUM(AMOUNT) FROM SB_OPPORTUNITY WHERE STATE = 'OPEN' AND DELETED_AT IS NULL AND PIPELINE_ID = ?"
                + " GROUP BY STAGE_ID").setParameter(1, nb.getId()).getResultList()).forEach(row -> {
                    Object[] r = (Object[]) row;
                    expected.put(String.valueOf(r[0]), r[1] + " " + new java.math.BigDecimal(r[2].toString()).setScale(2));
                });
        Map<String, String> actual = new java.util.TreeMap<>();
        for (BoardColumn column : fx.opportunities.board(nb.getId(), BoardFilter.ALL, 0).columns()) {
            if (column.kind() == StageKind.OPEN && column.count() > 0) {
                actual.put(String.valueOf(column.stageId()), column.count() + " " + column.totals().get(0).getAmount());
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void overdueDealsAreTheOpenOnesWhoseCloseDatePassed() {
        Opportunity late = make(yunfan, "Late", "10.00", today.plusDays(1), "li.wei", "Qualification", ForecastCategory.PIPELINE);
        make(haina, "On time", "20.00", today.plusDays(30), "li.wei", "Qualification", ForecastCategory.PIPELINE);
        fx.db.write(em -> em.createNativeQuery("UPDATE SB_OPPORTUNITY SET CLOSE_DATE = ? WHERE ID = ?")
                .setParameter(1, java.sql.Date.valueOf(today.minusDays(3))).setParameter(2, late.getId()).executeUpdate());
        Board overdue = fx.opportunities.board(nb.getId(), new BoardFilter(Set.of(), false, true), 10);
        assertEquals(1, overdue.columns().stream().mapToLong(BoardColumn::count).sum());
        assertEquals("Late", overdue.columns().get(0).cards().get(0).name());
        assertEquals(1, fx.opportunities.count(new OpportunityFilter(null, null, Set.of(), Set.of(), Set.of(), false, true)));
    }

    @Test
    void weightedForecastByMonthCategoryOwnerTeamAndPipeline() {
        // probabilities from the stages: Qualification 10, Needs analysis 25, Proposal 50
        make(yunfan, "A", "1000.00", next.atDay(10), "li.wei", "Qualification", ForecastCategory.PIPELINE); // 100.00
        make(haina, "B", "2500.50", next.atDay(5), "wang.fang", "Qualification", ForecastCategory.PIPELINE); // 250.05
        make(yunfan, "C", "4000.00", later.atDay(1), "li.wei", "Needs analysis", ForecastCategory.BEST_CASE); // 1000.00
        make(haina, "D", "333.33", next.atDay(20), "li.wei", "Proposal", ForecastCategory.COMMIT); // 166.665
        make(yunfan, "E", "333.33", next.atDay(21), "li.wei", "Proposal", ForecastCategory.COMMIT); // 166.665
        Opportunity lost = make(haina, "L", "5000.00", next.atDay(2), "li.wei", "Qualification", ForecastCategory.COMMIT);
        fx.opportunities.markLost(lost.getId(), "预算取消", null); // lost deals are left out
        Opportunity other = fx.opportunity(haina, "R", "800.00", next.atDay(3));
        other.setPipeline(fx.pipeline("Renewal")); // Upcoming renewal: 60 % -> 480.00
        other.setOwner("zhang.min");
        fx.opportunities.create(other);

        List<ForecastRow> rows = fx.forecast.forecast(ForecastQuery.months(next, later, ForecastGrouping.NONE));
        Map<String, ForecastRow> byKey = rows.stream().collect(Collectors.toMap(r -> r.month() + " " + r.category(), r -> r));
        assertEquals(3, rows.size(), rows.toString());
        ForecastRow pipelineNext = byKey.get(next + " PIPELINE");
        assertEquals(3, pipelineNext.count());
        assertEquals(Money.cny("4300.50"), pipelineNext.amount());
        assertEquals(Money.cny("830.05"), pipelineNext.weighted()); // 100.00 + 250.05 + 480.00
        ForecastRow commitNext = byKey.get(next + " COMMIT");
        assertEquals(2, commitNext.count());
        assertEquals(Money.cny("666.66"), commitNext.amount());
        assertEquals(Money.cny("333.33"), commitNext.weighted()); // 166.665 twice, rounded once per cell
        assertEquals(Money.cny("1000.00"), byKey.get(later + " BEST_CASE").weighted());

        List<ForecastRow> byOwner = fx.forecast.forecast(ForecastQuery.months(next, next, ForecastGrouping.OWNER));
        Map<String, Money> weightedByOwner = byOwner.stream().collect(Collectors.toMap(r -> r.group() + " " + r.category(), ForecastRow::weighted));
        assertEquals(Money.cny("100.00"), weightedByOwner.get("li.wei PIPELINE"));
        assertEquals(Money.cny("250.05"), weightedByOwner.get("wang.fang PIPELINE"));
        assertEquals(Money.cny("480.00"), weightedByOwner.get("zhang.min PIPELINE"));
        assertEquals(Money.cny("333.33"), weightedByOwner.get("li.wei COMMIT"));

        List<ForecastRow> byPipeline = fx.forecast.forecast(ForecastQuery.months(next, later, ForecastGrouping.PIPELINE));
        Map<String, Money> weightedByPipeline = byPipeline.stream().collect(Collectors.groupingBy(ForecastRow::group,
                Collectors.reducing(Money.cny("0"), ForecastRow::weighted, Money::plus)));
        assertEquals(Money.cny("1683.38"), weightedByPipeline.get("New business")); // 350.05 pipeline + 333.33 commit + 1000.00 best case
        assertEquals(Money.cny("480.00"), weightedByPipeline.get("Renewal"));

        Team east = new Team("华东团队");
        east.getMembers().addAll(List.of("li.wei", "zhang.min"));
        fx.db.write(em -> {
            em.persist(east);
            return null;
        });
        List<ForecastRow> byTeam = fx.forecast.forecast(ForecastQuery.months(next, later, ForecastGrouping.TEAM));
        Money eastWeighted = byTeam.stream().filter(r -> r.group().equals("华东团队")).map(ForecastRow::weighted).reduce(Money.cny("0"), Money::plus);
        assertEquals(Money.cny("1913.33"), eastWeighted); // li.wei 100 + 1000 + 333.33, zhang.min 480
        List<ForecastRow> oneTeam = fx.forecast.forecast(new ForecastQuery(next, later, ForecastGrouping.NONE, null, null, east.getId()));
        assertEquals(Money.cny("1913.33"), oneTeam.stream().map(ForecastRow::weighted).reduce(Money.cny("0"), Money::plus));
        assertTrue(fx.forecast.forecast(new ForecastQuery(next, later, ForecastGrouping.NONE, null, "nobody", null)).isEmpty());
    }
}
