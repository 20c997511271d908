package org.salesbench.contracts;

import java.util.List;

/**
 * Files archived with contracts: attachments (signed scans) and the generated contract documents (PDF). Kept in the
 * database, or, when the preference {@code archive.folder} of {@code org.salesbench.contracts} names a folder, in that
 * folder (a sub-folder per contract, files named safely from the contract number, the record's id and the file name,
 * written whole or not at all), the database keeping the name, size, SHA-256 checksum and path. Attaching needs the
 * right to change the contract, reading its attachments the right to read it; a file larger than {@link #maxBytes()}
 * or empty is refused with a {@link org.salesbench.core.validation.ValidationException} naming the file, and nothing is
 * stored. A file missing from the folder, or changed there since (its checksum differs), is reported naming it and the
 * folder. Adding and removing are in the audit trail (entity {@value #AUDIT_ENTITY}). An OSGi service.
 */
public interface ContractAttachments {

    /** The system property holding the largest file accepted, in bytes. */
    String MAX_BYTES_PROPERTY = "salesbench.contracts.attachmentMaxBytes";

    /** The default limit: 20 MB. */
    long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    /** The largest file accepted. */
    default long maxBytes() {
        return Long.getLong(MAX_BYTES_PROPERTY, DEFAULT_MAX_BYTES);
    }

    /** An attachment: a file a user added (a signed scan, say). */
    String KIND_ATTACHMENT = "ATTACHMENT";

    /** A contract document generated from the template (a PDF). */
    String KIND_DOCUMENT = "DOCUMENT";

    /** The entity under which the audit trail records attachments added and removed. */
    String AUDIT_ENTITY = "contract_attachment";

    /** An attachment ({@link #KIND_ATTACHMENT}). */
    default ContractAttachment attach(long contractId, String fileName, String contentType, byte[] content) {
        return attach(contractId, KIND_ATTACHMENT, fileName, contentType, content);
    }

    /** A file of the kind given ({@link #KIND_ATTACHMENT} or {@link #KIND_DOCUMENT}), archived where the settings say. */
    ContractAttachment attach(long contractId, String kind, String fileName, String contentType, byte[] content);

    /** The folder files are archived in, or empty when they are kept in the database. */
    java.util.Optional<java.nio.file.Path> archiveFolder();

    /**
     * Sets the folder new files are archived in (the preference {@code archive.folder}); empty: the database. Files
     * archived before stay where they are. A folder that does not exist or cannot be written is refused, naming it.
     */
    void setArchiveFolder(java.util.Optional<java.nio.file.Path> folder);

    /** The contract's attachments, oldest first, without their bytes. */
    List<ContractAttachment> list(long contractId);

    /**
     * The bytes of an attachment, from the database or the archive folder; a file missing from the folder, or whose
     * checksum differs from the one kept, is refused with a ValidationException naming it and where it was looked for.
     */
    byte[] content(long attachmentId);

    /** Removes an attachment (the right to change its contract). */
    void remove(long attachmentId);
}
