package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.StageKind;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

class SeedDataTest {

    @Test
    void newDatabaseHasThreePipelinesWithOrderedStages() {
        try (Database db = Database.open(DatabaseSettings.inMemory("seed-" + UUID.randomUUID()), new LocalSecurityService("tester"))) {
            List<Pipeline> pipelines = db.read(em -> {
                List<Pipeline> all = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).getResultList();
                all.forEach(p -> p.getStages().forEach(s -> s.getRequiredRules().size()));
                return all;
            });
            assertEquals(List.of("New business", "Renewal", "Channel"), pipelines.stream().map(Pipeline::getLabel).toList());
            Pipeline newBusiness = pipelines.get(0);
            assertEquals(List.of("Qualification", "Needs analysis", "Proposal", "Negotiation", "Closed won", "Closed lost"),
                    newBusiness.getStages().stream().map(s -> s.getLabel()).toList());
            assertEquals(List.of("quote"), newBusiness.getStages().get(3).getRequiredRules());
            assertEquals(StageKind.WON, newBusiness.getStages().get(4).getKind());
            assertEquals(100, newBusiness.getStages().get(4).getProbability());
        }
    }
}
