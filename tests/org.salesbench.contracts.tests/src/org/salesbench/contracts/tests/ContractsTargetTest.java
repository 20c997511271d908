package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.audit.AuditEntry;
import org.salesbench.audit.AuditKind;
import org.salesbench.audit.internal.AuditTrailImpl;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.internal.receivables.AgeingReport;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.WriteOptions;
import org.salesbench.importexport.internal.ImportEngine;

/**
 * The {@code contracts} import/export target through the real import engine on Derby: an export imported into a fresh
 * database gives equal contracts; a sales rep's ACTIVE contract comes in as a DRAFT that goes through approval while an
 * approver's (the APPROVE right) stays ACTIVE; a bad amount or an unknown customer is a row error naming row and
 * column, and in all-or-nothing mode nothing is written; an update by number refuses a stale Version. A sales manager
 * (the APPROVE right on their people's contracts, no administrator; finance holds no APPROVE or CREATE on contracts in the
 * shipped roles) brings a contract of their rep's in with the file's status and signed date, and the audit trail names
 * the import's creation and its move to that status as the manager's.
 */
class ContractsTargetTest {

    @TempDir
    Path dir;

    private final List<ContractFixture> fixtures = new java.util.ArrayList<>();

    private ContractFixture fixture() {
        ContractFixture fx = new ContractFixture();
        fixtures.add(fx);
        return fx;
    }

    private static ImportEngine engine(ContractFixture fx) {
        DomainEventPublisher quiet = (entity, change, id) -> { };
        Map<Class<?>, Object> services = new HashMap<>();
        services.put(ContractService.class, fx.contracts);
        services.put(CustomerService.class, new CustomerServiceImpl(fx.db, fx.security, quiet));
        services.put(SecurityService.class, fx.security);
        services.put(DomainEventPublisher.class, quiet);
        return new ImportEngine(fx.db, services::get);
    }

    private static ImportResult load(ContractFixture fx, Path file, ImportSettings.Mode mode, MatchPolicy match) throws IOException {
        ImportEngine engine = engine(fx);
        ImportSettings settings = new ImportSettings("contracts", engine.preview(file, ReadOptions.DETECT, "contracts").mapping())
                .withMode(mode).withMatch(match);
        return engine.run(file, ReadOptions.DETECT, settings, new NullProgressMonitor());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static List<Contract> all(ContractFixture fx) {
        return fx.contracts.list(ContractFilter.all(), 0, 100).stream().sorted(Comparator.comparing(Contract::getNumber)).toList();
    }

    @AfterEach
    void close() {
        fixtures.forEach(ContractFixture::close);
    }

    @Test
    void anExportImportedIntoAFreshDatabaseGivesEqualContracts() throws IOException {
        ContractFixture source = fixture();
        Contract approved = source.approvedContract("仓储系统", "120000.50");
        Contract running = source.approvedContract("门店系统", "8000");
        source.as(ContractFixture.ADMIN);
        source.contracts.sign(running.getId(), source.today().minusDays(3));
        source.contracts.activate(running.getId());
        Path file = dir.resolve("contracts.csv");
        assertEquals(2, engine(source).export("contracts", null, file, WriteOptions.DEFAULT, new NullProgressMonitor()));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(approved.getNumber()) && text.contains("120000.50") && text.contains("ACTIVE"), text);

        ContractFixture target = fixture();
        // the same customers and won deals, by name, as the customers and opportunities targets would bring them first
        target.deal("仓储系统", "120000.50", true);
        target.deal("门店系统", "8000", true);
        target.as(ContractFixture.ADMIN);
        ImportResult result = load(target, file, ImportSettings.Mode.ALL_OR_NOTHING, MatchPolicy.NONE);
        assertEquals(2, result.created(), result.errors().toString());

        List<Contract> before = all(source);
        List<Contract> after = all(target);
        assertEquals(2, after.size());
        for (int i = 0; i < 2; i++) {
            Contract a = before.get(i);
            Contract b = after.get(i);
            assertEquals(a.getNumber(), b.getNumber());
            assertEquals(a.getCustomer().getName(), b.getCustomer().getName());
            assertEquals(a.getOpportunity().getName(), b.getOpportunity().getName());
            assertEquals(a.getOwner(), b.getOwner());
            assertEquals(a.getTitle(), b.getTitle());
            assertEquals(0, a.getAmount().getAmount().compareTo(b.getAmount().getAmount()), b.getNumber());
            assertEquals(a.getCurrency(), b.getCurrency());
            assertEquals(a.getStartDate(), b.getStartDate());
            assertEquals(a.getEndDate(), b.getEndDate());
            assertEquals(a.getStatus(), b.getStatus());
            assertEquals(a.getSignedOn(), b.getSignedOn());
        }
    }

