package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.audit.AuditEntry;
import org.salesbench.audit.AuditKind;
import org.salesbench.audit.internal.AuditTrailImpl;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractAttachment;
import org.salesbench.contracts.ContractAttachments;
import org.salesbench.contracts.internal.ContractAttachmentsImpl;
import org.salesbench.core.validation.ValidationException;

/**
 * Signed scans archived with a contract in the database: attached, listed, read back byte for byte, size-limited,
 * removed, and purged with the contract. In a configured folder: named safely, the bytes only in the file, the checksum
 * kept, a changed or missing file reported naming it, removal audited and the file removed with the record.
 */
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

    @Test
    void inAFolderTheFileIsNamedSafelyCheckedByItsChecksumAndARemovalIsAudited(@TempDir Path folder) throws IOException {
        ContractAttachmentsImpl archived = new ContractAttachmentsImpl(fx.db, fx.security, (e, c, id) -> { }, () -> Optional.of(folder));
        AuditTrailImpl audit = new AuditTrailImpl(fx.db, fx.security);
        try {
            Contract contract = fx.approvedContract("仓储系统", "120000");
            fx.as(ContractFixture.REP);
            byte[] scan = "%PDF-1.7 签字页".getBytes(StandardCharsets.UTF_8);
            ContractAttachment attached = archived.attach(contract.getId(), "../../签字 页:1?.pdf", "application/pdf", scan);
            ContractAttachment pdf = archived.attach(contract.getId(), ContractAttachments.KIND_DOCUMENT, contract.getNumber() + "-zh_CN.pdf",
                    "application/pdf", "%PDF-1.7 合同".getBytes(StandardCharsets.UTF_8));

            // the file is inside the folder, under the contract's number, named by the record's id and a safe name
            assertEquals(contract.getNumber() + "/" + attached.getId() + "-签字_页_1_.pdf", attached.getStoredPath());
            Path file = folder.resolve(attached.getStoredPath());
            assertArrayEquals(scan, Files.readAllBytes(file));
            assertEquals(ContractAttachmentsImpl.checksum(scan), attached.getChecksum());
            assertEquals(64, attached.getChecksum().length());
            assertEquals(2, fx.db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SB_CONTRACT_ATTACHMENT WHERE CONTENT IS NULL")
                    .getSingleResult()).longValue()), "no bytes in the database");
            assertEquals(List.of(ContractAttachments.KIND_ATTACHMENT, ContractAttachments.KIND_DOCUMENT),
                    archived.list(contract.getId()).stream().map(ContractAttachment::getKind).toList());
            assertArrayEquals(scan, archived.content(attached.getId()));
            try (var listing = Files.list(folder.resolve(contract.getNumber()))) {
                assertEquals(2, listing.count(), "no temporary file left beside them");
            }

            // changed behind our back, then gone: each reported naming the file and the contract
            Files.write(file, "forged".getBytes(StandardCharsets.UTF_8));
            ValidationException changed = assertThrows(ValidationException.class, () -> archived.content(attached.getId()));
            assertTrue(changed.getMessage().contains("签字 页:1?.pdf") && changed.getMessage().contains(contract.getNumber()), changed.getMessage());
            Files.delete(file);
            ValidationException missing = assertThrows(ValidationException.class, () -> archived.content(attached.getId()));
            assertTrue(missing.getMessage().contains(file.toString()) && missing.getMessage().contains(contract.getNumber()), missing.getMessage());

            // a refused file writes nothing: no row, no file
            System.setProperty(ContractAttachments.MAX_BYTES_PROPERTY, "4");
            assertThrows(ValidationException.class, () -> archived.attach(contract.getId(), "big.pdf", null, scan));
            System.clearProperty(ContractAttachments.MAX_BYTES_PROPERTY);
            try (var listing = Files.list(folder.resolve(contract.getNumber()))) {
                assertEquals(1, listing.count(), "only the generated document's file");
            }
            assertEquals(2, fx.count("SB_CONTRACT_ATTACHMENT"));

            // removing the document takes its file along and is in the audit trail
            archived.remove(pdf.getId());
            assertTrue(!Files.exists(folder.resolve(pdf.getStoredPath())));
            List<AuditEntry> history = audit.history(ContractAttachments.AUDIT_ENTITY, pdf.getId());
            assertTrue(history.stream().anyMatch(e -> e.kind() == AuditKind.CREATED && e.user().equals(ContractFixture.REP)), history.toString());
            assertTrue(history.stream().anyMatch(e -> e.kind() == AuditKind.DELETED && e.user().equals(ContractFixture.REP)
                    && e.oldValue().contains(contract.getNumber() + "-zh_CN.pdf") && e.oldValue().contains(pdf.getChecksum())), history.toString());
        } finally {
            audit.dispose();
        }
    }

    @Test
    void safeNamesKeepChineseAndLeaveNoWayOutOfTheFolder() {
        assertEquals("签字页.pdf", ContractAttachmentsImpl.safeName("签字页.pdf"));
        assertEquals("etc_passwd", ContractAttachmentsImpl.safeName("../../etc/passwd"));
        assertEquals("a_b_c.txt", ContractAttachmentsImpl.safeName("a\\b/c.txt"));
        assertEquals("_CON.txt", ContractAttachmentsImpl.safeName("CON.txt"));
        assertEquals("file", ContractAttachmentsImpl.safeName("..."));
        String longName = "长".repeat(300) + ".pdf";
        assertEquals(100, ContractAttachmentsImpl.safeName(longName).length());
        assertTrue(ContractAttachmentsImpl.safeName(longName).endsWith(".pdf"));
    }
}
