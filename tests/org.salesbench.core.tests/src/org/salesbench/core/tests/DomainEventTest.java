package org.salesbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.events.EventTopics;
import org.salesbench.core.events.EventTopics.Change;

/** The DS publisher posts domain events through the real EventAdmin to subscribers of the topic. */
class DomainEventTest {

    @Test
    void aSubscriberReceivesTheEventWithIdEntityAndUser() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(DomainEventTest.class).getBundleContext();
        if (context == null) {
            FrameworkUtil.getBundle(DomainEventTest.class).start();
            context = FrameworkUtil.getBundle(DomainEventTest.class).getBundleContext();
        }
        BlockingQueue<Event> received = new ArrayBlockingQueue<>(10);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, EventTopics.allOf("customer"));
        ServiceRegistration<EventHandler> registration = context.registerService(EventHandler.class, received::add, properties);
        // who acts: in an installation the users module's security service, once a database is open
        ServiceRegistration<SecurityService> security = context.registerService(SecurityService.class, new LocalSecurityService("li.wei"), null);
        ServiceTracker<DomainEventPublisher, DomainEventPublisher> tracker = new ServiceTracker<>(context, DomainEventPublisher.class, null);
        tracker.open();
        try {
            DomainEventPublisher publisher = tracker.waitForService(10_000);
            assertNotNull(publisher, "the DS publisher is registered");
            publisher.publish("customer", Change.UPDATED, 42L);
            publisher.publish("contract", Change.CREATED, 7L); // another entity: not for this subscriber
            Event event = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "event delivered");
            assertEquals("org/salesbench/customer/UPDATED", event.getTopic());
            assertEquals(42L, event.getProperty(EventTopics.PROPERTY_ID));
            assertEquals("customer", event.getProperty(EventTopics.PROPERTY_ENTITY));
            assertEquals("li.wei", event.getProperty(EventTopics.PROPERTY_USER));
            assertTrue(received.poll(500, TimeUnit.MILLISECONDS) == null, "no event of another entity");
        } finally {
            tracker.close();
            registration.unregister();
            security.unregister();
        }
    }
}
