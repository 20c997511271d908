package org.salesbench.opportunities.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.salesbench.core.model.DateRange;
import org.salesbench.core.model.Money;
import org.salesbench.opportunities.Board;
import org.salesbench.opportunities.BoardCard;
import org.salesbench.opportunities.BoardColumn;
import org.salesbench.opportunities.BoardFilter;
import org.salesbench.opportunities.ForecastCategory;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.OpportunityRow;
import org.salesbench.opportunities.OpportunitySort;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.SoftDeletion;

/**
 * The board and list queries, in SQL: counts and sums are aggregates in the database (served by
 * the IX_SB_OPP_BOARD_* indexes without touching the table), cards and pages read only their columns.
 */
final class OpportunityQueries {

    /**
     * Cards and rows are ordered and paged on SB_OPPORTUNITY alone and the customer names looked up by id afterwards
     * (the board's cards join the customers only in the statement that fetches the page's rows by id): with the join in
     * the ordered statement Derby gives up reading the close-date index in order and sorts the whole stage (200 ms a
     * column at 27,000 deals instead of 5 ms).
     */
    private static final String CARD_COLUMNS = "o.ID, o.VERSION, o.NAME, o.CUSTOMER_ID, o.AMOUNT, o.CURRENCY, o.CLOSE_DATE, o.OWNER, o.PROBABILITY";

    private OpportunityQueries() {
    }

    /** A WHERE clause under construction with its positional parameters. */
    private static final class Where {
        final StringBuilder sql = new StringBuilder();
        final List<Object> params = new ArrayList<>();

        Where and(String condition, Object... values) {
            sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(condition);
            params.addAll(List.of(values));
            return this;
        }

        Where in(String column, java.util.Collection<?> values) {
            if (!values.isEmpty()) {
                and(column + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")", values.toArray());
            }
            return this;
        }

        Query bind(Query query) {
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            return query;
        }
    }

    private static void boardFilter(Where where, BoardFilter filter, LocalDate today) {
        where.and(SoftDeletion.notDeleted("o")); // deals in the recycle bin count nowhere
        where.in("o.OWNER", filter.owners());
        if (filter.closingThisQuarter()) {
            DateRange quarter = DateRange.quarterOf(today);
            where.and("o.CLOSE_DATE BETWEEN ? AND ?", Date.valueOf(quarter.start()), Date.valueOf(quarter.end()));
        }
        if (filter.overdue()) {
            where.and("o.STATE = 'OPEN' AND o.CLOSE_DATE < ?", Date.valueOf(today));
        }
    }

