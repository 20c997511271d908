package org.salesbench.customers.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/** A fresh in-memory database with the real customer service, and a record of the events it posted. */
final class CustomerFixture implements AutoCloseable {

    record Posted(String entity, Change change, long id) {
    }

    final Database db;
    final CustomerServiceImpl service;
    final List<Posted> events = new ArrayList<>();

    CustomerFixture() {
        LocalSecurityService security = new LocalSecurityService("tester");
        db = Database.open(DatabaseSettings.inMemory("customers-" + UUID.randomUUID()), security);
        DomainEventPublisher publisher = (entity, change, id) -> {
            synchronized (events) {
                events.add(new Posted(entity, change, id));
            }
        };
        service = new CustomerServiceImpl(db, security, publisher);
    }

    static Customer customer(String name) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.PROSPECT);
        return c;
    }

    static Contact contact(String name, String phone, String email) {
        Contact k = new Contact(name);
        if (phone != null) {
            k.getPhones().add(phone);
        }
        if (email != null) {
            k.getEmails().add(email);
        }
        return k;
    }

    @Override
    public void close() {
        service.search().close();
        db.close();
    }
}