    @Test
    void aRepsActiveContractComesInAsADraftWhileAnApproversStaysActive() throws IOException {
        ContractFixture fx = fixture();
        fx.deal("ERP", "1", true); // the customer 杭州云栖智能制造有限公司 ERP
        Path file = write("active.csv", """
                Number,Customer,Owner,Title,Amount,Currency,Start Date,End Date,Status,Signed On
                HT-M-1,杭州云栖智能制造有限公司 ERP,li.na,ERP 维保,36000.00,CNY,2026-01-01,2026-12-31,ACTIVE,2025-12-20
                """);
        fx.as(ContractFixture.REP);
        ImportResult rep = load(fx, file, ImportSettings.Mode.ALL_OR_NOTHING, MatchPolicy.NONE);
        assertEquals(1, rep.created(), rep.errors().toString());
        assertTrue(rep.notes().stream().anyMatch(n -> n.message().contains("approv")), rep.notes().toString());
        Contract draft = fx.contracts.findByNumber("HT-M-1").orElseThrow();
        assertEquals(ContractStatus.DRAFT, draft.getStatus());
        assertEquals(null, draft.getSignedOn());
        assertEquals(0, new BigDecimal("36000").compareTo(draft.getAmount().getAmount()));

        fx.as(ContractFixture.ADMIN); // holds the APPROVE right on contracts
        Files.writeString(file, Files.readString(file).replace("HT-M-1", "HT-M-2"));
        ImportResult approver = load(fx, file, ImportSettings.Mode.ALL_OR_NOTHING, MatchPolicy.NONE);
        assertEquals(1, approver.created(), approver.errors().toString());
        Contract migrated = fx.contracts.findByNumber("HT-M-2").orElseThrow();
        assertEquals(ContractStatus.ACTIVE, migrated.getStatus());
        assertEquals(LocalDate.of(2025, 12, 20), migrated.getSignedOn());
        assertEquals("li.na", migrated.getOwner());
    }

    @Test
    void aBadAmountOrAnUnknownCustomerIsARowErrorAndNothingIsWritten() throws IOException {
        ContractFixture fx = fixture();
        fx.deal("CRM", "1", true);
        fx.as(ContractFixture.ADMIN);
        long before = fx.count("SB_CONTRACT");
        long lines = fx.count("SB_CONTRACT_LINE");
        Path file = write("bad.csv", """
                Number,Customer,Title,Amount
                HT-B-1,杭州云栖智能制造有限公司 CRM,好的一行,1000.00
                HT-B-2,杭州云栖智能制造有限公司 CRM,坏金额,abc
                HT-B-3,不存在的公司,未知客户,500.00
                HT-B-4,杭州云栖智能制造有限公司 CRM,负金额,-5
                """);
        ImportResult result = load(fx, file, ImportSettings.Mode.ALL_OR_NOTHING, MatchPolicy.NONE);
        assertTrue(result.wroteNothing(), result.toString());
        assertEquals(before, fx.count("SB_CONTRACT"));
        assertEquals(lines, fx.count("SB_CONTRACT_LINE"));
        assertTrue(result.errors().stream().anyMatch(e -> e.row() == 3 && e.column().equals("Amount")), result.errors().toString());
        assertTrue(result.errors().stream().anyMatch(e -> e.row() == 4 && e.column().equals("Customer")), result.errors().toString());
        assertTrue(result.errors().stream().anyMatch(e -> e.row() == 5 && e.column().equals("Amount") && e.message().contains("-5")),
                result.errors().toString());
    }

