package org.salesbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
