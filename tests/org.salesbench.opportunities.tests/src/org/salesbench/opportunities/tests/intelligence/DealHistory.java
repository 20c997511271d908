package org.salesbench.opportunities.tests.intelligence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.persistence.EntityManager;

import org.salesbench.core.time.Clocks;
import org.salesbench.persistence.Database;

/**
 * Writes a realistic sales history into the real schema with batched SQL: one customer per
 * opportunity (so the activities counted are exactly the ones generated for it), the customer's
 * activities, the opportunity and its stage history (created in the first stage, moved from its
 * last open stage to Closed won or Closed lost). Whether a deal is won follows a known logistic
 * model of stage, activities, amount, source, industry and age, plus the Bernoulli noise of the
 * outcome itself, so a model that learns it can be checked against the truth.
 */
final class DealHistory {

    /** A stage of the seeded New business pipeline. */
    record StageRow(long id, String name, int probability, String kind) {
    }

    static final String[] SOURCES = { "REFERRAL", "WEB_FORM", "TRADE_SHOW", "CAMPAIGN", "INBOUND_CALL", "PARTNER" };
    private static final double[] SOURCE_EFFECT = { 0.9, -0.3, 0.1, -0.6, 0.2, 0.3 };
    static final String[] INDUSTRIES = { "制造", "通信", "金融", "零售", "能源", "医疗" };
    private static final double[] INDUSTRY_EFFECT = { 0.2, 0.5, -0.3, -0.5, 0.1, 0.0 };
    /** Effect of the last open stage (Qualification, Needs analysis, Proposal, Negotiation) on the log-odds. */
    private static final double[] STAGE_EFFECT = { -1.5, -0.8, 0.0, 0.7 };

    private final Database db;
    private final Random random;
    private long nextId = 50_000_000L; // far above what the id generator hands out in a test
    final List<StageRow> stages;
    final long pipelineId;

