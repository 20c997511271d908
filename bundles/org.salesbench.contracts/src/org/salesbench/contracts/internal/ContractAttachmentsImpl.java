package org.salesbench.contracts.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

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
import org.salesbench.core.io.AtomicFiles;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.UnitOfWork;

/**
 * Attachments and generated documents in {@code SB_CONTRACT_ATTACHMENT}, their bytes in its {@code CONTENT} or in the
 * archive folder ({@link ContractSettings#archiveFolder()}), checked against the contract's stored owner, one
 * transaction a call. A file is written to the folder (atomically) inside the transaction that records it; when that
 * transaction fails the file is removed again, so no row names a file that is not there and no file is left unnamed.
 */
@Component(service = ContractAttachments.class)
public class ContractAttachmentsImpl implements ContractAttachments {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;
    private final Supplier<Optional<Path>> folder;

    @Activate
    public ContractAttachmentsImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference DomainEventPublisher events) {
        this(unitOfWork, security, events, ContractSettings::archiveFolder);
    }

    /** With where files are archived (empty: in the database); tests, tools. */
    public ContractAttachmentsImpl(UnitOfWork unitOfWork, SecurityService security, DomainEventPublisher events, Supplier<Optional<Path>> folder) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
        this.folder = folder;
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
    public Optional<Path> archiveFolder() {
        return folder.get();
    }

    @Override
    public void setArchiveFolder(Optional<Path> chosen) {
        if (chosen.isPresent() && (!Files.isDirectory(chosen.get()) || !Files.isWritable(chosen.get()))) {
            throw invalid("folder", NLS.bind(Messages.Attachment_badFolder, chosen.get()));
        }
        ContractSettings.setArchiveFolder(chosen.map(Path::toString).orElse(null));
    }

    /** SHA-256 of the bytes, lower-case hex. */
    public static String checksum(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A file name safe on every file system: letters (any script) and digits, {@code . - _} kept, anything else (path
     * separators, {@code ..}, control and reserved characters, spaces) an underscore, no leading dot, at most 100
     * characters keeping the extension.
     */
    public static String safeName(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') {
                b.appendCodePoint(c);
            } else {
                b.append('_');
            }
        });
        String safe = b.toString().replaceAll("\\.{2,}", ".").replaceAll("^[._]+", "");
        if (safe.isEmpty()) {
            safe = "file";
        }
        if (safe.length() > 100) {
            int dot = safe.lastIndexOf('.');
            String ext = dot > 0 && safe.length() - dot <= 10 ? safe.substring(dot) : "";
            safe = safe.substring(0, 100 - ext.length()) + ext;
        }
        String stem = safe.contains(".") ? safe.substring(0, safe.indexOf('.')) : safe;
        if (stem.toUpperCase(Locale.ROOT).matches("CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]")) {
            safe = "_" + safe;
        }
        return safe;
    }

    @Override
    public ContractAttachment attach(long contractId, String kind, String fileName, String contentType, byte[] content) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty()) {
            throw invalid("fileName", NLS.bind(org.salesbench.core.validation.Messages.Validation_required, Messages.Attachment_fileName));
        }
        if (name.length() > 255) {
            throw invalid("fileName", NLS.bind(org.salesbench.core.validation.Messages.Validation_tooLong, Messages.Attachment_fileName, 255));
        }
        if (!KIND_ATTACHMENT.equals(kind) && !KIND_DOCUMENT.equals(kind)) {
            throw invalid("kind", NLS.bind(Messages.Attachment_kind, kind));
        }
        if (content == null || content.length == 0) {
            throw invalid("content", NLS.bind(Messages.Attachment_empty, name));
        }
        if (content.length > maxBytes()) {
            throw invalid("content", NLS.bind(Messages.Attachment_tooLarge, new Object[] { name, content.length, maxBytes() }));
        }
        String type = contentType == null || contentType.isBlank() ? null : contentType.strip();
        String sum = checksum(content);
        Optional<Path> archive = folder.get();
        Path[] written = new Path[1];
        try {
            return unitOfWork.write(em -> {
                Contract contract = contract(em, contractId);
                security.check(Action.UPDATE, Contract.ENTITY, contract.getOwner());
                String storedType = type == null || type.length() > 100 ? null : type;
                ContractAttachment attachment;
                if (archive.isPresent()) {
                    attachment = new ContractAttachment(contractId, kind, name, storedType, content.length, sum, null);
                    attachment.setOwner(contract.getOwner());
                    em.persist(attachment); // the id (drawn at persist) names the file
                    if (attachment.getId() == null) {
                        throw new IllegalStateException("no id drawn for the attachment");
                    }
                    String relative = safeName(contract.getNumber()) + "/" + attachment.getId() + "-" + safeName(name);
                    Path target = archive.get().resolve(relative);
                    try {
                        Files.createDirectories(target.getParent());
                        AtomicFiles.write(target, out -> out.write(content));
                    } catch (IOException e) {
                        throw invalid("content", NLS.bind(Messages.Attachment_writeFailed, new Object[] { name, archive.get(), e.getMessage() }));
                    }
                    written[0] = target;
                    attachment.setStoredPath(relative);
                } else {
                    attachment = new ContractAttachment(contractId, name, storedType, content);
                    attachment.setKind(kind);
                    attachment.setChecksum(sum);
                    attachment.setOwner(contract.getOwner());
                    em.persist(attachment);
                }
                em.flush();
                unitOfWork.afterCommit(() -> events.publish(Contract.ENTITY, Change.UPDATED, contractId));
                return attachment;
            });
        } catch (RuntimeException e) {
            if (written[0] != null) {
                try {
                    Files.deleteIfExists(written[0]);
                } catch (IOException ignored) {
                    // the row was not written: the file is only an orphan in the folder
                }
            }
            throw e;
        }
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
        Object[] row = unitOfWork.read(em -> {
            ContractAttachment attachment = em.find(ContractAttachment.class, attachmentId);
            if (attachment == null) {
                throw invalid("attachment", NLS.bind(Messages.Attachment_notFound, attachmentId));
            }
            Contract contract = contract(em, attachment.getContractId());
            security.check(Action.READ, Contract.ENTITY, contract.getOwner());
            byte[] bytes = attachment.isInFolder() ? null
                    : em.createQuery("SELECT a.content FROM ContractAttachment a WHERE a.id = :id", byte[].class).setParameter("id", attachmentId)
                            .getSingleResult();
            return new Object[] { attachment.getFileName(), attachment.getStoredPath(), attachment.getChecksum(), bytes, contract.getNumber() };
        });
        String name = (String) row[0];
        String stored = (String) row[1];
        String sum = (String) row[2];
        byte[] bytes = (byte[]) row[3];
        if (stored != null) {
            Path base = folder.get().orElse(null);
            if (base == null) {
                throw invalid("attachment", NLS.bind(Messages.Attachment_noFolder, name, row[4]));
            }
            Path file = base.resolve(stored);
            if (!Files.isRegularFile(file)) {
                throw invalid("attachment", NLS.bind(Messages.Attachment_missing, new Object[] { name, row[4], file }));
            }
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw invalid("attachment", NLS.bind(Messages.Attachment_missing, new Object[] { name, row[4], file + ": " + e.getMessage() }));
            }
        }
        if (sum != null && !sum.equals(checksum(bytes))) {
            throw invalid("attachment", NLS.bind(Messages.Attachment_changed, new Object[] { name, row[4], stored == null ? "" : stored }));
        }
        return bytes;
    }

    @Override
    public void remove(long attachmentId) {
        String stored = unitOfWork.write(em -> {
            ContractAttachment attachment = em.find(ContractAttachment.class, attachmentId);
            if (attachment == null) {
                throw invalid("attachment", NLS.bind(Messages.Attachment_notFound, attachmentId));
            }
            Contract contract = contract(em, attachment.getContractId());
            security.check(Action.UPDATE, Contract.ENTITY, contract.getOwner());
            String path = attachment.getStoredPath();
            em.remove(attachment);
            unitOfWork.afterCommit(() -> events.publish(Contract.ENTITY, Change.UPDATED, contract.getId()));
            return path;
        });
        Optional<Path> base = folder.get();
        if (stored != null && base.isPresent()) {
            try {
                Files.deleteIfExists(base.get().resolve(stored));
            } catch (IOException e) {
                // the record is gone; a file that could not be removed stays in the folder, named by no row
            }
        }
    }
}
