package org.salesbench.opportunities.internal.targets;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.customers.Customer;
import org.salesbench.customers.imports.CustomerReference;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.targets.BulkLoad;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.SuspendedTriggers;
import org.salesbench.importexport.targets.WritableFields;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.ProductCatalog.CatalogProduct;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;

/**
 * New deals of a large import, loaded with Derby's bulk insert ({@link BulkLoad}) with their stage history. Each row is
 * checked as {@link OpportunitiesTarget}'s service path checks it (pipeline and stage, account by external id or name,
 * owner, product, a closed deal's close date, a lost one's reason, the field rules, then what
 * {@link OpportunityServiceImpl#create} and the move to a won or lost stage check, with the same messages and notes),
 * and stored as they store it: an open deal with one history row into its stage, a closed one created on the
 * pipeline's first open stage and moved to its won or lost stage (two rows), closed on the file's close date. The
 * database's insert triggers of the deals and their history (the board's stage totals, each deal's furthest stage) are
 * dropped for the load and created again in its transaction ({@link SuspendedTriggers}), and their work is done once:
 * the new open deals' count and amount per stage and currency, summed while staging, are added to SB_STAGE_TOTAL as the
 * trigger adds each deal (a row per stage and currency made first when missing), and each deal's furthest stage is
 * written with it (see {@link #reached}), the value the history trigger gives it; the
 * audit trail records the import as one entry (the engine's), and the workflow rules hear of it by one IMPORTED event.
 * Rows the bulk load does not write come back {@code null}, and the engine writes them through the service after the
 * load: rows matching a deal to update, rows of the placeholder account (created through the customer service on first
 * use), deals closed on a stage whose rules need a stored deal (a quote; workflow's process checklist is judged without
 * one, once per pair of stages: a new deal has nothing ticked).
 */
final class OpportunityBulkLoad extends BulkLoad {

    private static final List<String> DEAL_COLUMNS = List.of("ID", "VERSION", "CREATED_AT", "CREATED_BY", "UPDATED_AT", "UPDATED_BY", "OWNER",
            "CUSTOMER_ID", "NAME", "AMOUNT", "CURRENCY", "CLOSE_DATE", "CLOSE_MONTH", "PIPELINE_ID", "STAGE_ID", "STATE", "STAGE_ENTERED_AT",
            "PROBABILITY", "FORECAST_CATEGORY", "NEXT_STEP", "LOSS_REASON", "CLOSED_ON", "SOURCE", "CAMPAIGN", "INDUSTRY", "DESCRIPTION",
            "PRODUCT_ID", "ENGAGED_ON", "REACHED_POSITION");
    private static final List<String> HISTORY_COLUMNS = List.of("ID", "VERSION", "CREATED_AT", "CREATED_BY", "UPDATED_AT", "UPDATED_BY", "OWNER",
            "OPPORTUNITY_ID", "FROM_STAGE_ID", "TO_STAGE_ID", "MOVED_BY", "MOVED_AT", "AMOUNT", "CURRENCY", "PROBABILITY");

    private final OpportunitiesTarget.Writer writer;
    private final OpportunityServiceImpl service;
    private final MatchPolicy match;
    private final CustomerReference.Batches customers;
    private final WritableFields rules;
    private final String login;
    private final int deals;
    private final int history;
    private final Map<String, Long> existing;
    /** The new open deals' count and amount per stage id and currency, what the insert triggers add to SB_STAGE_TOTAL. */
    private final Map<List<Object>, BigDecimal[]> openTotals = new LinkedHashMap<>();
    /** What the stage rules that judge new deals said, per rule and pair of stages, for the run (see {@link OpportunityServiceImpl#checkNew}). */
    private final Map<List<Object>, java.util.Optional<String>> newDeals = new java.util.HashMap<>();
    private SuspendedTriggers dealTriggers;
    private SuspendedTriggers historyTriggers;