    DealHistory(Database db, long seed) {
        this.db = db;
        this.random = new Random(seed);
        this.stages = db.read(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT s.ID, s.NAME, s.PROBABILITY, s.KIND FROM SB_STAGE s JOIN SB_PIPELINE p"
                    + " ON p.ID = s.PIPELINE_ID WHERE p.NAME = 'New business' ORDER BY s.POSITION").getResultList();
            return rows.stream().map(r -> new StageRow(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(), (String) r[3]))
                    .toList();
        });
        this.pipelineId = db.read(em -> ((Number) em.createNativeQuery("SELECT ID FROM SB_PIPELINE WHERE NAME = 'New business'")
                .getSingleResult()).longValue());
    }

    StageRow stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private List<StageRow> openStages() {
        return stages.stream().filter(s -> s.kind().equals("OPEN")).toList();
    }

    /** {@code count} closed deals, closing one after another between 2023 and 2026. */
    void closedDeals(int count) {
        List<StageRow> open = openStages();
        StageRow won = stages.stream().filter(s -> s.kind().equals("WON")).findFirst().orElseThrow();
        StageRow lost = stages.stream().filter(s -> s.kind().equals("LOST")).findFirst().orElseThrow();
        LocalDateTime start = LocalDate.of(2023, 1, 1).atTime(9, 0);
        db.write(em -> {
            try (Batch batch = new Batch(em)) {
                for (int i = 0; i < count; i++) {
                    int stage = random.nextInt(open.size());
                    int source = random.nextInt(SOURCES.length);
                    int industry = random.nextInt(INDUSTRIES.length);
                    int ageDays = 5 + (int) (random.nextDouble() * random.nextDouble() * 300);
                    int activities = (int) Math.max(0, Math.round(random.nextGaussian() * 4 + 4 + stage));
                    BigDecimal amount = BigDecimal.valueOf((long) Math.exp(10 + random.nextDouble() * 4.5)).setScale(2);
                    double logOdds = -0.2 + STAGE_EFFECT[stage] + SOURCE_EFFECT[source] + INDUSTRY_EFFECT[industry]
                            + 0.3 * (activities - 6) - 0.004 * (ageDays - 90) + amountEffect(amount);
                    boolean isWon = random.nextDouble() < 1 / (1 + Math.exp(-logOdds));
                    LocalDateTime created = start.plusHours(i * 6L);
                    LocalDateTime closed = created.plusDays(ageDays);
                    long customer = batch.customer(INDUSTRIES[industry], created);
                    for (int a = 0; a < activities; a++) {
                        batch.activity(customer, created.plusMinutes(1 + (long) (random.nextDouble() * (ageDays * 1440L - 2))));
                    }
                    // one activity before the deal and one after it closed: neither may be counted
                    batch.activity(customer, created.minusDays(3));
                    batch.activity(customer, closed.plusDays(2));
                    StageRow end = isWon ? won : lost;
                    long opportunity = batch.opportunity(customer, end, isWon ? "WON" : "LOST", amount, SOURCES[source], created,
                            closed.toLocalDate());
                    batch.history(opportunity, null, open.get(0), created);
                    batch.history(opportunity, open.get(stage), end, closed);
                }
            }
            return null;
        });
    }

    /** One open opportunity, created {@code ageDays} ago, with {@code activities} activities since; its id. */
    long openDeal(String stageName, String source, String industry, BigDecimal amount, int ageDays, int activities) {
        StageRow stage = stage(stageName);
        LocalDateTime created = LocalDateTime.now(Clocks.system()).minusDays(ageDays);
        return db.write(em -> {
            try (Batch batch = new Batch(em)) {
                long customer = batch.customer(industry, created);
                for (int a = 0; a < activities; a++) {
                    batch.activity(customer, created.plusHours(1 + a));
                }
                long id = batch.opportunity(customer, stage, "OPEN", amount, source, created, null);
                batch.history(id, null, stage, created);
                return id;
            }
        });
    }

    private static double amountEffect(BigDecimal amount) {
        double value = amount.doubleValue();
        return value < 100_000 ? 0.3 : value < 500_000 ? 0.1 : value <= 1_000_000 ? -0.2 : -0.7;
    }

    /** Batched inserts through the transaction's own connection. */
    private final class Batch implements AutoCloseable {

        private final PreparedStatement customers;
        private final PreparedStatement activities;
        private final PreparedStatement opportunities;
        private final PreparedStatement histories;
        private final List<PreparedStatement> all = new ArrayList<>();

        Batch(EntityManager em) {
            Connection c = em.unwrap(Connection.class);
            try {
                customers = add(c.prepareStatement("INSERT INTO SB_CUSTOMER (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY,"
                        + " OWNER, NAME, NORMALIZED_NAME, INDUSTRY, REGION, STATUS) VALUES (?, 0, ?, 'gen', ?, 'gen', 'gen', ?, ?, ?, '华东', 'ACTIVE')"));
                activities = add(c.prepareStatement("INSERT INTO SB_ACTIVITY (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY,"
                        + " OWNER, CUSTOMER_ID, ACTIVITY_TYPE, OCCURRED_AT, PERFORMED_BY, SUMMARY) VALUES (?, 0, ?, 'gen', ?, 'gen', 'gen', ?, 'CALL', ?, 'gen', '电话跟进')"));
                opportunities = add(c.prepareStatement("INSERT INTO SB_OPPORTUNITY (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY,"
                        + " OWNER, CUSTOMER_ID, NAME, AMOUNT, CURRENCY, PIPELINE_ID, STAGE_ID, STATE, PROBABILITY, FORECAST_CATEGORY, CLOSED_ON, SOURCE)"
                        + " VALUES (?, 0, ?, 'gen', ?, 'gen', 'gen', ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?)"));
                histories = add(c.prepareStatement("INSERT INTO SB_STAGE_HISTORY (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY,"
                        + " OWNER, OPPORTUNITY_ID, FROM_STAGE_ID, TO_STAGE_ID, MOVED_BY, MOVED_AT, PROBABILITY) VALUES (?, 0, ?, 'gen', ?, 'gen', 'gen', ?, ?, ?, 'gen', ?, ?)"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private PreparedStatement add(PreparedStatement statement) {
            all.add(statement);
            return statement;
        }

        long customer(String industry, LocalDateTime created) {
            long id = nextId++;
            try {
                Timestamp at = Timestamp.valueOf(created);
                customers.setLong(1, id);
                customers.setTimestamp(2, at);
                customers.setTimestamp(3, at);
                customers.setString(4, "客户 " + id);
                customers.setString(5, "客户" + id);
                customers.setString(6, industry);
                customers.addBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return id;
        }

        void activity(long customer, LocalDateTime at) {
            try {
                activities.setLong(1, nextId++);
                activities.setTimestamp(2, Timestamp.valueOf(at));
                activities.setTimestamp(3, Timestamp.valueOf(at));
                activities.setLong(4, customer);
                activities.setTimestamp(5, Timestamp.valueOf(at));
                activities.addBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        long opportunity(long customer, StageRow stage, String state, BigDecimal amount, String source, LocalDateTime created,
                LocalDate closedOn) {
            long id = nextId++;
            try {
                Timestamp at = Timestamp.valueOf(created);
                opportunities.setLong(1, id);
                opportunities.setTimestamp(2, at);
                opportunities.setTimestamp(3, at);
                opportunities.setLong(4, customer);
                opportunities.setString(5, "商机 " + id);
                opportunities.setBigDecimal(6, amount);
                opportunities.setLong(7, pipelineId);
                opportunities.setLong(8, stage.id());
                opportunities.setString(9, state);
                opportunities.setInt(10, stage.probability());
                opportunities.setString(11, state.equals("OPEN") ? "PIPELINE" : "CLOSED");
                opportunities.setObject(12, closedOn == null ? null : java.sql.Date.valueOf(closedOn), java.sql.Types.DATE);
                opportunities.setString(13, source);
                opportunities.addBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return id;
        }

        void history(long opportunity, StageRow from, StageRow to, LocalDateTime at) {
            try {
                Timestamp when = Timestamp.valueOf(at);
                histories.setLong(1, nextId++);
                histories.setTimestamp(2, when);
                histories.setTimestamp(3, when);
                histories.setLong(4, opportunity);
                histories.setObject(5, from == null ? null : from.id(), java.sql.Types.BIGINT);
                histories.setLong(6, to.id());
                histories.setTimestamp(7, when);
                histories.setInt(8, to.probability());
                histories.addBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try {
                // parents before children
                customers.executeBatch();
                activities.executeBatch();
                opportunities.executeBatch();
                histories.executeBatch();
                for (PreparedStatement statement : all) {
                    statement.close();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
