package org.salesbench.opportunities.internal.targets;

import static org.salesbench.importexport.TargetField.of;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.importexport.BulkWriter;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.TargetMessages;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageHistory;
import org.salesbench.persistence.DatabaseSettings.Dialect;

/**
 * The stage history another CRM kept of deals migrated before (Salesforce's OpportunityHistory): each row a stage a
 * deal (by its external id) was in from a moment on. A row whose stage is the one the deal was already in at that
 * moment moved nothing (an amount or close date change) and is skipped; the others become moves from the stage before
 * them, and the move after them, if any, now leaves their stage (and goes if that leaves it moving nothing: the row
 * the import wrote when the deal was created, later than the history's first move). Rows remember their own ids, so a second run skips
 * them. The user needs the right to edit the deal.
 */
public class StageHistoryTarget implements ImportTarget {

    static final String ENTITY = "stageHistory";
    static final String OPPORTUNITY = "opportunityExternalId", STAGE = "stage", MOVED_AT = "movedAt", AMOUNT = "amount",
            EXTERNAL_ID = "externalId";

    @Override
    public List<TargetField> fields() {
        return List.of(
                of(OPPORTUNITY, ImportMessages.History_opportunity, FieldType.TEXT, true, "OpportunityId", "Opportunity ID", "Deal Id",
                        "商机外部编号"),
                of(STAGE, ImportMessages.Opportunity_stage, FieldType.PICKLIST, true, "StageName", "Stage", "阶段")
                        .withValueAliases(OpportunitiesTarget.VENDOR_STAGES),
                of(MOVED_AT, ImportMessages.History_movedAt, FieldType.DATETIME, true, "CreatedDate", "Moved At", "Modified Time", "变更时间"),
                of(AMOUNT, ImportMessages.Opportunity_amount, FieldType.NUMBER, false, "Amount", "金额"),
                of(EXTERNAL_ID, TargetMessages.Field_externalId, FieldType.TEXT, false, "Id", "Record Id", "External ID", "外部编号"));
    }

    /** The stages' names and labels, as the opportunities' stage field reads them. */
    @Override
    public List<TargetField> fields(ImportContext context) {
        List<String> stages = new OpportunitiesTarget().fields(context).stream().filter(f -> f.name().equals(STAGE)).findFirst()
                .map(TargetField::picklist).orElse(List.of());
        return fields().stream().map(f -> f.name().equals(STAGE) ? f.withPicklist(stages) : f).toList();
    }

    @Override
    public List<String> keyFields() {
        return List.of(EXTERNAL_ID);
    }

    @Override
    public TargetWriter open(ImportContext context) {
        return new Writer(context);
    }

    /** Row by row through JPA; a large file on embedded Derby through the bulk load ({@link StageHistoryBulkLoad}), to the same result. */
    static final class Writer implements BulkWriter {
        final ImportContext context;

        Writer(ImportContext context) {
            this.context = context;
        }

        @Override
        public boolean bulkApplies(ImportSettings settings) {
            return context.unitOfWork().settings().dialect() == Dialect.DERBY;
        }

        @Override
        public Staging stage(MatchPolicy match) {
            return new StageHistoryBulkLoad(context, match);
        }

        @Override
        public List<RowOutcome> write(List<ImportRow> rows, MatchPolicy match) {
            SecurityService security = context.service(SecurityService.class);
            return context.unitOfWork().write(em -> {
                try {
                    return StageHistoryTarget.write(em, security, rows, match);
                } catch (SQLException e) {
                    throw new PersistenceException(e.getMessage(), e);
                }
            });
        }
    }

    /** The stage of {@code pipeline} that {@code text} names (name or label, case ignored), or the row's error. */
    static Object stageOf(Pipeline pipeline, String text) {
        String written = text.strip();
        for (Stage s : pipeline.getStages()) {
            if (s.getName().equalsIgnoreCase(written) || s.getLabel().equalsIgnoreCase(written)) {
                return s;
            }
        }
        return new FieldError(STAGE, NLS.bind(ImportMessages.Stage_notInPipeline, new Object[] { written, pipeline.getLabel(),
                String.join(", ", pipeline.getStages().stream().map(Stage::getLabel).toList()) }), text);
    }

    static List<RowOutcome> write(EntityManager em, SecurityService security, List<ImportRow> rows, MatchPolicy match)
            throws SQLException {
        Connection connection = em.unwrap(Connection.class);
        List<RowOutcome> outcomes = new ArrayList<>();
        Map<String, Long> externalIds = new HashMap<>();
        for (ImportRow row : rows) {
            String id = row.text(EXTERNAL_ID) == null ? null : row.text(EXTERNAL_ID).strip();
            if (id != null && !id.isEmpty() && match.onMatch() != OnMatch.CREATE) {
                Long known = ExternalIds.find(connection, ENTITY, "SB_STAGE_HISTORY", List.of(id)).get(id);
                if (known != null) {
                    outcomes.add(RowOutcome.skipped(known));
                    continue;
                }
            }
            String deal = row.text(OPPORTUNITY).strip();
            Long dealId = ExternalIds.find(connection, Opportunity.ENTITY, "SB_OPPORTUNITY", List.of(deal)).get(deal);
            Opportunity o = dealId == null ? null : em.find(Opportunity.class, dealId);
            if (o == null || o.isDeleted()) {
                outcomes.add(RowOutcome.failed(List.of(new FieldError(OPPORTUNITY, NLS.bind(ImportMessages.History_noOpportunity, deal), deal))));
                continue;
            }
            security.check(Action.UPDATE, Opportunity.ENTITY, o.getOwner());
            Object found = stageOf(o.getPipeline(), row.text(STAGE));
            if (found instanceof FieldError e) {
                outcomes.add(RowOutcome.failed(List.of(e)));
                continue;
            }
            Stage stage = (Stage) found;
            Instant at = ((LocalDateTime) row.get(MOVED_AT)).atZone(ZoneId.systemDefault()).toInstant();
            List<StageHistory> history = em.createQuery("SELECT h FROM StageHistory h WHERE h.opportunity = :o ORDER BY h.movedAt, h.id",
                    StageHistory.class).setParameter("o", o).getResultList();
            StageHistory before = null, after = null;
            for (StageHistory h : history) {
                if (!h.getMovedAt().isAfter(at)) {
                    before = h;
                } else if (after == null) {
                    after = h;
                }
            }
            if (before != null && before.getToStage().equals(stage)) {
                outcomes.add(RowOutcome.skipped(before.getId())); // in that stage already: the amount or close date changed
                if (id != null && !id.isEmpty()) {
                    externalIds.put(id, before.getId());
                }
                continue;
            }
            StageHistory move = new StageHistory(o, before == null ? null : before.getToStage(), stage, security.currentUser().login(), at);
            move.setProbability(stage.getProbability());
            BigDecimal amount = (BigDecimal) row.get(AMOUNT);
            if (amount != null) {
                move.setAmount(Money.of(amount, o.getAmount() == null ? Money.DEFAULT_CURRENCY : o.getAmount().getCurrency()));
            }
            em.persist(move);
            if (after != null) {
                after.setFromStage(stage);
                if (after.getToStage().equals(stage)) {
                    // it moved nothing now (the deal's first row, written when the deal was imported, is later than
                    // the history says the deal began): the export's move takes its place
                    em.remove(after);
                }
            }
            em.flush();
            outcomes.add(RowOutcome.created(move.getId()));
            if (id != null && !id.isEmpty()) {
                externalIds.put(id, move.getId());
            }
        }
        ExternalIds.put(connection, ENTITY, externalIds);
        return outcomes;
    }
}