    OpportunityBulkLoad(OpportunitiesTarget.Writer writer, OpportunityServiceImpl service, MatchPolicy match) {
        super(writer.context.unitOfWork(), events(writer), OpportunitiesTarget.ENTITY, "SB_OPPORTUNITY",
                ImportMessages.Bulk_loadFailed);
        this.writer = writer;
        this.service = service;
        this.match = match;
        SecurityService security = writer.context.service(SecurityService.class);
        this.customers = CustomerReference.batches(writer.context.unitOfWork().settings(), security);
        this.rules = WritableFields.of(security, OpportunitiesTarget.ENTITY);
        this.login = security.currentUser().login();
        this.deals = table("SB_OPPORTUNITY", DEAL_COLUMNS);
        this.history = table("SB_STAGE_HISTORY", HISTORY_COLUMNS);
        this.existing = match.onMatch() != OnMatch.CREATE && match.keys().contains(OpportunitiesTarget.EXTERNAL_ID)
                ? withConnection(c -> ExternalIds.all(c, OpportunitiesTarget.ENTITY, "SB_OPPORTUNITY"))
                : Map.of();
    }

    /** A new deal ready to load: its customer's id, the stage it was created on and, when closed, the one it moved to. */
    private record Staged(int row, long customerId, Opportunity deal, Stage created, int createdProbability, Stage closedOn) {
    }

    @Override
    public List<RowOutcome> stage(List<ImportRow> rows) {
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        List<ImportRow> candidates = new ArrayList<>();
        List<Integer> candidateIndexes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            String external = text(row, OpportunitiesTarget.EXTERNAL_ID);
            Long matched = external == null ? null : existing.get(external);
            if (matched != null) {
                outcomes[i] = match.onMatch() == OnMatch.SKIP ? RowOutcome.skipped(matched) : null;
                continue;
            }
            if (writer.placeholder != null && writer.placeholder.equals(row.text(OpportunitiesTarget.CUSTOMER))
                    && OpportunitiesTarget.blank(row.text(OpportunitiesTarget.CUSTOMER_EXTERNAL_ID))) {
                continue; // the placeholder account is created through the customer service on first use
            }
            candidates.add(row);
            candidateIndexes.add(i);
        }
        List<Object> refs = candidates.isEmpty() ? List.of() : withConnection(c -> customers.resolve(c, candidates));
        List<Staged> creates = new ArrayList<>();
        for (int p = 0; p < candidates.size(); p++) {
            int i = candidateIndexes.get(p);
            Object outcome = staged(candidates.get(p), i, refs.get(p));
            if (outcome instanceof RowOutcome o) {
                outcomes[i] = o;
            } else if (outcome instanceof Staged s) {
                creates.add(s);
            }
        }
        if (!creates.isEmpty()) {
            int moves = (int) creates.stream().filter(s -> s.closedOn() != null).count();
            long next = reserveIds(creates.size() + creates.size() + moves);
            List<Object[]> dealRows = new ArrayList<>(creates.size());
            List<Object[]> historyRows = new ArrayList<>(creates.size() + moves);
            for (Staged s : creates) {
                long id = next++;
                Opportunity o = s.deal();
                boolean closed = s.closedOn() != null;
                LocalDate close = o.getExpectedCloseDate();
                String owner = o.getOwner() == null ? login : o.getOwner();
                dealRows.add(new Object[] { id, 1L, now, login, now, login, owner, s.customerId(), o.getName(),
                        o.getAmount().getAmount(), o.getAmount().getCurrency(), date(close), o.getCloseMonth(), o.getPipeline().getId(),
                        o.getStage().getId(), o.getState().name(), now, o.getProbability(), o.getForecastCategory().name(), o.getNextStep(),
                        o.getLossReason(), date(o.getClosedOn()), o.getSource(), o.getCampaign(), o.getIndustry(), o.getDescription(),
                        o.getProductId(), date(o.getEngagedOn()), reached(s) });
                historyRows.add(historyRow(next++, id, null, s.created(), o, s.createdProbability()));
                if (closed) {
                    historyRows.add(historyRow(next++, id, s.created(), s.closedOn(), o, o.getProbability()));
                }
                if (o.getState() == StageKind.OPEN && o.getAmount().getCurrency() != null) {
                    BigDecimal[] total = openTotals.computeIfAbsent(List.of(o.getStage().getId(), o.getAmount().getCurrency()),
                            k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
                    total[0] = total[0].add(BigDecimal.ONE);
                    total[1] = total[1].add(o.getAmount().getAmount() == null ? BigDecimal.ZERO : o.getAmount().getAmount());
                }
                outcomes[s.row()] = RowOutcome.created(id);
                externalId(rows.get(s.row()).text(OpportunitiesTarget.EXTERNAL_ID), id);
            }
            counted(creates.size());
            add(deals, dealRows);
            add(history, historyRows);
        }
        return Arrays.asList(outcomes); // a null: the engine writes the row through the service after the load
    }

