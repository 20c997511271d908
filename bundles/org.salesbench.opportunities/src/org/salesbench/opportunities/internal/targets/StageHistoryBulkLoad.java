package org.salesbench.opportunities.internal.targets;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.targets.BulkLoad;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.SuspendedTriggers;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.persistence.SqlParameters;

/**
 * Another CRM's stage history (Salesforce's OpportunityHistory.csv) of a large file, loaded with Derby's bulk insert
 * ({@link BulkLoad}) to what {@link StageHistoryTarget}'s row-by-row path writes, row for row: each row checked and
 * placed as that path places it (the deal by its external id, the stage in its pipeline, the right to edit the deal; a
 * row in the stage the deal was already in at that moment skipped; a move from the stage before it, the move after it
 * now leaving its stage, or gone when that moves nothing), against the history of the deals that have an external id
 * (the only ones a row can name), read before the load starts and kept in memory for the run. The new moves go to the bulk insert while the file is read;
 * what they change in moves already there (or loaded before them) is written in the load's transaction after the insert:
 * the stage a move left, with its version counted up as each change through JPA would, and the moves that went. An
 * all-or-nothing run with a bad row, or a cancel, loads nothing.
 * <p>
 * The history's insert trigger (a deal's furthest stage, {@code REACHED_POSITION}) is dropped for the load and created
 * again in its transaction ({@link SuspendedTriggers}): Derby runs it once per inserted row, a statement per move. Its
 * work is done once instead: the furthest position a deal's new moves reach (stages not lost), found while staging, is
 * written after the inserts to the deals it raises, which is what the trigger gives row by row (it only raises).
 */
final class StageHistoryBulkLoad extends BulkLoad {

    private static final List<String> COLUMNS = List.of("ID", "VERSION", "CREATED_AT", "CREATED_BY", "UPDATED_AT", "UPDATED_BY", "OWNER",
            "OPPORTUNITY_ID", "FROM_STAGE_ID", "TO_STAGE_ID", "MOVED_BY", "MOVED_AT", "AMOUNT", "CURRENCY", "PROBABILITY");
    private static final int IDS_PER_QUERY = 500;

    /** A move of a deal's history: stored before the run ({@code fresh} false) or made by it. */
    private static final class Move {
        long id;
        final long order;
        final Long createdFrom;
        Long from;
        final long to;
        final Instant at;
        final boolean fresh;
        int changes;
        boolean removed;

        Move(long id, long order, Long from, long to, Instant at, boolean fresh) {
            this.id = id;
            this.order = order;
            this.createdFrom = from;
            this.from = from;
            this.to = to;
            this.at = at;
            this.fresh = fresh;
        }
    }

    /** A deal the file names: what a row needs of it. */
    private record Deal(long id, String owner, long pipelineId, BigDecimal amount, String currency, boolean deleted, Integer reached) {
    }

    private static final Comparator<Move> ORDER = Comparator.comparing((Move m) -> m.at).thenComparing(m -> m.fresh)
            .thenComparingLong(m -> m.order);

    private final SecurityService security;
    private final MatchPolicy match;
    private final String login;
    private final int table;
    private final Map<Long, Pipeline> pipelines = new HashMap<>();
    private final Map<String, Long> existing;
    private final Map<String, Long> staged = new HashMap<>();
    private final Map<Long, List<Move>> histories = new HashMap<>();
    private final Map<String, Deal> deals = new HashMap<>();
    private final List<Move> changed = new ArrayList<>();
    /** Per deal, the furthest position its new moves reach past the one stored: what the dropped trigger would raise it to. */
    private final Map<Long, Integer> raised = new HashMap<>();
    private SuspendedTriggers historyTriggers;
    private long made;

    StageHistoryBulkLoad(ImportContext context, MatchPolicy match) {
        super(context.unitOfWork(), null, StageHistoryTarget.ENTITY, "SB_STAGE_HISTORY", ImportMessages.Bulk_loadFailed);
        this.security = context.service(SecurityService.class);
        this.match = match;
        this.login = security.currentUser().login();
        this.table = table("SB_STAGE_HISTORY", COLUMNS);
        for (Pipeline p : context.service(PipelineService.class).pipelines(false)) {
            pipelines.put(p.getId(), p);
        }
        this.existing = match.onMatch() != OnMatch.CREATE
                ? withConnection(c -> ExternalIds.all(c, StageHistoryTarget.ENTITY, "SB_STAGE_HISTORY"))
                : Map.of();
        readDeals();
    }