    @Test
    void anUpdateByNumberChangesADraftAndRefusesAStaleVersion() throws IOException {
        ContractFixture fx = fixture();
        fx.deal("OA", "1", true);
        fx.as(ContractFixture.REP);
        Path file = write("new.csv", """
                Number,Customer,Title,Amount
                HT-U-1,杭州云栖智能制造有限公司 OA,OA 系统,1000.00
                """);
        assertEquals(1, load(fx, file, ImportSettings.Mode.ALL_OR_NOTHING, MatchPolicy.NONE).created());
        long version = fx.contracts.findByNumber("HT-U-1").orElseThrow().getVersion();
        MatchPolicy byNumber = new MatchPolicy(List.of("number"), MatchPolicy.OnMatch.UPDATE);
        Path edit = write("edit.csv", "Number,Title,Amount,Version\nHT-U-1,OA 系统二期,1500.00," + version + "\n");
        ImportResult updated = load(fx, edit, ImportSettings.Mode.ALL_OR_NOTHING, byNumber);
        assertEquals(1, updated.updated(), updated.errors().toString());
        Contract c = fx.contracts.findByNumber("HT-U-1").orElseThrow();
        assertEquals("OA 系统二期", c.getTitle());
        assertEquals(0, new BigDecimal("1500").compareTo(c.getAmount().getAmount()));
        // the same file again: its Version is no longer the stored one
        ImportResult stale = load(fx, edit, ImportSettings.Mode.ALL_OR_NOTHING, byNumber);
        assertEquals(1, stale.failed(), stale.toString());
        assertTrue(stale.errors().get(0).column().equals("Version"), stale.errors().toString());
        assertEquals("OA 系统二期", fx.contracts.findByNumber("HT-U-1").orElseThrow().getTitle());
    }

    @Test
    void anOwnerChangedByAnUpdateTakesTheDraftsInstalmentsAlongAndTheTotalsPerOwnerAgree() throws IOException {
        ContractFixture fx = fixture();
        fx.deal("OW", "1", true);
        fx.as(ContractFixture.REP);
        Path file = write("new.csv", """
                Number,Customer,Title,Amount
                HT-O-1,杭州云栖智能制造有限公司 OW,OA 系统,1000.00
                """);
        assertEquals(1, load(fx, file, ImportSettings.Mode.ALL_OR_NOTHING, MatchPolicy.NONE).created());
        Contract draft = fx.contracts.findByNumber("HT-O-1").orElseThrow();
        fx.money.setPlan(draft.getId(), List.of(PlannedInstalment.percent(fx.today().minusDays(10), "40"),
                PlannedInstalment.percent(fx.today().plusDays(20), "60")), null);
        fx.as(ContractFixture.ADMIN);
        long version = fx.contracts.findByNumber("HT-O-1").orElseThrow().getVersion();
        Path edit = write("owner.csv", "Number,Owner,Version\nHT-O-1," + ContractFixture.MANAGER + "," + version + "\n");
        ImportResult updated = load(fx, edit, ImportSettings.Mode.ALL_OR_NOTHING, new MatchPolicy(List.of("number"), MatchPolicy.OnMatch.UPDATE));
        assertEquals(1, updated.updated(), updated.errors().toString());
        assertEquals(ContractFixture.MANAGER, fx.contracts.findByNumber("HT-O-1").orElseThrow().getOwner());
        assertEquals(List.of(ContractFixture.MANAGER), instalmentOwners(fx, draft.getId()));
        // approved, the plan is receivable money: the totals kept per owner and the ageing by owner name the new owner only
        fx.contracts.submitForApproval(draft.getId());
        fx.contracts.recordApprovalDecision(draft.getId(), true, "同意");
        assertEquals(List.of(ContractFixture.MANAGER + " 1000.00 1000.00"), fx.db.read(em -> em.createNativeQuery(
                "SELECT OWNER, SUM(PLANNED), SUM(OPEN_AMOUNT) FROM SB_CONTRACT_DUE_TOTAL GROUP BY OWNER HAVING SUM(PLANNED) <> 0").getResultList()
                .stream().map(r -> ((Object[]) r)[0] + " " + money(((Object[]) r)[1]) + " " + money(((Object[]) r)[2])).toList()));
        ReportResult ageing = new AgeingReport().run(ContractFixture.reportContext(fx.db, fx.security), ReportFilter.all().withBy("owner"));
        assertEquals(List.of(ContractFixture.MANAGER), ageing.rows().stream().map(r -> String.valueOf(r.value(0))).toList());
        assertEquals(0, new BigDecimal("1000").compareTo((BigDecimal) ageing.rows().get(0).value(6)), ageing.rows().toString());
    }