    @Override
    protected void beforeInserts(Connection connection) throws SQLException {
        dealTriggers = SuspendedTriggers.dropInsertTriggers(connection, "SB_OPPORTUNITY");
        historyTriggers = SuspendedTriggers.dropInsertTriggers(connection, "SB_STAGE_HISTORY");
    }

    /**
     * What the dropped insert triggers would have done for the new deals, once per stage and currency: the board's open
     * totals (the furthest stage is in the rows already); then the triggers are created again.
     */
    @Override
    protected void afterInserts(Connection connection) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement("INSERT INTO SB_STAGE_TOTAL (STAGE_ID, CURRENCY, OPEN_COUNT, OPEN_AMOUNT) "
                + "SELECT ?, ?, 0, 0 FROM SYSIBM.SYSDUMMY1 WHERE NOT EXISTS (SELECT 1 FROM SB_STAGE_TOTAL t WHERE t.STAGE_ID = ? AND t.CURRENCY = ?)");
                PreparedStatement add = connection.prepareStatement("UPDATE SB_STAGE_TOTAL SET OPEN_COUNT = OPEN_COUNT + ?, "
                        + "OPEN_AMOUNT = OPEN_AMOUNT + ? WHERE STAGE_ID = ? AND CURRENCY = ?")) {
            for (Map.Entry<List<Object>, BigDecimal[]> e : openTotals.entrySet()) {
                long stage = (Long) e.getKey().get(0);
                String currency = (String) e.getKey().get(1);
                create.setLong(1, stage);
                create.setString(2, currency);
                create.setLong(3, stage);
                create.setString(4, currency);
                create.executeUpdate();
                add.setLong(1, e.getValue()[0].longValueExact());
                add.setBigDecimal(2, e.getValue()[1]);
                add.setLong(3, stage);
                add.setString(4, currency);
                add.executeUpdate();
            }
        }
        dealTriggers.restore(connection);
        historyTriggers.restore(connection);
    }

    /**
     * The deal's furthest position, which the history trigger keeps on the service's inserts, written with the deal: the
     * trigger's update of a table bulk-loaded in the same transaction may miss the new rows (Derby rebuilds the
     * indexes of a non-empty table after a bulk insert), so the load does not leave it to the trigger. The trigger
     * only raises it, so the same value stays.
     */
    private static int reached(Staged s) {
        int position = s.created().getPosition(); // an open stage
        if (s.closedOn() != null && s.closedOn().getKind() != StageKind.LOST) {
            position = Math.max(position, s.closedOn().getPosition());
        }
        return position;
    }

    private Object[] historyRow(long id, long dealId, Stage from, Stage to, Opportunity o, int probability) {
        return new Object[] { id, 1L, now, login, now, login, login, dealId, from == null ? null : from.getId(), to.getId(), login, now,
                o.getAmount().getAmount(), o.getAmount().getCurrency(), probability };
    }

    /** The row checked as the service path checks it: a {@link Staged} deal, a failed {@link RowOutcome}, or {@code null} for the service. */
    private Object staged(ImportRow row, int index, Object ref) {
        List<FieldError> errors = new ArrayList<>();
        Pipeline pipeline = writer.pipelineOf(row, errors);
        Stage stage = pipeline == null ? null : OpportunitiesTarget.Writer.stageOf(pipeline, row, errors);
        if (ref instanceof FieldError e) {
            errors.add(e);
        }
        String owner = null;
        if (row.text(OpportunitiesTarget.OWNER) != null) {
            Object found = writer.relations.login(OpportunitiesTarget.OWNER, row.text(OpportunitiesTarget.OWNER));
            if (found instanceof FieldError e) errors.add(e); else owner = (String) found;
        }
        CatalogProduct product = null;
        if (row.text(OpportunitiesTarget.PRODUCT) != null) {
            Object found = writer.products.find(OpportunitiesTarget.PRODUCT, row.text(OpportunitiesTarget.PRODUCT));
            if (found instanceof FieldError e) errors.add(e); else product = (CatalogProduct) found;
        }
        LocalDate close = (LocalDate) row.get(OpportunitiesTarget.CLOSE_DATE);
        boolean closed = stage != null && stage.isClosed();
        if (closed && close == null) {
            errors.add(new FieldError(OpportunitiesTarget.CLOSE_DATE, ImportMessages.Closed_needsCloseDate, null));
        }
        if (stage != null && stage.getKind() == StageKind.LOST && OpportunitiesTarget.blank(row.text(OpportunitiesTarget.LOSS_REASON))) {
            errors.add(new FieldError(OpportunitiesTarget.LOSS_REASON, ImportMessages.Lost_needsReason, null));
        }
        if (!errors.isEmpty()) {
            return RowOutcome.failed(errors);
        }
        if (closed && !service.checksInMemory(stage)) {
            return null; // a rule of the stage needs the stored deal: the service's move judges it
        }
        CustomerReference.Found customer = (CustomerReference.Found) ref;
        Customer account = new Customer(customer.name());
        Opportunity o = new Opportunity();
        o.setCustomer(account);
        o.setPipeline(pipeline);
        OpportunitiesTarget.Writer.apply(row, o, product, owner, writer.sources);
        RowOutcome unwritable = rules.refusal(row, o, null);
        if (unwritable != null) {
            return unwritable;
        }
        writer.completed(row, o, product, closed, close);
        if (closed) {
            o.setClosedOn(close);
            if (stage.getKind() == StageKind.LOST) {
                o.setLossReason(row.text(OpportunitiesTarget.LOSS_REASON).strip());
            }
        }
        Stage created = closed ? pipeline.firstStage(StageKind.OPEN).orElse(null) : stage;
        List<FieldError> refused = service.checkNew(o, stage, newDeals);
        if (!refused.isEmpty()) {
            return RowOutcome.failed(refused);
        }
        if (o.getState() == StageKind.LOST) {
            o.setLossReason(writer.lossReasons.apply(o.getLossReason())); // its code, as the service path stores it
        }
        if (o.getIndustry() == null) {
            o.setIndustry(customer.industry());
        }
        // the probability it was created with: the file's, else the first stage's (the move sets the closed stage's)
        int createdProbability = closed ? createdProbability(row, created) : o.getProbability();
        if (closed && stage.getKind() == StageKind.LOST && row.text(OpportunitiesTarget.LOSS_REASON)
                .equals(writer.context.values().defaultFor(OpportunitiesTarget.LOSS_REASON))) {
            writer.context.note(NLS.bind(ImportMessages.Note_lostWithDefaultReason, row.text(OpportunitiesTarget.LOSS_REASON)));
        }
        return new Staged(index, customer.id(), o, created, createdProbability, closed ? stage : null);
    }

    private static int createdProbability(ImportRow row, Stage created) {
        Object given = row.has(OpportunitiesTarget.PROBABILITY) ? row.get(OpportunitiesTarget.PROBABILITY) : null;
        int probability = given == null ? 0 : ((java.math.BigDecimal) given).intValue();
        return probability == 0 ? created.getProbability() : probability;
    }

    private static String text(ImportRow row, String field) {
        String value = row.text(field);
        return value == null ? null : value.strip();
    }

    private static DomainEventPublisher events(OpportunitiesTarget.Writer writer) {
        try {
            return writer.context.service(DomainEventPublisher.class);
        } catch (IllegalStateException e) {
            return null; // nothing listens
        }
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
