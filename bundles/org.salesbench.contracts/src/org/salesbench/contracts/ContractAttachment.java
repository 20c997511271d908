package org.salesbench.contracts;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * A file archived with a contract (a signed scan, say), stored in the database: its name, type, size and bytes. The
 * bytes are read only when asked for ({@link ContractAttachments#content}); the owner is the contract's.
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
    @Column(name = "CONTENT", nullable = false)
    private byte[] content;

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

    public long getContractId() { return contractId; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSize() { return size; }
}
