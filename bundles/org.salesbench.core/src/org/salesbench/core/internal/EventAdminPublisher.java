package org.salesbench.core.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.SecurityService;

/** Posts domain events asynchronously through OSGi EventAdmin. */
@Component(service = DomainEventPublisher.class)
public class EventAdminPublisher implements DomainEventPublisher {

    @Reference
    private EventAdmin eventAdmin;

    @Reference
    private SecurityService security;

    @Override
    public void publish(String entity, Change change, long id) {
        eventAdmin.postEvent(new Event(EventTopics.topic(entity, change), Map.of(
                EventTopics.PROPERTY_ENTITY, entity,
                EventTopics.PROPERTY_ID, id,
                EventTopics.PROPERTY_USER, security.currentUser().login())));
    }

    @Override
    public void publishImported(String entity, int count) {
        eventAdmin.postEvent(new Event(EventTopics.imported(entity), Map.of(
                EventTopics.PROPERTY_ENTITY, entity,
                EventTopics.PROPERTY_COUNT, count,
                EventTopics.PROPERTY_USER, security.currentUser().login())));
    }
}