    /**
     * @param readsAll whether the user reads every owner's deals: only then do the totals the database keeps (which add
     *            up everyone's) answer for them
     */
    static Board board(EntityManager em, Pipeline pipeline, BoardFilter filter, int cardsPerStage, LocalDate today, boolean readsAll) {
        Map<Long, Long> counts = new HashMap<>();
        Map<Long, List<Money>> totals = new HashMap<>();
        // open deals and deals closed this quarter are separate index ranges; each is summed in index order, without a sort
        boolean unfiltered = readsAll && filter.owners().isEmpty() && !filter.closingThisQuarter() && !filter.overdue();
        Where open = new Where().and("o.PIPELINE_ID = ?", pipeline.getId()).and("o.STATE = 'OPEN'");
        boardFilter(open, filter, today);
        String openSql = "SELECT o.STAGE_ID, o.CURRENCY, COUNT(*), SUM(o.AMOUNT) FROM {SB_OPPORTUNITY} o" + open.sql + " GROUP BY o.STAGE_ID, o.CURRENCY";
        List<Object> openParams = open.params;
        if (!unfiltered && MaskingViews.masked(em, "SB_OPPORTUNITY")) {
            openSql = readableArms(open.sql);
            openParams = new ArrayList<>();
            for (int arm = 0; arm < 4; arm++) {
                openParams.addAll(open.params);
            }
        }
        if (unfiltered) {
            // the totals the database keeps by trigger (changeset opportunities-4): a few rows instead of every open deal
            open = new Where().and("s.PIPELINE_ID = ?", pipeline.getId()).and("t.OPEN_COUNT > 0");
            openSql = "SELECT t.STAGE_ID, t.CURRENCY, t.OPEN_COUNT, t.OPEN_AMOUNT FROM SB_STAGE_TOTAL t JOIN SB_STAGE s ON s.ID = t.STAGE_ID" + open.sql;
        }
        Where closed = new Where().and("o.PIPELINE_ID = ?", pipeline.getId()).and("o.STATE IN ('WON', 'LOST')")
                .and("o.CLOSED_ON >= ?", Date.valueOf(DateRange.quarterOf(today).start()));
        boardFilter(closed, filter, today);
        // one statement for both (each a round trip to the server, which on a loaded machine costs more than the sums)
        Where both = new Where();
        both.params.addAll(unfiltered ? open.params : openParams);
        String sql = openSql;
        if (!filter.overdue()) { // overdue means still open
            both.params.addAll(closed.params);
            sql += " UNION ALL SELECT o.STAGE_ID, o.CURRENCY, COUNT(*), SUM(o.AMOUNT) FROM {SB_OPPORTUNITY} o" + closed.sql + " GROUP BY o.STAGE_ID, o.CURRENCY";
        }
        for (Object row : both.bind(MaskingViews.query(em, sql)).getResultList()) {
            Object[] r = (Object[]) row;
            long stageId = ((Number) r[0]).longValue();
            counts.merge(stageId, ((Number) r[2]).longValue(), Long::sum);
            if (r[1] != null && r[3] != null) {
                totals.computeIfAbsent(stageId, k -> new ArrayList<>()).add(Money.of(new BigDecimal(r[3].toString()), (String) r[1]));
            }
        }
        Map<Long, List<Long>> ids = new HashMap<>();
        for (Stage stage : pipeline.getStages()) {
            if (counts.getOrDefault(stage.getId(), 0L) > 0 && cardsPerStage > 0) {
                ids.put(stage.getId(), cardIds(em, stage, filter, 0, cardsPerStage, today));
            }
        }
        Map<Long, List<BoardCard>> cards = cardsById(em, ids);
        List<BoardColumn> columns = new ArrayList<>();
        for (Stage stage : pipeline.getStages()) {
            columns.add(new BoardColumn(stage.getId(), stage.getLabel(), stage.getKind(), stage.getProbability(), counts.getOrDefault(stage.getId(), 0L),
                    List.copyOf(totals.getOrDefault(stage.getId(), List.of())), cards.getOrDefault(stage.getId(), List.of())));
        }
        return new Board(pipeline.getId(), pipeline.getLabel(), columns);
    }

    /**
     * The open counts under row-level security (a team server, as anyone but the schema's owner), read arm by arm of the
     * read policies: deals of an owner the user reaches ({@code SB_VISIBLE_OWNERS}: their own, their subordinates'), all
     * deals when that is everyone (NULL), deals shared with the user or their teams, deals of a customer whose account team
     * they are on. The policies still filter every arm, so nothing more is counted; the arms are disjoint (each leaves out
     * what an earlier one counts), so nothing twice. Asked as the policies' one condition, PostgreSQL reads every open
     * deal of the pipeline and keeps the user's (a manager of 10 of 50 owners: 107,694 index entries for 21,480); the
     * owners' arm reads only theirs ({@code IX_SB_OPP_BOARD_OWNER}), and the share arms are not read at all while
     * nothing is shared with the user (a one-time test of the array's size).
     */
    private static String readableArms(CharSequence where) {
        String owners = "CAST((SELECT SB_VISIBLE_OWNERS('opportunity', 'READ')) AS TEXT[])";
        String shared = "CAST((SELECT SB_SHARED_IDS('opportunity', false)) AS BIGINT[])";
        String accounts = "CAST((SELECT SB_SHARED_IDS('customer', false)) AS BIGINT[])";
        String arm = " SELECT o.STAGE_ID, o.CURRENCY, COUNT(*) AS N, SUM(o.AMOUNT) AS A FROM {SB_OPPORTUNITY} o" + where + " AND ";
        String group = " GROUP BY o.STAGE_ID, o.CURRENCY";
        return "SELECT STAGE_ID, CURRENCY, SUM(N), SUM(A) FROM ("
                + arm + "o.OWNER = ANY (" + owners + ")" + group
                + " UNION ALL" + arm + owners + " IS NULL" + group
                + " UNION ALL" + arm + owners + " IS NOT NULL AND CARDINALITY(" + shared + ") > 0 AND o.ID = ANY (" + shared + ")"
                + " AND (o.OWNER = ANY (" + owners + ")) IS NOT TRUE" + group
                + " UNION ALL" + arm + owners + " IS NOT NULL AND CARDINALITY(" + accounts + ") > 0 AND o.CUSTOMER_ID = ANY (" + accounts + ")"
                + " AND (o.OWNER = ANY (" + owners + ")) IS NOT TRUE AND (o.ID = ANY (" + shared + ")) IS NOT TRUE" + group
                + ") v GROUP BY STAGE_ID, CURRENCY";
    }

