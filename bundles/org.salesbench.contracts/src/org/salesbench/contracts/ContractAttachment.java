package org.salesbench.contracts;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * A file archived with a contract: an attachment (a signed scan, say) or a generated contract document
 * ({@link #getKind()}), its name, type, size and SHA-256 checksum, and its bytes in the database or, when a folder is
 * configured, in a file of that folder ({@link #getStoredPath()}, relative to it). The bytes are read only when asked
 * for ({@link ContractAttachments#content}); the owner is the contract's.
 */
@Entity
@Table(name = "SB_CONTRACT_ATTACHMENT")
public class ContractAttachment extends AbstractEntity {

    @Column(name = "CONTRACT_ID", nullable = false)
    private long contractId;

    @Column(name = "FILE_NAME", length = 255, nullable = false)
    private String fileName;

    @Column(name = "CONTENT_TYPE", length = 100)
    private String contentType;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "CONTENT")
    private byte[] content;

    @Column(name = "KIND", length = 16, nullable = false)
    private String kind = ContractAttachments.KIND_ATTACHMENT;

    @Column(name = "CHECKSUM", length = 64)
    private String checksum;

    @Column(name = "STORED_PATH", length = 512)
    private String storedPath;

    protected ContractAttachment() {
        // for JPA
    }

    public ContractAttachment(long contractId, String fileName, String contentType, byte[] content) {
        this.contractId = contractId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
        this.size = content.length;
    }

    /** A file kept in the archive folder at {@code storedPath} (relative to it): no bytes in the database. */
    public ContractAttachment(long contractId, String kind, String fileName, String contentType, long size, String checksum, String storedPath) {
        this.contractId = contractId;
        this.kind = kind;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.checksum = checksum;
        this.storedPath = storedPath;
    }

    public long getContractId() { return contractId; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSize() { return size; }
    /** {@link ContractAttachments#KIND_ATTACHMENT} or {@link ContractAttachments#KIND_DOCUMENT}. */
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    /** The SHA-256 of the bytes in lower-case hex ({@code null} for a file archived before checksums were kept). */
    public String getChecksum() { return checksum; }
    public void setChecksum(String checksum) { this.checksum = checksum; }
    /** Where the file is in the archive folder, relative to it; {@code null} when the bytes are in the database. */
    public String getStoredPath() { return storedPath; }
    public void setStoredPath(String storedPath) { this.storedPath = storedPath; }
    /** Whether the bytes are in a file of the archive folder rather than in the database. */
    public boolean isInFolder() { return storedPath != null; }
}
