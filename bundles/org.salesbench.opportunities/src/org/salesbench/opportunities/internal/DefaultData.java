package org.salesbench.opportunities.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

import org.salesbench.persistence.SequenceIds;

/**
 * Data of change set opportunities-2: the lead sources, scoring rules and pipelines a new
 * database starts with. Ids are reserved from the shared id generator (SB_SEQUENCE) exactly as
 * EclipseLink allocates them, so they never collide with ids the application hands out later.
 * Names are stored in English with a key into {@link org.salesbench.opportunities.SeedNames}.
 */
public class DefaultData implements CustomTaskChange {

    record StageSeed(String key, String name, int probability, String kind, List<String> rules) {
    }

    record PipelineSeed(String key, String name, List<StageSeed> stages) {
    }

    record SourceSeed(String code, String key, String name) {
    }

    record RuleSeed(String kind, String value, int points) {
    }

    static final List<SourceSeed> SOURCES = List.of(new SourceSeed("CAMPAIGN", "Source_campaign", "Campaign"),
            new SourceSeed("WEB_FORM", "Source_webForm", "Web form"), new SourceSeed("REFERRAL", "Source_referral", "Referral"),
            new SourceSeed("INBOUND_CALL", "Source_inboundCall", "Inbound call"),
            new SourceSeed("TRADE_SHOW", "Source_tradeShow", "Trade show"), new SourceSeed("PARTNER", "Source_partner", "Partner"),
            new SourceSeed("OTHER", "Source_other", "Other"));

    static final List<RuleSeed> RULES = List.of(new RuleSeed("SIZE", "MEDIUM", 10), new RuleSeed("SIZE", "LARGE", 20),
            new RuleSeed("SIZE", "ENTERPRISE", 25), new RuleSeed("SOURCE", "REFERRAL", 15), new RuleSeed("SOURCE", "TRADE_SHOW", 10),
            new RuleSeed("SOURCE", "PARTNER", 10), new RuleSeed("NEED_KEYWORD", "CRM", 10), new RuleSeed("NEED_KEYWORD", "预算", 10),
            new RuleSeed("NEED_KEYWORD", "budget", 10), new RuleSeed("BUDGET_AT_LEAST", "100000", 15),
            new RuleSeed("EXISTING_CUSTOMER", null, 10), new RuleSeed("WON_BEFORE", null, 20), new RuleSeed("GRADE", "A", 60),
            new RuleSeed("GRADE", "B", 40), new RuleSeed("GRADE", "C", 20), new RuleSeed("GRADE", "D", 0));

    static final List<PipelineSeed> PIPELINES = List.of(
            new PipelineSeed("Pipeline_newBusiness", "New business", List.of(
                    new StageSeed("Stage_qualification", "Qualification", 10, "OPEN", List.of()),
                    new StageSeed("Stage_needsAnalysis", "Needs analysis", 25, "OPEN", List.of()),
                    new StageSeed("Stage_proposal", "Proposal", 50, "OPEN", List.of("amount", "closeDate")),
                    new StageSeed("Stage_negotiation", "Negotiation", 75, "OPEN", List.of("quote")),
                    new StageSeed("Stage_closedWon", "Closed won", 100, "WON", List.of()),
                    new StageSeed("Stage_closedLost", "Closed lost", 0, "LOST", List.of()))),
            new PipelineSeed("Pipeline_renewal", "Renewal", List.of(
                    new StageSeed("Stage_upcomingRenewal", "Upcoming renewal", 60, "OPEN", List.of()),
                    new StageSeed("Stage_renewalReview", "Renewal review", 75, "OPEN", List.of("closeDate")),
                    new StageSeed("Stage_renewalNegotiation", "Renewal negotiation", 90, "OPEN", List.of("quote")),
                    new StageSeed("Stage_renewed", "Renewed", 100, "WON", List.of()),
                    new StageSeed("Stage_churned", "Churned", 0, "LOST", List.of()))),
            new PipelineSeed("Pipeline_channel", "Channel", List.of(
                    new StageSeed("Stage_partnerRegistered", "Partner registered", 10, "OPEN", List.of()),
                    new StageSeed("Stage_jointQualification", "Joint qualification", 30, "OPEN", List.of()),
                    new StageSeed("Stage_jointProposal", "Joint proposal", 55, "OPEN", List.of("amount")),
                    new StageSeed("Stage_partnerCommit", "Partner commit", 80, "OPEN", List.of("closeDate", "nextStep")),
                    new StageSeed("Stage_won", "Won", 100, "WON", List.of()),
                    new StageSeed("Stage_lost", "Lost", 0, "LOST", List.of()))));

