package org.salesbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.persistence.jpa.JpaHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.internal.PicklistService;

/**
 * The persistence unit is deployed when something first needs JPA, not when the database opens (a start's first view
 * needs none): what waits for it still happens, in order, on real embedded Derby.
 */
class DeferredUnitTest {

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.inMemory("deferred-" + UUID.randomUUID()), new LocalSecurityService("li.wei"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anOpenedDatabaseDeploysItsUnitOnItsFirstJpaUseAndRunsWhatWaitedForItFirst() {
        List<String> happened = new CopyOnWriteArrayList<>();
        assertFalse(db.isUnitDeployed(), "opening needs no JPA");
        db.whenUnitReady(unit -> happened.add("hooked: " + JpaHelper.getServerSession(unit).getDescriptors().size() + " entities"));
        Runnable forgotten = db.whenUnitReady(unit -> happened.add("a component that went away"));
        forgotten.run();
        assertTrue(happened.isEmpty(), "nothing deployed yet, so nothing ran");

        Long id = db.write(em -> {
            happened.add("the first write");
            Note note = new Note("延后");
            em.persist(note);
            return note;
        }).getId();
        assertTrue(db.isUnitDeployed());
        assertEquals(2, happened.size(), happened.toString());
        assertTrue(happened.get(0).startsWith("hooked: ") && !happened.get(0).equals("hooked: 0 entities"), happened.toString());
        assertEquals("the first write", happened.get(1), "the hook ran before anyone used the unit");
        assertEquals("延后", db.read(em -> em.find(Note.class, id)).getTitle());

        db.whenUnitReady(unit -> happened.add("late"));
        assertEquals("late", happened.get(2), "a hook on a deployed unit runs at once");
        assertEquals(3, happened.size(), "each hook ran once: " + happened);
    }

    @Test
    void aPicklistReadBeforeAnythingNeededJpaComesWithoutTheUnitAndAsTheUnitReadsIt() {
        LocalSecurityService owner = new LocalSecurityService("li.wei");
        new PicklistService(db, owner).add("deferred.test", "NORTH", "North", "北区");
        db.close();
        db = Database.open(db.settings(), owner);
        List<PicklistValue> beforeJpa = new PicklistService(db, owner).values("deferred.test");
        assertFalse(db.isUnitDeployed(), "the first view's filter bar asks for lists while the workbench starts");
        assertEquals(1, beforeJpa.size(), beforeJpa.toString());
        assertEquals(new PicklistValue("deferred.test", "NORTH", "North", "北区", beforeJpa.get(0).position(), true, false), beforeJpa.get(0));

        db.read(em -> em.find(Note.class, 1L)); // something needs JPA: the lists are read through the unit from then on
        assertTrue(db.isUnitDeployed());
        assertEquals(beforeJpa, new PicklistService(db, owner).values("deferred.test"));
    }

    @Test
    void aNativeReadBeforeAnythingNeededJpaPagesWithJdbcAndGivesWhatTheUnitGivesLater() {
        db.write(em -> {
            for (String title : List.of("一", "二", "三", "四", "五")) {
                em.persist(new Note(title));
            }
            return null;
        });
        db.close();
        db = Database.open(db.settings(), new LocalSecurityService("li.wei"));
        // the tables a field column is read from are named in braces (on a team server, a masking view may be read)
        String sql = "SELECT n.ID, n.TITLE, n.CREATED_AT FROM {SB_TEST_NOTE} n WHERE n.TITLE <> ? ORDER BY n.ID";
        List<List<Object>> page = lists(db.rows(sql, List.of("一"), 1, 2));
        List<List<Object>> all = lists(db.rows(sql, List.of("一"), 0, -1));
        long count = ((Number) db.rows("SELECT COUNT(*) FROM {SB_TEST_NOTE} n", List.of(), 0, -1).get(0)[0]).longValue();
        assertFalse(db.isUnitDeployed(), "a list visible at start reads its first page without deploying the unit");
        assertEquals(List.of("三", "四"), page.stream().map(r -> r.get(1)).toList(), page.toString());
        assertEquals(4, all.size(), all.toString());
        assertEquals(all.subList(1, 3), page);
        assertEquals(5, count);
        assertTrue(db.rows(sql, List.of("一"), 0, 0).isEmpty(), "no rows asked, none read");

        db.read(em -> em.find(Note.class, 1L));
        assertTrue(db.isUnitDeployed());
        assertEquals(page, lists(db.rows(sql, List.of("一"), 1, 2)), "through the unit: the same rows, of the same types");
        assertEquals(all, lists(db.rows(sql, List.of("一"), 0, -1)));
        assertEquals(List.of("五"), db.write(em -> lists(db.rows(sql, List.of("一"), 3, 10))).stream().map(r -> r.get(1)).toList(),
                "inside a write, in its transaction");
    }

    private static List<List<Object>> lists(List<Object[]> rows) {
        return rows.stream().map(Arrays::asList).toList();
    }

    @Test
    void aDatabaseClosedBeforeAnythingNeededJpaNeverDeploysIt() {
        List<String> happened = new CopyOnWriteArrayList<>();
        db.whenUnitReady(unit -> happened.add("deployed"));
        db.close();
        assertFalse(db.isUnitDeployed());
        assertThrows(IllegalStateException.class, () -> db.read(em -> em.find(Note.class, 1L)), "closed is closed");
        assertTrue(happened.isEmpty());
        // the embedded database was shut down: it opens again, here or in another process
        db = Database.open(db.settings(), new LocalSecurityService("li.wei"));
        assertEquals(0L, db.read(em -> em.createQuery("SELECT COUNT(n) FROM Note n", Long.class).getSingleResult()));
    }
}