    private static List<String> instalmentOwners(ContractFixture fx, long contractId) {
        return fx.db.read(em -> em.createNativeQuery("SELECT DISTINCT OWNER FROM SB_CONTRACT_INSTALMENT WHERE CONTRACT_ID = ?")
                .setParameter(1, contractId).getResultList().stream().map(String::valueOf).toList());
    }

    private static String money(Object value) {
        return new BigDecimal(value.toString()).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void anApproverWhoIsNoAdministratorImportsAContractWithItsStatusAndSignedDateAndTheAuditTrailSaysSo() throws IOException {
        ContractFixture fx = fixture();
        AuditTrailImpl audit = new AuditTrailImpl(fx.db, fx.security);
        try {
            fx.deal("HR", "1", true);
            Path file = write("signed.csv", """
                    Number,Customer,Owner,Title,Amount,Currency,Start Date,End Date,Status,Signed On
                    HT-F-1,杭州云栖智能制造有限公司 HR,li.na,HR 系统,52000.00,CNY,2026-02-01,2027-01-31,SIGNED,2026-01-15
                    """);
            fx.as(ContractFixture.MANAGER);
            ImportResult result = load(fx, file, ImportSettings.Mode.ALL_OR_NOTHING, MatchPolicy.NONE);
            assertEquals(1, result.created(), result.errors().toString());
            assertTrue(result.notes().isEmpty(), "no 'created as draft' note for an approver: " + result.notes());
            Contract signed = fx.contracts.findByNumber("HT-F-1").orElseThrow();
            assertEquals(ContractStatus.SIGNED, signed.getStatus());
            assertEquals(LocalDate.of(2026, 1, 15), signed.getSignedOn());
            assertEquals("li.na", signed.getOwner());
            assertEquals(ContractFixture.MANAGER, signed.getDecidedBy());

            List<AuditEntry> history = audit.history(Contract.ENTITY, signed.getId());
            assertTrue(history.stream().anyMatch(e -> e.kind() == AuditKind.CREATED && e.user().equals(ContractFixture.MANAGER)), history.toString());
            assertTrue(history.stream().anyMatch(e -> e.kind() == AuditKind.CHANGED && "status".equals(e.field()) && "DRAFT".equals(e.oldValue())
                    && "SIGNED".equals(e.newValue()) && e.user().equals(ContractFixture.MANAGER)), history.toString());
            // the signed date is stored with the creation; who decided is recorded with the move
            assertTrue(history.stream().anyMatch(e -> e.kind() == AuditKind.CHANGED && "decided_by".equals(e.field())
                    && ContractFixture.MANAGER.equals(e.newValue())), history.toString());
        } finally {
            audit.dispose();
        }
    }
}
