package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.opportunities.tests.OpportunityFixture.stage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.opportunities.ForecastCategory;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageHistory;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.StageRule;
import org.salesbench.opportunities.ProductCatalog;
import org.salesbench.opportunities.ProductCatalog.CatalogProduct;

class OpportunityServiceTest {

    private OpportunityFixture fx;
    private Customer acme;
    private Pipeline newBusiness;

    @BeforeEach
    void open() {
        fx = new OpportunityFixture();
        acme = fx.customer("上海云帆科技有限公司");
        newBusiness = fx.newBusiness();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private Opportunity create(String amount) {
        return fx.opportunities.create(fx.opportunity(acme, "CRM 平台", amount, LocalDate.now(Clocks.system()).plusMonths(2)));
    }

    private static String message(ValidationException e, String field) {
        assertNotNull(e.errorOf(field), () -> "expected an error on " + field + " but got " + e.getErrors());
        return e.errorOf(field).message();
    }

    @Test
    void createStartsInTheFirstOpenStageWithItsProbabilityAndAHistoryRow() {
        Opportunity o = create("120000.00");
        Opportunity read = fx.opportunities.find(o.getId()).orElseThrow();
        assertEquals("Qualification", read.getStage().getLabel());
        assertEquals(10, read.getProbability());
        assertEquals(StageKind.OPEN, read.getState());
        assertEquals(ForecastCategory.PIPELINE, read.getForecastCategory());
        assertEquals("tester", read.getOwner());
        assertEquals(acme.getIndustry(), read.getIndustry());
        List<StageHistory> history = fx.opportunities.history(o.getId());
        assertEquals(1, history.size());
        assertNull(history.get(0).getFromStage());
        assertEquals("Qualification", history.get(0).getToStage().getLabel());
        assertTrue(fx.events.contains(new OpportunityFixture.Posted(Opportunity.ENTITY, Change.CREATED, o.getId())));
    }

    @Test
    void movesAreRecordedWithWhoWhenAndTheAmountAtTheTime() {
        Opportunity o = create("120000.00");
        fx.opportunities.moveToStage(o.getId(), stage(newBusiness, "Needs analysis").getId());
        Opportunity read = fx.opportunities.find(o.getId()).orElseThrow();
        read.setAmount(Money.cny("150000.00"));
        fx.opportunities.update(read);
        Opportunity moved = fx.opportunities.moveToStage(o.getId(), stage(newBusiness, "Proposal").getId());
        assertEquals(50, moved.getProbability());

        List<StageHistory> history = fx.opportunities.history(o.getId());
        assertEquals(List.of("Qualification", "Needs analysis", "Proposal"), history.stream().map(h -> h.getToStage().getLabel()).toList());
        assertEquals("Needs analysis", history.get(2).getFromStage().getLabel());
        assertEquals(Money.cny("120000.00"), history.get(1).getAmount());
        assertEquals(Money.cny("150000.00"), history.get(2).getAmount());
        assertEquals(50, history.get(2).getProbability());
        assertEquals("tester", history.get(2).getMovedBy());
        assertTrue(!history.get(2).getMovedAt().isBefore(history.get(1).getMovedAt()));

        // a drop on its own column changes nothing
        fx.opportunities.moveToStage(o.getId(), stage(newBusiness, "Proposal").getId());
        assertEquals(3, fx.opportunities.history(o.getId()).size());
    }

    @Test
    void stageRulesRefuseAndExplainAndAContributedRuleLetsTheDealIn() {
        Opportunity o = fx.opportunities.create(fx.opportunity(acme, "No date yet", "0.00", null));
        long proposal = stage(newBusiness, "Proposal").getId();
        List<String> refusals = fx.opportunities.refusals(o.getId(), proposal);
        assertEquals(2, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).contains("Proposal") && refusals.get(0).contains("amount must be above zero"), refusals.get(0));
        assertTrue(refusals.get(1).contains("expected close date"), refusals.get(1));
        ValidationException e = assertThrows(ValidationException.class, () -> fx.opportunities.moveToStage(o.getId(), proposal));
        assertTrue(message(e, "stageId").contains("Proposal"));
        assertEquals("Qualification", fx.opportunities.find(o.getId()).orElseThrow().getStage().getLabel(), "nothing moved");
        assertEquals(1, fx.opportunities.history(o.getId()).size(), "no history for a refused move");

        Opportunity fixed = fx.opportunities.find(o.getId()).orElseThrow();
        fixed.setAmount(Money.cny("88000.00"));
        fixed.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(30));
        fx.opportunities.update(fixed);
        assertEquals(List.of(), fx.opportunities.refusals(o.getId(), proposal));
        fx.opportunities.moveToStage(o.getId(), proposal);

