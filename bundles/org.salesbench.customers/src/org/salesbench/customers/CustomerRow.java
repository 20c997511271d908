package org.salesbench.customers;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the customer list: just the columns, read in one query without loading entities. Its {@code version} is
 * the one the user saw: what is done to the row from the list (a delete) checks it.
 */
public record CustomerRow(long id, String name, String shortName, String grade, CustomerStatus status, String industry,
        String region, String owner, LocalDate nextFollowUp, Instant updatedAt, long version) {
}
