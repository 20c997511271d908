package org.salesbench.customers.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.recyclebin.RecycleBinKind;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.Contact;
import org.salesbench.persistence.UnitOfWork;

/** The contacts in the recycle bin. */
@Component(service = RecycleBinKind.class)
public class ContactsInRecycleBin extends CustomerPartsInRecycleBin {

    @Activate
    public ContactsInRecycleBin(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference DomainEventPublisher events) {
        super(Contact.ENTITY, "SB_CONTACT", "NAME", 110, unitOfWork, security, events);
    }

    @Override
    public String label() {
        return Messages.RecycleBin_contacts;
    }
}
