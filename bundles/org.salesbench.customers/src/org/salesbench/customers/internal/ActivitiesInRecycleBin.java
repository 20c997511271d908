package org.salesbench.customers.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.recyclebin.RecycleBinKind;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.Activity;
import org.salesbench.persistence.UnitOfWork;

/** The activities in the recycle bin. */
@Component(service = RecycleBinKind.class)
public class ActivitiesInRecycleBin extends CustomerPartsInRecycleBin {

    @Activate
    public ActivitiesInRecycleBin(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference DomainEventPublisher events) {
        super(Activity.ENTITY, "SB_ACTIVITY", "SUMMARY", 120, unitOfWork, security, events);
    }

    @Override
    public String label() {
        return Messages.RecycleBin_activities;
    }
}
