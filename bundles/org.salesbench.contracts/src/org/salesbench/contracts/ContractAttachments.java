package org.salesbench.contracts;

import java.util.List;

/**
 * Files archived with contracts (signed scans), kept in the database. Attaching needs the right to change the contract,
 * reading its attachments the right to read it; a file larger than {@link #maxBytes()} or empty is refused with a
 * {@link org.salesbench.core.validation.ValidationException} naming the file, and nothing is stored. An OSGi service.
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

    ContractAttachment attach(long contractId, String fileName, String contentType, byte[] content);

    /** The contract's attachments, oldest first, without their bytes. */
    List<ContractAttachment> list(long contractId);

    /** The bytes of an attachment. */
    byte[] content(long attachmentId);

    /** Removes an attachment (the right to change its contract). */
    void remove(long attachmentId);
}
