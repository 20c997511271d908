package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractAttachment;
import org.salesbench.contracts.ContractAttachments;
import org.salesbench.contracts.internal.ContractAttachmentsImpl;
import org.salesbench.core.validation.ValidationException;

/** Signed scans archived with a contract in the database: attached, listed, read back byte for byte, size-limited, removed, and purged with the contract. */
class ContractAttachmentsTest {

    private ContractFixture fx;
    private ContractAttachmentsImpl attachments;

    @BeforeEach
    void open() {
        fx = new ContractFixture();
        attachments = new ContractAttachmentsImpl(fx.db, fx.security, (e, c, id) -> { });
    }

    @AfterEach
    void close() {
        fx.close();
        System.clearProperty(ContractAttachments.MAX_BYTES_PROPERTY);
    }

    @Test
    void aScanIsAttachedListedAndReadBackAndWhatIsTooLargeOrEmptyIsRefused() {
        Contract contract = fx.approvedContract("仓储系统", "120000");
        byte[] scan = new byte[70_000];
        for (int i = 0; i < scan.length; i++) {
            scan[i] = (byte) (i * 31);
        }
        fx.as(ContractFixture.REP);
        ContractAttachment attached = attachments.attach(contract.getId(), "合同扫描件-签字页.pdf", "application/pdf", scan);
        attachments.attach(contract.getId(), "notes.txt", null, "盖章日期 2026-12-04".getBytes(StandardCharsets.UTF_8));

        List<ContractAttachment> listed = attachments.list(contract.getId());
        assertEquals(List.of("合同扫描件-签字页.pdf", "notes.txt"), listed.stream().map(ContractAttachment::getFileName).toList());
        assertEquals(70_000, listed.get(0).getSize());
        assertEquals(ContractFixture.REP, listed.get(0).getOwner());
        assertArrayEquals(scan, attachments.content(attached.getId()));

        System.setProperty(ContractAttachments.MAX_BYTES_PROPERTY, "65536");
        ValidationException tooLarge = assertThrows(ValidationException.class,
                () -> attachments.attach(contract.getId(), "big.tif", "image/tiff", scan));
        assertTrue(tooLarge.getMessage().contains("big.tif") && tooLarge.getMessage().contains("65536"), tooLarge.getMessage());
        assertEquals("content", assertThrows(ValidationException.class, () -> attachments.attach(contract.getId(), "empty.pdf", null, new byte[0]))
                .getErrors().get(0).field());
        assertEquals("fileName", assertThrows(ValidationException.class, () -> attachments.attach(contract.getId(), " ", null, new byte[] { 1 }))
                .getErrors().get(0).field());
        assertEquals(2, fx.count("SB_CONTRACT_ATTACHMENT"));

        // the rep's manager reads the team's
        fx.as(ContractFixture.MANAGER);
        assertEquals(2, attachments.list(contract.getId()).size());
        fx.as(ContractFixture.REP);
        attachments.remove(attached.getId());
        assertEquals(1, attachments.list(contract.getId()).size());

        // purging the rep's records takes the attachments with the contract
        fx.as(ContractFixture.ADMIN);
        fx.contracts.purgeOwnedBy(List.of(ContractFixture.REP));
        assertEquals(0, fx.count("SB_CONTRACT_ATTACHMENT"));
    }
}