    @Override
    public List<RowOutcome> stage(List<ImportRow> rows) {
        Object[] results = new Object[rows.size()]; // a RowOutcome, or the Move a row made (its id reserved below)
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            results[i] = place(rows.get(i), moves);
        }
        if (!moves.isEmpty()) {
            long next = reserveIds(moves.size());
            for (Move m : moves) {
                m.id = next++;
            }
        }
        List<Object[]> inserts = new ArrayList<>(moves.size());
        List<RowOutcome> outcomes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            String external = text(row, StageHistoryTarget.EXTERNAL_ID);
            if (results[i] instanceof RowOutcome o) {
                outcomes.add(o);
            } else if (results[i] instanceof Skipped s) {
                outcomes.add(RowOutcome.skipped(s.move().id));
                remember(external, s.move().id);
            } else {
                Move m = (Move) results[i];
                outcomes.add(RowOutcome.created(m.id));
                remember(external, m.id);
                inserts.add(row(m, row));
            }
        }
        counted(inserts.size());
        if (!inserts.isEmpty()) {
            add(table, inserts);
        }
        return outcomes;
    }

    /** A row in the stage its deal was in already: it moved nothing. */
    private record Skipped(Move move) {
    }

    /** The deal and stage of each move made by the batch being staged. */
    private final Map<Move, Object[]> payloads = new java.util.IdentityHashMap<>();

    private Object place(ImportRow row, List<Move> moves) {
        String external = text(row, StageHistoryTarget.EXTERNAL_ID);
        if (external != null && match.onMatch() != OnMatch.CREATE) {
            Long known = existing.containsKey(external) ? existing.get(external) : staged.get(external);
            if (known != null) {
                return RowOutcome.skipped(known);
            }
        }
        String name = row.text(StageHistoryTarget.OPPORTUNITY).strip();
        Deal deal = deals.get(name);
        if (deal == null || deal.deleted()) {
            return RowOutcome.failed(List.of(new FieldError(StageHistoryTarget.OPPORTUNITY, NLS.bind(ImportMessages.History_noOpportunity, name),
                    name)));
        }
        security.check(Action.UPDATE, Opportunity.ENTITY, deal.owner());
        Object found = StageHistoryTarget.stageOf(pipelines.get(deal.pipelineId()), row.text(StageHistoryTarget.STAGE));
        if (found instanceof FieldError e) {
            return RowOutcome.failed(List.of(e));
        }
        Stage stage = (Stage) found;
        Instant at = ((LocalDateTime) row.get(StageHistoryTarget.MOVED_AT)).atZone(ZoneId.systemDefault()).toInstant();
        List<Move> history = histories.get(deal.id());
        Move before = null, after = null;
        int index = 0;
        for (Move h : history) {
            if (h.removed) {
                continue;
            }
            if (!h.at.isAfter(at)) {
                before = h;
            } else if (after == null) {
                after = h;
            }
        }
        if (before != null && before.to == stage.getId()) {
            return new Skipped(before);
        }
        Move move = new Move(0, made++, before == null ? null : before.to, stage.getId(), at, true);
        while (index < history.size() && ORDER.compare(history.get(index), move) <= 0) {
            index++;
        }
        history.add(index, move);
        payloads.put(move, new Object[] { deal, stage });
        moves.add(move);
        if (stage.getKind() != StageKind.LOST && (deal.reached() == null || deal.reached() < stage.getPosition())) {
            raised.merge(deal.id(), stage.getPosition(), Math::max);
        }
        if (after != null) {
            if (!java.util.Objects.equals(after.from, stage.getId())) {
                after.from = stage.getId();
                after.changes++;
                changed.add(after);
            }
            if (after.to == stage.getId()) {
                after.removed = true; // it moves nothing now: the export's move takes its place
                changed.add(after);
            }
        }
        return move;
    }

    /** The new move's row of SB_STAGE_HISTORY, as JPA stores a {@code StageHistory} made by the row-by-row path. */
    private Object[] row(Move m, ImportRow row) {
        Object[] payload = payloads.remove(m);
        Deal deal = (Deal) payload[0];
        Stage stage = (Stage) payload[1];
        BigDecimal amount = (BigDecimal) row.get(StageHistoryTarget.AMOUNT);
        BigDecimal storedAmount = deal.amount();
        String currency = deal.currency();
        if (amount != null) {
            storedAmount = amount;
            currency = deal.amount() == null && deal.currency() == null ? Money.DEFAULT_CURRENCY : deal.currency();
        }
        return new Object[] { m.id, 1L, now, login, now, login, login, deal.id(), m.createdFrom, m.to, login, Timestamp.from(m.at),
                storedAmount, currency, stage.getProbability() };
    }

    private void remember(String external, long id) {
        if (external != null) {
            staged.put(external, id);
            externalId(external, id);
        }
    }

    /**
     * The deals a row can name (those with an external id) and their history, read before the load starts: the bulk
     * insert holds the history table until it commits, so nothing is read from it while staging goes on. A query per
     * {@value #IDS_PER_QUERY} deals for each, prepared once with the ids as parameters (the last part repeats its last
     * id): a statement with the ids written in was compiled anew for every part, a third of the run's time before.
     */
    private void readDeals() {
        withConnection(c -> {
            Map<String, Long> ids = ExternalIds.all(c, Opportunity.ENTITY, "SB_OPPORTUNITY");
            Map<Long, List<String>> byId = new HashMap<>();
            ids.forEach((name, id) -> byId.computeIfAbsent(id, k -> new ArrayList<>()).add(name));
            List<Long> all = new ArrayList<>(byId.keySet());
            if (all.isEmpty()) {
                return null;
            }
            String in = SqlParameters.in(IDS_PER_QUERY);
            try (PreparedStatement dealsOf = c.prepareStatement("SELECT ID, OWNER, PIPELINE_ID, AMOUNT, CURRENCY, DELETED_AT, REACHED_POSITION"
                    + " FROM SB_OPPORTUNITY WHERE ID" + in);
                    PreparedStatement movesOf = c.prepareStatement("SELECT OPPORTUNITY_ID, ID, FROM_STAGE_ID, TO_STAGE_ID, MOVED_AT"
                            + " FROM SB_STAGE_HISTORY WHERE OPPORTUNITY_ID" + in + " ORDER BY OPPORTUNITY_ID, MOVED_AT, ID")) {
                for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
                    List<Long> part = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
                    for (int i = 0; i < IDS_PER_QUERY; i++) {
                        long id = part.get(Math.min(i, part.size() - 1));
                        dealsOf.setLong(i + 1, id);
                        movesOf.setLong(i + 1, id);
                    }
                    try (ResultSet rs = dealsOf.executeQuery()) {
                        while (rs.next()) {
                            Deal deal = new Deal(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4), rs.getString(5),
                                    rs.getTimestamp(6) != null, (Integer) rs.getObject(7));
                            byId.get(deal.id()).forEach(name -> deals.put(name, deal));
                            histories.put(deal.id(), new ArrayList<>());
                        }
                    }
                    try (ResultSet rs = movesOf.executeQuery()) {
                        while (rs.next()) {
                            long left = rs.getLong(3);
                            Long fromStage = rs.wasNull() ? null : left;
                            histories.get(rs.getLong(1)).add(new Move(rs.getLong(2), rs.getLong(2), fromStage, rs.getLong(4),
                                    rs.getTimestamp(5).toInstant(), false));
                        }
                    }
                }
            }
            return null;
        });
    }

    @Override
    protected void beforeInserts(Connection connection) throws SQLException {
        historyTriggers = SuspendedTriggers.dropInsertTriggers(connection, "SB_STAGE_HISTORY");
    }

    /**
     * The moves the load's new ones changed: the stage each left (its version counted up per change), and those that
     * went; then the deals' furthest positions the dropped trigger would have raised, and the trigger back.
     */
    @Override
    protected void afterInserts(Connection connection) throws SQLException {
        Set<Move> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        try (PreparedStatement update = connection.prepareStatement("UPDATE SB_STAGE_HISTORY SET FROM_STAGE_ID = ?, VERSION = VERSION + ?,"
                + " UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ?");
                PreparedStatement delete = connection.prepareStatement("DELETE FROM SB_STAGE_HISTORY WHERE ID = ?")) {
            int updates = 0, deletes = 0;
            for (Move m : changed) {
                if (!done.add(m)) {
                    continue;
                }
                if (m.removed) {
                    delete.setLong(1, m.id);
                    delete.addBatch();
                    deletes++;
                } else if (m.changes > 0) {
                    update.setObject(1, m.from);
                    update.setInt(2, m.changes);
                    update.setTimestamp(3, now);
                    update.setString(4, login);
                    update.setLong(5, m.id);
                    update.addBatch();
                    updates++;
                }
            }
            if (updates > 0) {
                update.executeBatch();
            }
            if (deletes > 0) {
                delete.executeBatch();
            }
        }
        if (!raised.isEmpty()) {
            try (PreparedStatement raise = connection.prepareStatement("UPDATE SB_OPPORTUNITY SET REACHED_POSITION = ? WHERE ID = ?"
                    + " AND (REACHED_POSITION IS NULL OR REACHED_POSITION < ?)")) {
                int pending = 0;
                for (Map.Entry<Long, Integer> e : raised.entrySet()) {
                    raise.setInt(1, e.getValue());
                    raise.setLong(2, e.getKey());
                    raise.setInt(3, e.getValue());
                    raise.addBatch();
                    if (++pending == 5_000) {
                        raise.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    raise.executeBatch();
                }
            }
        }
        historyTriggers.restore(connection);
    }

    private static String text(ImportRow row, String field) {
        String value = row.text(field);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
