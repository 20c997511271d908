package org.salesbench.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/** The sales force the opportunity benchmarks fill: 50 owners ("owner0"…), in 5 teams of 10. */
final class BenchSalesTeam {

    static final int OWNERS = 50;
    private static final int TEAMS = 5;

    private BenchSalesTeam() {
    }

    static String owner(int i) {
        return "owner" + i;
    }

    /** Inserts the teams and their members with ids from {@code firstId}; returns the next free id. */
    static long insertTeams(Connection c, long firstId, Timestamp now) throws SQLException {
        long id = firstId;
        try (PreparedStatement team = c.prepareStatement("INSERT INTO SB_TEAM (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER, NAME)"
                + " VALUES (?, 1, ?, 'bench', ?, 'bench', 'bench', ?)");
                PreparedStatement member = c.prepareStatement("INSERT INTO SB_TEAM_MEMBER (TEAM_ID, LOGIN) VALUES (?, ?)")) {
            for (int t = 0; t < TEAMS; t++) {
                long teamId = id++;
                team.setLong(1, teamId);
                team.setTimestamp(2, now);
                team.setTimestamp(3, now);
                team.setString(4, "Bench team " + t);
                team.executeUpdate();
                for (int m = t * OWNERS / TEAMS; m < (t + 1) * OWNERS / TEAMS; m++) {
                    member.setLong(1, teamId);
                    member.setString(2, owner(m));
                    member.executeUpdate();
                }
            }
        }
        return id;
    }
}
