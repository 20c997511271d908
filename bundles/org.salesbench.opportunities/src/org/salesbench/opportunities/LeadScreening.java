package org.salesbench.opportunities;

import java.util.List;

/**
 * What screening found about a lead: the score the scoring rules gave, the grade it reaches, the
 * rules that matched (in the user's language, for "why this score") and the existing customers
 * and leads it may duplicate, customers first, strongest match first.
 */
public record LeadScreening(int score, String grade, List<String> reasons, List<LeadDuplicate> duplicates) {

    public boolean isDuplicate() {
        return !duplicates.isEmpty();
    }
}