    static List<BoardCard> cards(EntityManager em, Stage stage, BoardFilter filter, int offset, int limit, LocalDate today) {
        return cardsById(em, Map.of(stage.getId(), cardIds(em, stage, filter, offset, limit, today))).getOrDefault(stage.getId(), List.of());
    }

    /**
     * The ids of a column's cards, in the column's order. A column's cards are read in two steps: these ids, then
     * {@link #cardsById} the cards of every column at once. This step reads only the stage's index (which on PostgreSQL
     * carries the owner, customer and deletion the row-level policies and the filter ask about, changeset
     * opportunities-19), so under row-level security the deals a rep may not see are passed over in the index, not
     * fetched from the table one by one.
     */
    private static List<Long> cardIds(EntityManager em, Stage stage, BoardFilter filter, int offset, int limit, LocalDate today) {
        Where where = new Where().and("o.STAGE_ID = ?", stage.getId()).and(SoftDeletion.notDeleted("o"));
        where.in("o.OWNER", filter.owners());
        if (filter.closingThisQuarter()) {
            DateRange quarter = DateRange.quarterOf(today);
            where.and("o.CLOSE_DATE BETWEEN ? AND ?", Date.valueOf(quarter.start()), Date.valueOf(quarter.end()));
        }
        String index;
        String order;
        if (stage.isClosed()) {
            if (filter.overdue()) {
                return List.of(); // overdue means still open
            }
            where.and("o.CLOSED_ON >= ?", Date.valueOf(DateRange.quarterOf(today).start()));
            index = "IX_SB_OPP_STAGE_CLOSED";
            order = " ORDER BY o.CLOSED_ON DESC, o.ID DESC";
        } else {
            if (filter.overdue()) {
                where.and("o.CLOSE_DATE < ?", Date.valueOf(today)); // the stage is open, so is the deal
            }
            index = "IX_SB_OPP_STAGE_CLOSE";
            order = " ORDER BY o.CLOSE_DATE, o.ID";
        }
        // Derby reads the stage's index in order and stops after the page; left to itself it may pick a wider
        // index and sort. The hint is a comment to every other database.
        List<Long> ids = new ArrayList<>();
        for (Object id : where.bind(MaskingViews.query(em, "SELECT o.ID FROM {SB_OPPORTUNITY} o --DERBY-PROPERTIES index=" + index
                + "\n" + where.sql + order + " OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY")).getResultList()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    /**
     * The cards of the given ids (stage id → its column's card ids in order), each column's in its order, with their
     * customers' names: one statement for all columns (per 500 cards), by primary key. A deal moved to another stage or
     * deleted since its id was read is left out of the column; a customer the user may not read has no name.
     */
    private static Map<Long, List<BoardCard>> cardsById(EntityManager em, Map<Long, List<Long>> idsByStage) {
        List<Long> all = idsByStage.values().stream().flatMap(List::stream).toList();
        Map<Long, Object[]> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += 500) {
            Where byId = new Where().and(SoftDeletion.notDeleted("o")).in("o.ID", all.subList(from, Math.min(all.size(), from + 500)));
            for (Object row : byId.bind(MaskingViews.query(em, "SELECT " + CARD_COLUMNS + ", o.STAGE_ID, c.NAME FROM {SB_OPPORTUNITY} o"
                    + " LEFT JOIN {SB_CUSTOMER} c ON c.ID = o.CUSTOMER_ID" + byId.sql)).getResultList()) {
                Object[] r = (Object[]) row;
                found.put(((Number) r[0]).longValue(), r);
            }
        }
        Map<Long, List<BoardCard>> cards = new HashMap<>();
        idsByStage.forEach((stageId, ids) -> {
            List<BoardCard> column = new ArrayList<>();
            for (Long id : ids) {
                Object[] r = found.get(id);
                if (r != null && ((Number) r[9]).longValue() == stageId) {
                    column.add(new BoardCard(id, ((Number) r[1]).longValue(), (String) r[2], ((Number) r[3]).longValue(), (String) r[10],
                            money(r[4], r[5]), localDate(r[6]), (String) r[7], ((Number) r[8]).intValue()));
                }
            }
            cards.put(stageId, column);
        });
        return cards;
    }

    static Map<Long, String> customerNames(EntityManager em, java.util.Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        List<Long> distinct = ids.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 500) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + 500));
            Query query = MaskingViews.query(em, "SELECT ID, NAME FROM {SB_CUSTOMER} WHERE ID IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")");
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 1, chunk.get(i));
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                names.put(((Number) r[0]).longValue(), (String) r[1]);
            }
        }
        return names;
    }

    private static Where listFilter(OpportunityFilter filter, LocalDate today) {
        Where where = new Where();
        if (filter.text() != null && !filter.text().isBlank()) {
            String prefix = filter.text().strip().toUpperCase(Locale.ROOT).replace("%", "") + "%";
            where.and("(UPPER(o.NAME) LIKE ? OR UPPER(c.NAME) LIKE ?)", prefix, prefix);
        }
        if (filter.pipelineId() != null) {
            where.and("o.PIPELINE_ID = ?", filter.pipelineId());
        }
        where.in("o.STAGE_ID", filter.stageIds());
        where.in("o.STATE", filter.states().stream().map(Enum::name).toList());
        boardFilter(where, new BoardFilter(filter.owners(), filter.closingThisQuarter(), filter.overdue()), today);
        return where;
    }

    static long count(EntityManager em, OpportunityFilter filter, LocalDate today) {
        Where where = listFilter(filter, today);
        boolean needsCustomer = filter.text() != null && !filter.text().isBlank();
        return ((Number) where.bind(MaskingViews.query(em, "SELECT COUNT(*) FROM {SB_OPPORTUNITY} o"
                + (needsCustomer ? " JOIN {SB_CUSTOMER} c ON c.ID = o.CUSTOMER_ID" : "") + where.sql)).getSingleResult()).longValue();
    }

    static List<OpportunityRow> page(EntityManager em, OpportunityFilter filter, int offset, int limit, LocalDate today) {
        Where where = listFilter(filter, today);
        boolean needsCustomer = filter.text() != null && !filter.text().isBlank();
        return rows(em, where.bind(MaskingViews.query(em, ROW_SELECT + (needsCustomer ? " JOIN {SB_CUSTOMER} c ON c.ID = o.CUSTOMER_ID" : "")
                + where.sql + " ORDER BY o.CLOSE_DATE, o.ID OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY")));
    }

    /**
     * A page in {@code sort}'s order. The default order reads the close-date index as {@link #page(EntityManager,
     * OpportunityFilter, int, int, LocalDate)} does; the customer's name joins SB_CUSTOMER and the stage SB_STAGE (its
     * place in the pipeline, then its name) only for those orders.
     */
    static List<OpportunityRow> page(EntityManager em, OpportunityFilter filter, OpportunitySort sort, int offset, int limit, LocalDate today) {
        if (sort == null || sort.equals(OpportunitySort.DEFAULT)) {
            return page(em, filter, offset, limit, today);
        }
        Where where = listFilter(filter, today);
        boolean needsCustomer = filter.text() != null && !filter.text().isBlank() || sort.column() == OpportunitySort.Column.CUSTOMER;
        boolean needsStage = sort.column() == OpportunitySort.Column.STAGE;
        String direction = sort.ascending() ? "" : " DESC";
        String key = switch (sort.column()) {
            case CUSTOMER -> "c.NAME" + direction;
            case NAME -> "o.NAME" + direction;
            case AMOUNT -> "o.AMOUNT" + direction;
            case STAGE -> "s.POSITION" + direction + ", s.NAME" + direction;
            case PROBABILITY -> "o.PROBABILITY" + direction;
            case CLOSE_DATE -> "o.CLOSE_DATE" + direction;
            case OWNER -> "o.OWNER" + direction;
            case FORECAST_CATEGORY -> "o.FORECAST_CATEGORY" + direction;
        };
        return rows(em, where.bind(MaskingViews.query(em, ROW_SELECT + (needsCustomer ? " JOIN {SB_CUSTOMER} c ON c.ID = o.CUSTOMER_ID" : "")
                + (needsStage ? " JOIN SB_STAGE s ON s.ID = o.STAGE_ID" : "") + where.sql + " ORDER BY " + key + ", o.ID" + direction
                + " OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY")));
    }

    static long[] ids(EntityManager em, OpportunityFilter filter, LocalDate today) {
        Where where = listFilter(filter, today);
        boolean needsCustomer = filter.text() != null && !filter.text().isBlank();
        List<?> ids = where.bind(MaskingViews.query(em, "SELECT o.ID FROM {SB_OPPORTUNITY} o"
                + (needsCustomer ? " JOIN {SB_CUSTOMER} c ON c.ID = o.CUSTOMER_ID" : "") + where.sql + " ORDER BY o.CLOSE_DATE, o.ID")).getResultList();
        return ids.stream().mapToLong(id -> ((Number) id).longValue()).toArray();
    }

    static List<OpportunityRow> ofCustomer(EntityManager em, long customerId) {
        return rows(em, MaskingViews.query(em, ROW_SELECT + " WHERE o.CUSTOMER_ID = ? AND " + SoftDeletion.notDeleted("o") + " ORDER BY o.CREATED_AT DESC, o.ID DESC").setParameter(1, customerId));
    }

    private static final String ROW_SELECT = "SELECT o.ID, o.NAME, o.CUSTOMER_ID, o.AMOUNT, o.CURRENCY, o.CLOSE_DATE, o.PIPELINE_ID, o.STAGE_ID,"
            + " o.STATE, o.PROBABILITY, o.FORECAST_CATEGORY, o.OWNER, o.VERSION FROM {SB_OPPORTUNITY} o";

    private static List<OpportunityRow> rows(EntityManager em, Query query) {
        List<Object[]> raw = new ArrayList<>();
        for (Object row : query.getResultList()) {
            raw.add((Object[]) row);
        }
        Map<Long, String> names = customerNames(em, raw.stream().map(r -> ((Number) r[2]).longValue()).toList());
        Map<Long, String> stages = new HashMap<>();
        if (!raw.isEmpty()) {
            for (Stage stage : em.createQuery("SELECT s FROM Stage s", Stage.class).getResultList()) {
                stages.put(stage.getId(), stage.getLabel());
            }
        }
        List<OpportunityRow> rows = new ArrayList<>();
        for (Object[] r : raw) {
            long customerId = ((Number) r[2]).longValue();
            long stageId = ((Number) r[7]).longValue();
            rows.add(new OpportunityRow(((Number) r[0]).longValue(), (String) r[1], customerId, names.get(customerId), money(r[3], r[4]),
                    localDate(r[5]), ((Number) r[6]).longValue(), stageId, stages.get(stageId), StageKind.valueOf((String) r[8]),
                    ((Number) r[9]).intValue(), ForecastCategory.valueOf((String) r[10]), (String) r[11],
                    ((Number) r[12]).longValue()));
        }
        return rows;
    }

    static Money money(Object amount, Object currency) {
        return amount == null || currency == null ? null : Money.of((BigDecimal) amount, (String) currency);
    }

    static LocalDate localDate(Object value) {
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) value;
    }
}
