package org.salesbench.workflow.internal.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

import org.salesbench.persistence.SequenceIds;
import org.salesbench.workflow.internal.process.StandardProcess.ItemSeed;
import org.salesbench.workflow.internal.process.StandardProcess.ProcessSeed;
import org.salesbench.workflow.internal.process.StandardProcess.StepSeed;

/**
 * Data of change set workflow-process-2-defaults: the {@link StandardProcess} of each shipped pipeline still in the
 * database (found by its name key; a pipeline or stage the user removed is skipped). It reads the pipelines' tables and
 * writes only the process tables; the stage rule that gates moves is named on the stages by the process service.
 */
public class DefaultProcesses implements CustomTaskChange {

    private static final String AUDIT = "VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER";
    private static final String SYSTEM = "system";

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement step = connection.prepareStatement("INSERT INTO SB_PROCESS_STEP (ID, " + AUDIT
                + ", PIPELINE_ID, STAGE_ID, POSITION, NAME, NAME_KEY, OWNER_ROLE, SLA_DAYS) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement item = connection.prepareStatement(
                        "INSERT INTO SB_PROCESS_ITEM (STEP_ID, POSITION, ITEM_KEY, LABEL, LABEL_KEY, REQUIRED) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ProcessSeed process : StandardProcess.PROCESSES) {
                Long pipelineId = pipelineId(connection, process.pipelineKey());
                if (pipelineId == null) {
                    continue;
                }
                Map<String, Long> stages = stageIds(connection, pipelineId);
                long id = SequenceIds.reserve(connection, process.steps().size()) - 1;
                int position = 0;
                for (StepSeed s : process.steps()) {
                    Long stageId = s.stageKey() == null ? null : stages.get(s.stageKey());
                    if (s.stageKey() != null && stageId == null) {
                        continue;
                    }
                    long stepId = ++id;
                    step.setLong(1, stepId);
                    step.setTimestamp(2, now);
                    step.setString(3, SYSTEM);
                    step.setTimestamp(4, now);
                    step.setString(5, SYSTEM);
                    step.setString(6, SYSTEM);
                    step.setLong(7, pipelineId);
                    step.setObject(8, stageId, java.sql.Types.BIGINT);
                    step.setInt(9, position++);
                    step.setString(10, s.name());
                    step.setString(11, s.nameKey());
                    step.setString(12, s.ownerRole());
                    step.setInt(13, s.slaDays());
                    step.executeUpdate();
                    int itemPosition = 0;
                    for (ItemSeed i : s.items()) {
                        item.setLong(1, stepId);
                        item.setInt(2, itemPosition++);
                        item.setString(3, i.key());
                        item.setString(4, i.label());
                        item.setString(5, i.labelKey());
                        item.setBoolean(6, i.required());
                        item.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            throw new CustomChangeException("Cannot write the standard processes: " + e.getMessage(), e);
        }
    }

    private static Long pipelineId(Connection connection, String key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT ID FROM SB_PIPELINE WHERE NAME_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static Map<String, Long> stageIds(Connection connection, long pipelineId) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT NAME_KEY, ID FROM SB_STAGE WHERE PIPELINE_ID = ? AND NAME_KEY IS NOT NULL")) {
            ps.setLong(1, pipelineId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return ids;
    }

    @Override
    public String getConfirmationMessage() {
        return "Standard processes written";
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
