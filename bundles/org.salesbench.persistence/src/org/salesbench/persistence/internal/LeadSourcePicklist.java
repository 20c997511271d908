package org.salesbench.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Change set persistence-7-lead-sources: the lead sources become the picklist {@code leadSource}. A database that has
 * opportunities' own list {@code SB_LEAD_SOURCE} (made before this change) gets its sources copied as they are: code,
 * order, active flag; a shipped source still under its shipped name ({@code NAME_KEY} set) its Chinese name too, one the
 * user renamed or added labelled as written in both languages. A new database, whose opportunities changelog has not
 * made that table yet, gets the seven shipped sources. Whether the table is there is asked of JDBC's metadata
 * ({@link JdbcTables}), in the current schema, on Derby and PostgreSQL alike.
 */
public class LeadSourcePicklist implements CustomTaskChange {

    /** The shipped sources: code, English, Chinese, the name key opportunities stored with them. */
    static final String[][] SHIPPED = { { "CAMPAIGN", "Campaign", "营销活动", "Source_campaign" }, { "WEB_FORM", "Web form", "网站表单", "Source_webForm" },
            { "REFERRAL", "Referral", "转介绍", "Source_referral" }, { "INBOUND_CALL", "Inbound call", "来电咨询", "Source_inboundCall" },
            { "TRADE_SHOW", "Trade show", "展会", "Source_tradeShow" }, { "PARTNER", "Partner", "合作伙伴", "Source_partner" },
            { "OTHER", "Other", "其他", "Source_other" } };

    private static final String INSERT = "INSERT INTO SB_PICKLIST_VALUE (LIST_ID, CODE, LABEL_EN, LABEL_ZH, POSITION, ACTIVE, BUILT_IN) ";

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try (Statement s = connection.createStatement()) {
            s.executeUpdate(JdbcTables.exists(connection, "SB_LEAD_SOURCE") ? copy() : shipped());
        } catch (SQLException e) {
            throw new CustomChangeException("Cannot make the lead sources a picklist: " + e.getMessage(), e);
        }
    }

    private static String copy() {
        StringBuilder chinese = new StringBuilder("CASE NAME_KEY");
        StringBuilder codes = new StringBuilder();
        for (String[] s : SHIPPED) {
            chinese.append(" WHEN '").append(s[3]).append("' THEN '").append(s[2]).append('\'');
            codes.append(codes.isEmpty() ? "" : ", ").append('\'').append(s[0]).append('\'');
        }
        chinese.append(" ELSE NAME END");
        return INSERT + "SELECT 'leadSource', CODE, NAME, CASE WHEN NAME_KEY IS NULL THEN NAME ELSE " + chinese + " END, (POSITION + 1) * 10, ACTIVE, "
                + "CASE WHEN CODE IN (" + codes + ") THEN TRUE ELSE FALSE END FROM SB_LEAD_SOURCE";
    }

    private static String shipped() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < SHIPPED.length; i++) {
            String[] s = SHIPPED[i];
            values.append(i == 0 ? "" : ", ").append("('leadSource', '").append(s[0]).append("', '").append(s[1]).append("', '").append(s[2])
                    .append("', ").append((i + 1) * 10).append(", TRUE, TRUE)");
        }
        return INSERT + "VALUES " + values;
    }

    @Override
    public String getConfirmationMessage() {
        return "Lead sources made the picklist leadSource";
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
