package org.salesbench.contracts.internal;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractAttachment;
import org.salesbench.contracts.ContractAttachments;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.UnitOfWork;

/** Attachments in {@code SB_CONTRACT_ATTACHMENT}, checked against the contract's stored owner, one transaction a call. */
@Component(service = ContractAttachments.class)
public class ContractAttachmentsImpl implements ContractAttachments {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;

    @Activate
    public ContractAttachmentsImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference DomainEventPublisher events) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
    }

    private static Contract contract(EntityManager em, long id) {
        Contract contract = em.find(Contract.class, id);
        if (contract == null || contract.isDeleted()) {
            throw invalid("contract", NLS.bind(Messages.Contract_notFound, id));
        }
        return contract;
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message, null)));
    }

    @Override
    public ContractAttachment attach(long contractId, String fileName, String contentType, byte[] content) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty()) {
            throw invalid("fileName", NLS.bind(org.salesbench.core.validation.Messages.Validation_required, Messages.Attachment_fileName));
        }
        if (name.length() > 255) {
            throw invalid("fileName", NLS.bind(org.salesbench.core.validation.Messages.Validation_tooLong, Messages.Attachment_fileName, 255));
        }
        if (content == null || content.length == 0) {
            throw invalid("content", NLS.bind(Messages.Attachment_empty, name));
        }
        if (content.length > maxBytes()) {
            throw invalid("content", NLS.bind(Messages.Attachment_tooLarge, new Object[] { name, content.length, maxBytes() }));
        }
        String type = contentType == null || contentType.isBlank() ? null : contentType.strip();
        return unitOfWork.write(em -> {
            Contract contract = contract(em, contractId);
            security.check(Action.UPDATE, Contract.ENTITY, contract.getOwner());
            ContractAttachment attachment = new ContractAttachment(contractId, name, type == null || type.length() > 100 ? null : type, content);
            attachment.setOwner(contract.getOwner());
            em.persist(attachment);
            em.flush();
            unitOfWork.afterCommit(() -> events.publish(Contract.ENTITY, Change.UPDATED, contractId));
            return attachment;
        });
    }

    @Override
    public List<ContractAttachment> list(long contractId) {
        return unitOfWork.read(em -> {
            Contract contract = contract(em, contractId);
            security.check(Action.READ, Contract.ENTITY, contract.getOwner());
            return em.createQuery("SELECT a FROM ContractAttachment a WHERE a.contractId = :c ORDER BY a.id", ContractAttachment.class)
                    .setParameter("c", contractId).getResultList();
        });
    }

    @Override
    public byte[] content(long attachmentId) {
        return unitOfWork.read(em -> {
            Object[] row = em.createQuery("SELECT a.contractId, a.content FROM ContractAttachment a WHERE a.id = :id", Object[].class)
                    .setParameter("id", attachmentId).getResultStream().findFirst()
                    .orElseThrow(() -> invalid("attachment", NLS.bind(Messages.Attachment_notFound, attachmentId)));
            Contract contract = contract(em, (Long) row[0]);
            security.check(Action.READ, Contract.ENTITY, contract.getOwner());
            return (byte[]) row[1];
        });
    }

    @Override
    public void remove(long attachmentId) {
        unitOfWork.write(em -> {
            ContractAttachment attachment = em.find(ContractAttachment.class, attachmentId);
            if (attachment == null) {
                throw invalid("attachment", NLS.bind(Messages.Attachment_notFound, attachmentId));
            }
            Contract contract = contract(em, attachment.getContractId());
            security.check(Action.UPDATE, Contract.ENTITY, contract.getOwner());
            em.remove(attachment);
            unitOfWork.afterCommit(() -> events.publish(Contract.ENTITY, Change.UPDATED, contract.getId()));
            return null;
        });
    }
}
