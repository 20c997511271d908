package org.salesbench.opportunities;

import java.time.Instant;

/** One line of the lead list, read without loading entities; a delete from the list checks the {@code version} it shows. */
public record LeadRow(long id, String company, String contactName, String source, String industry, LeadStatus status, int score,
        String grade, boolean duplicate, String owner, Instant createdAt, long version) {
}