        // Negotiation needs a quote: no installed module checks quotes here, so entry is refused, saying so
        long negotiation = stage(newBusiness, "Negotiation").getId();
        ValidationException noChecker = assertThrows(ValidationException.class, () -> fx.opportunities.moveToStage(o.getId(), negotiation));
        assertTrue(message(noChecker, "stageId").contains("quote"), noChecker.getMessage());

        boolean[] hasQuote = { false };
        fx.opportunities.addStageRule(new StageRule() {
            @Override
            public String id() {
                return StageRule.QUOTE;
            }

            @Override
            public String label() {
                return "A quote";
            }

            @Override
            public Optional<String> refusal(Opportunity opportunity, Stage target) {
                return hasQuote[0] ? Optional.empty() : Optional.of("there is no quote yet");
            }
        });
        ValidationException noQuote = assertThrows(ValidationException.class, () -> fx.opportunities.moveToStage(o.getId(), negotiation));
        assertTrue(message(noQuote, "stageId").contains("there is no quote yet"));
        hasQuote[0] = true;
        assertEquals("Negotiation", fx.opportunities.moveToStage(o.getId(), negotiation).getStage().getLabel());
    }

    @Test
    void wonAndLostCloseTheDealAndLostNeedsAReason() {
        Opportunity won = create("50000.00");
        Opportunity closed = fx.opportunities.markWon(won.getId(), LocalDate.of(2026, 11, 20));
        assertEquals(StageKind.WON, closed.getState());
        assertEquals(100, closed.getProbability());
        assertEquals(ForecastCategory.CLOSED, closed.getForecastCategory());
        assertEquals(LocalDate.of(2026, 11, 20), closed.getClosedOn());

        Opportunity lost = create("30000.00");
        ValidationException noReason = assertThrows(ValidationException.class, () -> fx.opportunities.markLost(lost.getId(), "  ", null));
        assertEquals("Loss reason is required when a deal is lost", message(noReason, "lossReason"));
        long closedLost = stage(newBusiness, "Closed lost").getId();
        ValidationException dragged = assertThrows(ValidationException.class, () -> fx.opportunities.moveToStage(lost.getId(), closedLost));
        message(dragged, "lossReason");
        assertEquals(StageKind.OPEN, fx.opportunities.find(lost.getId()).orElseThrow().getState());

        Opportunity gone = fx.opportunities.markLost(lost.getId(), "价格太高", null);
        assertEquals(StageKind.LOST, gone.getState());
        assertEquals(ForecastCategory.OMITTED, gone.getForecastCategory());
        assertEquals(LocalDate.now(Clocks.system()), gone.getClosedOn());
        assertEquals("价格太高", gone.getLossReason());
        assertEquals(2, fx.opportunities.history(lost.getId()).size());

        // reopening clears the close date and puts it back in the pipeline
        Opportunity reopened = fx.opportunities.moveToStage(lost.getId(), stage(newBusiness, "Needs analysis").getId());
        assertNull(reopened.getClosedOn());
        assertEquals(ForecastCategory.PIPELINE, reopened.getForecastCategory());
    }

    @Test
    void aHistoricDealKeepsItsEngagedDateAndProductAndItsCloseDateIsCheckedAgainstIt() {
        // the catalogue is the quotes module's, not installed here: one product it would offer
        CatalogProduct product = new CatalogProduct(4821, "GTX-PRO", "GTX Pro", Money.cny("4821.00"));
        ProductCatalog catalog = new ProductCatalog() {
            @Override
            public List<CatalogProduct> list(boolean activeOnly) {
                return List.of(product);
            }

            @Override
            public Optional<CatalogProduct> find(long id) {
                return id == product.id() ? Optional.of(product) : Optional.empty();
            }

            @Override
            public Optional<CatalogProduct> findByCode(String code) {
                return code.equals(product.code()) ? Optional.of(product) : Optional.empty();
            }
        };
        fx.opportunities.setProductCatalog(catalog);
        Opportunity historic = fx.opportunity(acme, "GTX Pro for Isdom", "4514.00", LocalDate.of(2017, 3, 11));
        historic.setEngagedOn(LocalDate.of(2016, 10, 25));
        historic.setProductId(product.id());
        Opportunity created = fx.opportunities.create(historic);
        Opportunity won = fx.opportunities.markWon(created.getId(), LocalDate.of(2017, 3, 11));
        Opportunity read = fx.opportunities.find(won.getId()).orElseThrow();
        assertEquals(LocalDate.of(2016, 10, 25), read.getEngagedOn());
        assertEquals(LocalDate.of(2017, 3, 11), read.getClosedOn());
        assertEquals(4821L, read.getProductId());

        assertEquals(LocalDate.now(Clocks.system()), create("1.00").getEngagedOn(), "a new deal is engaged the day it is made");
        Opportunity afterTheFact = fx.opportunities.markWon(create("2.00").getId(), LocalDate.now(Clocks.system()).minusDays(7));
        assertEquals(LocalDate.now(Clocks.system()).minusDays(7), afterTheFact.getEngagedOn(), "a deal recorded after it was won began no later than it closed");

        Opportunity backwards = fx.opportunity(acme, "Backwards", "1.00", LocalDate.of(2016, 1, 1));
        backwards.setEngagedOn(LocalDate.of(2016, 10, 25));
        ValidationException early = assertThrows(ValidationException.class, () -> fx.opportunities.create(backwards));
        assertTrue(message(early, "expectedCloseDate").contains("Engaged date"), message(early, "expectedCloseDate"));

        Opportunity ghostProduct = fx.opportunity(acme, "Ghost product", "1.00", null);
        ghostProduct.setProductId(987654323L);
        ValidationException unknown = assertThrows(ValidationException.class, () -> fx.opportunities.create(ghostProduct));
        assertEquals("Product: there is no product 987654323", message(unknown, "product"));

        fx.opportunities.unsetProductCatalog(catalog);
        Opportunity noCatalogue = fx.opportunity(acme, "No catalogue", "1.00", null);
        noCatalogue.setProductId(product.id());
        ValidationException uncheckable = assertThrows(ValidationException.class, () -> fx.opportunities.create(noCatalogue),
                "without the quotes module no product can be named");
        assertEquals("Product: there is no product 4821", message(uncheckable, "product"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        ValidationException negative = assertThrows(ValidationException.class,
                () -> fx.opportunities.create(fx.opportunity(acme, "Negative", "-1.00", LocalDate.now(Clocks.system()).plusDays(3))));
        assertEquals("Amount cannot be negative", message(negative, "amount"));

        ValidationException past = assertThrows(ValidationException.class,
                () -> fx.opportunities.create(fx.opportunity(acme, "Past", "1.00", LocalDate.now(Clocks.system()).minusDays(1))));
        assertTrue(message(past, "expectedCloseDate").startsWith("Expected close date"), message(past, "expectedCloseDate"));
        assertTrue(message(past, "expectedCloseDate").contains("Creation date"));

        Opportunity unknownStage = fx.opportunity(acme, "Unknown stage", "1.00", null);
        Stage ghost = new Stage("Ghost", 5, StageKind.OPEN);
        setId(ghost, 987654321L);
        unknownStage.setStage(ghost);
        ValidationException unknown = assertThrows(ValidationException.class, () -> fx.opportunities.create(unknownStage));
        assertEquals("Stage: there is no stage 987654321", message(unknown, "stage"));

        Opportunity foreign = fx.opportunity(acme, "Other pipeline", "1.00", null);
        foreign.setStage(stage(fx.pipeline("Renewal"), "Upcoming renewal"));
        ValidationException other = assertThrows(ValidationException.class, () -> fx.opportunities.create(foreign));
        assertTrue(message(other, "stage").contains("Upcoming renewal") && message(other, "stage").contains("Renewal"));

        Opportunity saved = create("10.00");
        ValidationException moveUnknown = assertThrows(ValidationException.class, () -> fx.opportunities.moveToStage(saved.getId(), 987654322L));
        assertEquals("Stage: there is no stage 987654322", message(moveUnknown, "stageId"));
        long renewalStage = stage(fx.pipeline("Renewal"), "Renewal review").getId();
        ValidationException moveForeign = assertThrows(ValidationException.class, () -> fx.opportunities.moveToStage(saved.getId(), renewalStage));
        assertTrue(message(moveForeign, "stageId").contains("Renewal review"));

        Opportunity noName = fx.opportunity(acme, " ", "1.00", null);
        noName.setCustomer(null);
        noName.setProbability(120);
        ValidationException several = assertThrows(ValidationException.class, () -> fx.opportunities.create(noName));
        assertEquals("Opportunity name is required", message(several, "name"));
        assertEquals("Customer is required", message(several, "customer"));
        assertEquals("Probability must be between 0 and 100, not 120", message(several, "probability"));

        // a stage change through update is refused: it must go through the rules
        Opportunity sneaky = fx.opportunities.find(saved.getId()).orElseThrow();
        sneaky.setStage(stage(newBusiness, "Negotiation"));
        message(assertThrows(ValidationException.class, () -> fx.opportunities.update(sneaky)), "stage");
        assertEquals(1, fx.count("SELECT COUNT(*) FROM SB_OPPORTUNITY"), "nothing refused was written");
    }

    static void setId(Object entity, long id) {
        try {
            java.lang.reflect.Field field = org.salesbench.core.model.AbstractEntity.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void deletingACustomerTakesItsOpportunitiesToTheRecycleBinAndPurgingThemTakesTheirHistory() {
        Opportunity o = create("10.00");
        fx.opportunities.moveToStage(o.getId(), stage(newBusiness, "Needs analysis").getId());
        long history = fx.count("SELECT COUNT(*) FROM SB_STAGE_HISTORY");
        fx.customers.delete(acme.getId());
        assertTrue(fx.opportunities.find(o.getId()).isEmpty());
        assertEquals(0, fx.opportunities.count(org.salesbench.opportunities.OpportunityFilter.ALL));
        assertEquals(history, fx.count("SELECT COUNT(*) FROM SB_STAGE_HISTORY"), "the history waits in the bin with its deal");
        assertTrue(fx.opportunities.findDeleted(o.getId()).isPresent(), "in the recycle bin");

        fx.customers.restore(acme.getId());
        assertEquals(0, new java.math.BigDecimal("10.00").compareTo(fx.opportunities.find(o.getId()).orElseThrow().getAmount().getAmount()),
                "back with its customer");

        fx.customers.delete(acme.getId());
        fx.opportunities.purge(o.getId());
        assertEquals(0, fx.count("SELECT COUNT(*) FROM SB_STAGE_HISTORY"), "a purge takes the history");
        assertTrue(fx.opportunities.findDeleted(o.getId()).isEmpty());
    }
}