    private static final String AUDIT = "VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER";
    private static final String SYSTEM = "system";

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        int rows = SOURCES.size() + RULES.size() + PIPELINES.size() + PIPELINES.stream().mapToInt(p -> p.stages().size()).sum();
        Timestamp now = Timestamp.from(Instant.now());
        try {
            long id = reserveIds(connection, rows);
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO SB_LEAD_SOURCE (ID, " + AUDIT
                    + ", CODE, NAME, NAME_KEY, POSITION, ACTIVE) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int position = 0;
                for (SourceSeed s : SOURCES) {
                    audit(ps, ++id, now);
                    ps.setString(7, s.code());
                    ps.setString(8, s.name());
                    ps.setString(9, s.key());
                    ps.setInt(10, position++);
                    ps.setBoolean(11, true);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO SB_LEAD_SCORING_RULE (ID, " + AUDIT
                    + ", KIND, RULE_VALUE, POINTS) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RuleSeed r : RULES) {
                    audit(ps, ++id, now);
                    ps.setString(7, r.kind());
                    ps.setString(8, r.value());
                    ps.setInt(9, r.points());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement pipeline = connection.prepareStatement("INSERT INTO SB_PIPELINE (ID, " + AUDIT
                    + ", NAME, NAME_KEY, POSITION, ACTIVE) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement stage = connection.prepareStatement("INSERT INTO SB_STAGE (ID, " + AUDIT
                            + ", PIPELINE_ID, NAME, NAME_KEY, POSITION, PROBABILITY, KIND) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement rule = connection.prepareStatement("INSERT INTO SB_STAGE_RULE (STAGE_ID, POSITION, RULE_ID) VALUES (?, ?, ?)")) {
                int pipelinePosition = 0;
                for (PipelineSeed p : PIPELINES) {
                    long pipelineId = ++id;
                    audit(pipeline, pipelineId, now);
                    pipeline.setString(7, p.name());
                    pipeline.setString(8, p.key());
                    pipeline.setInt(9, pipelinePosition++);
                    pipeline.setBoolean(10, true);
                    pipeline.executeUpdate();
                    int stagePosition = 0;
                    for (StageSeed s : p.stages()) {
                        long stageId = ++id;
                        audit(stage, stageId, now);
                        stage.setLong(7, pipelineId);
                        stage.setString(8, s.name());
                        stage.setString(9, s.key());
                        stage.setInt(10, stagePosition++);
                        stage.setInt(11, s.probability());
                        stage.setString(12, s.kind());
                        stage.executeUpdate();
                        for (int i = 0; i < s.rules().size(); i++) {
                            rule.setLong(1, stageId);
                            rule.setInt(2, i);
                            rule.setString(3, s.rules().get(i));
                            rule.executeUpdate();
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new CustomChangeException("Cannot write the default pipelines: " + e.getMessage(), e);
        }
    }

    /** Takes {@code count} ids from the shared id generator the way EclipseLink does; returns the one before the first. */
    private static long reserveIds(Connection connection, int count) throws SQLException {
        return SequenceIds.reserve(connection, count) - 1;
    }

    private static void audit(PreparedStatement ps, long id, Timestamp now) throws SQLException {
        ps.setLong(1, id);
        ps.setTimestamp(2, now);
        ps.setString(3, SYSTEM);
        ps.setTimestamp(4, now);
        ps.setString(5, SYSTEM);
        ps.setString(6, SYSTEM);
    }

    @Override
    public String getConfirmationMessage() {
        return "Default lead sources, scoring rules and pipelines written";
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
