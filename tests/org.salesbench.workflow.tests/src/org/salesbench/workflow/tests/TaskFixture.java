package org.salesbench.workflow.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.Scope;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.User;
import org.salesbench.workflow.internal.TaskServiceImpl;

/** A Derby database with the real task service, used in turn by people whose roles reach all or only their own tasks. */
final class TaskFixture implements AutoCloseable {

    /** Who is signed in and whether their roles reach only their own tasks (a rep) or everyone's (the owner). */
    static final class People implements SecurityService {
        volatile String login = "admin";
        volatile boolean ownOnly;

        @Override
        public CurrentUser currentUser() {
            return new CurrentUser(login, login, List.of(), !ownOnly);
        }

        @Override
        public boolean isPermitted(Action action, String entity, String owner) {
            return !ownOnly || owner == null || owner.equals(login);
        }

        @Override
        public Scope scope(Action action, String entity) {
            return ownOnly ? Scope.OWN : Scope.ALL;
        }
    }

    final People people = new People();
    final Database db;
    final TaskServiceImpl tasks;
    final List<String> events = new ArrayList<>();

    TaskFixture() {
        this(DatabaseSettings.inMemory("tasks-" + UUID.randomUUID()));
    }

    TaskFixture(DatabaseSettings settings) {
        db = Database.open(settings, people);
        tasks = new TaskServiceImpl(db, people, (entity, change, id) -> {
            synchronized (events) {
                events.add(entity + "/" + change + "/" + id);
            }
        }, Clocks::system);
    }

    /** Signs in {@code login}; {@code ownOnly} for a rep whose roles reach their own tasks only. */
    TaskFixture as(String login, boolean ownOnly) {
        people.login = login;
        people.ownOnly = ownOnly;
        return this;
    }

    TaskFixture users(String... logins) {
        db.write(em -> {
            for (String login : logins) {
                em.persist(new User(login, login));
            }
            return null;
        });
        return this;
    }

    @Override
    public void close() {
        db.close();
    }
}
