package org.salesbench.workflow.tests.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.ADMIN;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.MANAGER;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.quotes.Quote;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.approvals.ApprovalSort;
import org.salesbench.workflow.approvals.ApprovalStep;
import org.salesbench.workflow.approvals.ApproverKind;
import org.salesbench.workflow.approvals.ConditionOperator;
import org.salesbench.workflow.approvals.DefinitionSort;

/**
 * The approvals lists' orders, sorted in the database on Derby: every column of the inbox both ways (the status by its
 * place in a request's life), a deal's latest requests only, and the definitions' list.
 */
class ApprovalSortTest {

    private final ApprovalFixture fx = new ApprovalFixture();
    private final List<Quote> quotes = new ArrayList<>();

    @AfterEach
    void close() {
        fx.close();
    }

    @BeforeEach
    void requests() {
        fx.as(ADMIN);
        ApprovalDefinition deep = new ApprovalDefinition("Z 深度折扣", Quote.ENTITY, "maxDiscountPercent", ConditionOperator.GT, "30");
        deep.setPriority(1); // ranks above the shipped "> 10 %"
        deep.addStep(new ApprovalStep("经理审批", ApproverKind.OWNER_MANAGER, null));
        deep.addStep(new ApprovalStep("总监审批", ApproverKind.USERS, ApprovalFixture.DIRECTOR));
        fx.engine.saveDefinition(deep);
        for (String discount : List.of("15", "40", "25", "35")) {
            Quote quote = fx.repsQuote(discount);
            fx.quotes.submitForApproval(quote.getId());
            quotes.add(quote);
        }
        fx.as(MANAGER);
        fx.engine.approve(fx.engine.pendingFor(Quote.ENTITY, quotes.get(1).getId()).orElseThrow().getId(), null); // on to its second step
        fx.engine.reject(fx.engine.pendingFor(Quote.ENTITY, quotes.get(2).getId()).orElseThrow().getId(), "太低");
        fx.as(ADMIN);
    }

    private List<Long> listed(ApprovalSort sort) {
        return fx.engine.list(ApprovalService.Filter.ALL, sort).stream().map(ApprovalRequest::getId).toList();
    }

    private static <K extends Comparable<? super K>> List<Long> expected(List<ApprovalRequest> all, Function<ApprovalRequest, K> key, boolean up) {
        Comparator<ApprovalRequest> order = Comparator.comparing(key).thenComparing(ApprovalRequest::getId);
        return all.stream().sorted(up ? order : order.reversed()).map(ApprovalRequest::getId).toList();
    }

    @Test
    void everyColumnOfTheInboxSortsBothWaysInTheDatabase() {
        List<ApprovalRequest> all = fx.engine.list(ApprovalService.Filter.ALL);
        assertEquals(4, all.size());
        assertEquals(expected(all, ApprovalRequest::getId, false), listed(ApprovalSort.DEFAULT), "the newest first");
        for (boolean up : new boolean[] {true, false}) {
            assertEquals(expected(all, ApprovalRequest::getId, up), listed(new ApprovalSort(ApprovalSort.Column.ID, up)), "id " + up);
            assertEquals(expected(all, r -> r.getEntityType() + "\u0000" + r.getRecordLabel(), up),
                    listed(new ApprovalSort(ApprovalSort.Column.RECORD, up)), "record " + up);
            assertEquals(expected(all, r -> r.getRequester().toLowerCase(java.util.Locale.ROOT), up),
                    listed(new ApprovalSort(ApprovalSort.Column.REQUESTER, up)), "requester " + up);
            assertEquals(expected(all, ApprovalRequest::getStatus, up), listed(new ApprovalSort(ApprovalSort.Column.STATUS, up)), "status " + up);
            assertEquals(expected(all, ApprovalRequest::getCurrentStep, up), listed(new ApprovalSort(ApprovalSort.Column.STEP, up)), "step " + up);
            assertEquals(expected(all, ApprovalRequest::getDefinitionName, up), listed(new ApprovalSort(ApprovalSort.Column.DEFINITION, up)),
                    "definition " + up);
            assertEquals(expected(all, ApprovalRequest::getCreatedAt, up), listed(new ApprovalSort(ApprovalSort.Column.SUBMITTED, up)),
                    "submitted " + up);
        }
        assertEquals(2, all.stream().map(ApprovalRequest::getStatus).distinct().count(), "pending and rejected: the status order is tried");
        assertEquals(2, all.stream().map(ApprovalRequest::getDefinitionName).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> new ApprovalSort(null, true));
    }

    @Test
    void aDealsPageListsEachQuotesLatestRequestInTheOrderAsked() {
        Quote again = quotes.get(2); // rejected back to draft, submitted again: two requests, the later one listed
        fx.as(ApprovalFixture.REP);
        fx.quotes.submitForApproval(again.getId());
        fx.as(ADMIN);
        List<Long> ids = quotes.stream().map(Quote::getId).toList();
        List<ApprovalRequest> latest = ids.stream().map(id -> fx.engine.latestFor(Quote.ENTITY, id).orElseThrow()).toList();
        for (boolean up : new boolean[] {true, false}) {
            assertEquals(expected(latest, ApprovalRequest::getId, up),
                    fx.engine.latestFor(Quote.ENTITY, ids, new ApprovalSort(ApprovalSort.Column.ID, up)).stream().map(ApprovalRequest::getId).toList());
            assertEquals(expected(latest, ApprovalRequest::getStatus, up),
                    fx.engine.latestFor(Quote.ENTITY, ids, new ApprovalSort(ApprovalSort.Column.STATUS, up)).stream().map(ApprovalRequest::getId).toList());
        }
        assertEquals(List.of(), fx.engine.latestFor(Quote.ENTITY, List.of(), ApprovalSort.DEFAULT));
        assertEquals(1, fx.engine.latestFor(Quote.ENTITY, List.of(again.getId()), ApprovalSort.DEFAULT).size());
    }

    @Test
    void theDefinitionsSortInTheDatabase() {
        List<ApprovalDefinition> all = fx.engine.definitions();
        for (boolean up : new boolean[] {true, false}) {
            for (DefinitionSort.Column column : DefinitionSort.Column.values()) {
                Function<ApprovalDefinition, Comparable<?>> key = switch (column) {
                    case NAME -> ApprovalDefinition::getName;
                    case ENTITY -> ApprovalDefinition::getEntityType;
                    case PRIORITY -> ApprovalDefinition::getPriority;
                    case ACTIVE -> ApprovalDefinition::isActive;
                };
                @SuppressWarnings({"unchecked", "rawtypes"})
                Comparator<ApprovalDefinition> order = Comparator.comparing((Function) key).thenComparing(d -> ((ApprovalDefinition) d).getId());
                assertEquals(all.stream().sorted(up ? order : order.reversed()).map(ApprovalDefinition::getId).toList(),
                        fx.engine.definitions(new DefinitionSort(column, up)).stream().map(ApprovalDefinition::getId).toList(), column + " " + up);
            }
        }
    }
}
