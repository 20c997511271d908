package org.salesbench.opportunities.tests.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.opportunities.winprobability.Feature;
import org.salesbench.opportunities.winprobability.ModelAccuracy;
import org.salesbench.opportunities.winprobability.ModelInfo;
import org.salesbench.opportunities.winprobability.Prediction;
import org.salesbench.opportunities.winprobability.Reason;
import org.salesbench.opportunities.winprobability.TrainingResult;
import org.salesbench.opportunities.winprobability.WinProbabilityService;
import org.salesbench.opportunities.winprobability.internal.WinProbabilityServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

class WinProbabilityTest {

    private static final String LOGISTIC = WinProbabilityService.DEFAULT_MODEL;
    private static final String STAGE = WinProbabilityService.STAGE_DEFAULT_MODEL;

    private Database db;
    private LocalSecurityService security;
    private WinProbabilityServiceImpl service;
    private DealHistory history;

    @BeforeEach
    void open() {
        security = new LocalSecurityService("tester");
        db = Database.open(DatabaseSettings.inMemory("winprob-" + UUID.randomUUID()), security);
        service = new WinProbabilityServiceImpl(db, security);
        history = new DealHistory(db, 20261127L);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /**
     * 2,000 closed deals, made once for the two tests that learn from many (neither changes them; the second only adds
     * open deals): generating and reading them is most of this class's time.
     */
    private static Database learnedDb;
    private static DealHistory learnedHistory;

    private static synchronized DealHistory learned() {
        if (learnedHistory == null) {
            learnedDb = Database.open(DatabaseSettings.inMemory("winprob-learned-" + UUID.randomUUID()), new LocalSecurityService("tester"));
            learnedHistory = new DealHistory(learnedDb, 20261127L);
            learnedHistory.closedDeals(2000);
        }
        return learnedHistory;
    }

    @AfterAll
    static void closeLearned() {
        if (learnedDb != null) {
            learnedDb.close();
        }
    }

    @Test
    void bothBuiltInModelsAreContributedInOrder() {
        assertEquals(List.of(STAGE, LOGISTIC), service.models().stream().map(ModelInfo::id).toList());
        assertEquals("Stage default", service.models().get(0).label());
        assertEquals(LOGISTIC, service.activeModelId());
    }

    @Test
    void learnedModelRanksHeldBackDealsFarBetterThanChanceAndThanTheStageDefault() {
        long start = System.nanoTime();
        learned();
        long generated = System.nanoTime();
        WinProbabilityServiceImpl service = new WinProbabilityServiceImpl(learnedDb, security);
        TrainingResult learned = service.train(LOGISTIC);
        long trained = System.nanoTime();
        TrainingResult stageOnly = service.train(STAGE);
        System.out.printf(Locale.ROOT, "Generated 2000 closed deals in %d ms (or the test before did); read and trained logistic regression in %d ms%n",
                (generated - start) / 1_000_000, (trained - generated) / 1_000_000);

        ModelAccuracy l = learned.accuracy();
        ModelAccuracy s = stageOnly.accuracy();
        System.out.printf(Locale.ROOT, "Win probability on %d held-back closed deals (trained on %d): logistic regression AUC %.3f, Brier %.3f;"
                + " stage default AUC %.3f, Brier %.3f%n", l.heldBackDeals(), l.trainingDeals(), l.auc(), l.brier(), s.auc(), s.brier());
        assertEquals(500, l.heldBackDeals(), "the most recent quarter is held back");
        assertEquals(1500, l.trainingDeals());
        assertTrue(l.auc() > 0.75, "AUC clearly better than chance: " + l.auc());
        assertTrue(l.auc() > s.auc() + 0.05, "better ranking than the stage default: " + l.auc() + " vs " + s.auc());
        assertTrue(l.brier() < s.brier(), "better calibrated than the stage default: " + l.brier() + " vs " + s.brier());
        assertTrue(l.brier() < 0.2, "better than saying 50 % for every deal (0.25): " + l.brier());
    }

    @Test
    void predictionNamesItsReasonsStrongestFirstAndFollowsTheEvidence() {
        DealHistory history = learned();
        WinProbabilityServiceImpl service = new WinProbabilityServiceImpl(learnedDb, security);
        long promising = history.openDeal("Negotiation", "REFERRAL", "通信", new BigDecimal("80000.00"), 30, 14);
        long doubtful = history.openDeal("Qualification", "CAMPAIGN", "零售", new BigDecimal("3000000.00"), 200, 0);

        Prediction good = service.predict(promising);
        Prediction poor = service.predict(doubtful);
        System.out.println("Promising deal: " + good.percent() + " % (" + good.explanation() + ")");
        System.out.println("Doubtful deal: " + poor.percent() + " % (" + poor.explanation() + ")");

        assertEquals(LOGISTIC, good.modelId());
        assertTrue(good.probability() > 0.8, "negotiation, referral, many activities: " + good.probability());
        assertTrue(poor.probability() < 0.2, "qualification, campaign, no activity, big and old: " + poor.probability());
        assertEquals(Feature.values().length, good.reasons().size(), "every feature has its say");
        for (int i = 1; i < good.reasons().size(); i++) {
            assertTrue(Math.abs(good.reasons().get(i - 1).effect()) >= Math.abs(good.reasons().get(i).effect()), "strongest first");
        }
        Reason activities = reason(good, Feature.ACTIVITIES);
        assertEquals("14", activities.value(), "only the activities since the opportunity was created count");
        assertTrue(activities.effect() > 0.03, "many activities raise the probability: " + activities.text());
        assertTrue(reason(good, Feature.STAGE).text().startsWith("stage Negotiation +"), reason(good, Feature.STAGE).text());
        assertEquals("Referral", reason(good, Feature.SOURCE).value(), "sources are shown by name, not code");
        assertTrue(reason(poor, Feature.AMOUNT_BAND).text().startsWith("amount band > 1M \u2212"), reason(poor, Feature.AMOUNT_BAND).text());
        assertTrue(reason(poor, Feature.ACTIVITIES).effect() < 0, "no activity lowers it");
        assertEquals(3, good.explanation().split(", ").length, "the explanation names the three main reasons");

        Prediction byStage = service.predict(promising, STAGE);
        assertEquals(0.75, byStage.probability(), 1e-9, "the stage default is the stage's probability");
        assertEquals(STAGE, byStage.modelId());
    }

    @Test
    void trainingIsRecordedAndSurvivesARestartOfTheService() {
        history.closedDeals(400);
        assertTrue(service.lastTraining(LOGISTIC).isEmpty(), "never trained");
        TrainingResult result = service.train(LOGISTIC);
        assertEquals(result, service.lastTraining(LOGISTIC).orElseThrow());

        WinProbabilityServiceImpl restarted = new WinProbabilityServiceImpl(db, security);
        TrainingResult read = restarted.lastTraining(LOGISTIC).orElseThrow();
        assertEquals(result.accuracy().auc(), read.accuracy().auc(), 1e-12);
        assertEquals(result.accuracy().brier(), read.accuracy().brier(), 1e-12);
        assertEquals(300, read.accuracy().trainingDeals());
        assertEquals(100, read.accuracy().heldBackDeals());
        assertEquals(result.trainedAt().toEpochMilli(), read.trainedAt().toEpochMilli());
        assertTrue(restarted.lastTrainedAt(STAGE).isEmpty());
    }

    @Test
    void predictingTrainsFirstAndWorksWithoutAnyHistory() {
        long open = history.openDeal("Proposal", "WEB_FORM", "金融", new BigDecimal("250000.00"), 10, 2);
        Prediction p = service.predict(open);
        assertTrue(p.probability() > 0 && p.probability() < 1, "a probability even with nothing learned: " + p.probability());
        assertTrue(service.lastTrainedAt(LOGISTIC).isPresent(), "predicting trained the model");
        assertTrue(Double.isNaN(service.accuracy(LOGISTIC).orElseThrow().auc()), "no held-back deals, no AUC");
    }

    @Test
    void closedOpportunityIsCertainAndUnknownIdsAreRefused() {
        history.closedDeals(10);
        long closedId = db.read(em -> ((Number) em.createNativeQuery("SELECT MIN(ID) FROM SB_OPPORTUNITY WHERE STATE = 'WON'")
                .getSingleResult()).longValue());
        assertEquals(1.0, service.predict(closedId).probability());

        IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class, () -> service.train("com.example.none"));
        assertTrue(noModel.getMessage().contains("com.example.none"), noModel.getMessage());
        IllegalArgumentException noDeal = assertThrows(IllegalArgumentException.class, () -> service.predict(-5));
        assertEquals("Opportunity -5 does not exist.", noDeal.getMessage());
    }

    @Test
    void trainingOnDemandNeedsPermissionButAReaderStillGetsPredictions() {
        history.closedDeals(200);
        long open = history.openDeal("Proposal", "REFERRAL", "通信", new BigDecimal("90000.00"), 20, 6);
        WinProbabilityServiceImpl viewer = new WinProbabilityServiceImpl(db, readOnly());
        AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> viewer.train(LOGISTIC));
        assertTrue(denied.getMessage().contains("winProbabilityModel"), denied.getMessage());
        assertTrue(viewer.predict(open).probability() > 0, "the first prediction trains the model for the reader");
    }

    static SecurityService readOnly() {
        return new SecurityService() {
            @Override
            public CurrentUser currentUser() {
                return new CurrentUser("viewer", "Viewer");
            }

            @Override
            public boolean isPermitted(Action action, String entity, String owner) {
                return action == Action.READ;
            }
        };
    }

    private static Reason reason(Prediction prediction, Feature feature) {
        return prediction.reasons().stream().filter(r -> r.feature() == feature).findFirst().orElseThrow();
    }
}
