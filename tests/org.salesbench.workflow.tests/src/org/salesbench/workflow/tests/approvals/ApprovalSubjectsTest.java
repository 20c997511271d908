package org.salesbench.workflow.tests.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.salesbench.workflow.internal.approvals.ApprovalSubjects;
import org.salesbench.workflow.internal.approvals.QuoteApprovalSubject;

/** The approvalSubjects reader over the real extension registry: the production quote subject, a good and a broken contribution. */
class ApprovalSubjectsTest {

    @Test
    void contributedSubjectsAreReadInOrderAndABrokenOneIsSkipped() {
        List<String> types = ApprovalSubjects.all().stream().map(ApprovalSubjects.Descriptor::entityType).toList();
        assertEquals(List.of("quote", "test_deal", "test_broken"), types);
        assertTrue(ApprovalSubjects.subject("quote").orElseThrow() instanceof QuoteApprovalSubject);
        assertEquals("amount", ApprovalSubjects.subject("test_deal").orElseThrow().fields().get(0).name());
        assertTrue(ApprovalSubjects.subject("test_broken").isEmpty(), "a class that does not load yields nothing");
        assertTrue(ApprovalSubjects.subject("invoice").isEmpty());
    }
}
