package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.internal.CommandRegistry;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractDocuments;
import org.salesbench.contracts.internal.documents.ContractDocumentsImpl;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.documents.templates.DocumentTemplates;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.testing.CommandRunner;
import org.salesbench.workflow.approvals.ApprovalService;

/**
 * The {@code contracts} command, and the {@code approvals} and {@code receivables} commands it works with, found through
 * the command extension point as the launcher finds them and run in-process ({@link CommandRunner}) over the real
 * services on an in-memory Derby database: a contract made from a won deal, listed in each format, taken through
 * approval and signing, and bad arguments refused with a message naming them and nothing written.
 */
class ContractsCommandTest {

    record Result(int code, String out, String err) {
    }

    @TempDir
    Path dir;

    private ContractFixture fx;
    private ContractDocumentsImpl documents;

    @BeforeEach
    void open() throws Exception {
        fx = new ContractFixture();
        attachments = new org.salesbench.contracts.internal.ContractAttachmentsImpl(fx.db, fx.security, (e, c, id) -> { }, java.util.Optional::empty);
        fx.as(ContractFixture.REP);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    /**
     * Runs the command {@code args[0]} with the rest as the signed-in user; a refusal becomes its exit code and its
     * message on standard error, as the launcher prints it.
     */
    private Result run(String... args) {
        CliCommand command = CommandRegistry.command(args[0]).orElseThrow().create().orElseThrow();
        CommandRunner runner = new CommandRunner(command, fx.db).with(ContractService.class, fx.contracts).with(ApprovalService.class, fx.engine)
                .with(ReceivablesService.class, fx.money).with(ContractDocuments.class, documents())
                .with(org.salesbench.contracts.ContractAttachments.class, attachments);
        try {
            int code = runner.run(Arrays.copyOfRange(args, 1, args.length));
            return new Result(code, runner.out(), runner.err());
        } catch (CommandException e) {
            return new Result(e.exitCode(), runner.out(), runner.err() + e.getMessage());
        }
    }

    /** Runs as {@code login}, then as the rep again. */
    private Result runAs(String login, String... args) {
        fx.as(login);
        try {
            return run(args);
        } finally {
            fx.as(ContractFixture.REP);
        }
    }

    private org.salesbench.contracts.internal.ContractAttachmentsImpl attachments;

    private ContractDocumentsImpl documents() {
        if (documents == null) {
            Bundle bundle = FrameworkUtil.getBundle(DocumentTemplates.class);
            try {
                if (bundle.getBundleContext() == null) {
                    bundle.start();
                }
            } catch (BundleException e) {
                throw new IllegalStateException(e);
            }
            ServiceTracker<DocumentTemplates, DocumentTemplates> tracker = new ServiceTracker<>(bundle.getBundleContext(), DocumentTemplates.class, null);
            tracker.open();
            try {
                DocumentTemplates templates = tracker.waitForService(10_000);
                assertNotNull(templates, "DocumentTemplates service");
                documents = new ContractDocumentsImpl(fx.db, fx.security, fx.contracts, fx.money, templates);
                documents.setAttachments(attachments);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                tracker.close();
            }
        }
        return documents;
    }

    /** A won deal of the rep's, written before the command runs. */
    private long wonDeal() {
        return fx.db.write(em -> {
            Customer customer = new Customer("苏州工业园区精密机械有限公司");
            customer.setStatus(CustomerStatus.ACTIVE);
            customer.setNormalizedName(customer.getName() + UUID.randomUUID());
            customer.setOwner(ContractFixture.REP);
            em.persist(customer);
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).setMaxResults(1).getSingleResult();
            Stage won = pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.WON).findFirst().orElseThrow();
            Opportunity deal = new Opportunity(customer, "数控车间改造", Money.cny("360000"));
            deal.setPipeline(pipeline);
            deal.setStage(won);
            deal.setState(StageKind.WON);
            deal.setProbability(100);
            deal.setOwner(ContractFixture.REP);
            deal.setClosedOn(LocalDate.now(Clocks.system()));
            em.persist(deal);
            return deal.getId();
        });
    }

    @Test
    void aContractIsMadeListedAndTakenThroughItsLife() {
        long deal = wonDeal();
        Result created = run("contracts", "create", "--from-opportunity", String.valueOf(deal));
        assertEquals(CliCommand.OK, created.code(), created.toString());
        String number = "HT-" + LocalDate.now(Clocks.system()).getYear() + "-00001";
        assertTrue(created.out().contains(number), created.out());

        Result csv = run("contracts", "list", "--format", "csv");
        assertEquals("id,number,title,customer,owner,status,amount,currency,signed_on,start_date,end_date", csv.out().lines().findFirst().orElseThrow());
        assertTrue(csv.out().contains("," + number + ",数控车间改造,苏州工业园区精密机械有限公司,") && csv.out().contains(",DRAFT,360000.00,CNY,"), csv.out());
        Result json = run("contracts", "list", "--status", "draft", "--mine", "--format", "json");
        assertTrue(json.out().contains("\"number\": \"" + number + "\""), json.out());
        Result none = run("contracts", "list", "--status", "signed", "--format", "json");
        assertEquals("[]", none.out().strip());

        Result early = run("contracts", "sign", number, "--date", LocalDate.now(Clocks.system()).toString());
        assertEquals(CliCommand.USAGE, early.code(), early.toString());
        assertTrue(early.err().contains(number), early.err());

        // the rep's manager approves the rep's request
        assertEquals(CliCommand.OK, run("contracts", "submit", number).code());
        Result approve = runAs(ContractFixture.MANAGER, "approvals", "list", "--format", "csv");
        String requestId = approve.out().lines().skip(1).findFirst().orElseThrow().split(",")[0];
        Result approved = runAs(ContractFixture.MANAGER, "approvals", "approve", requestId, "--comment", "同意");
        assertEquals(CliCommand.OK, approved.code(), approved.toString());
        Result signed = run("contracts", "sign", number, "--date", LocalDate.now(Clocks.system()).toString());
        assertEquals(CliCommand.OK, signed.code(), signed.toString());
        assertEquals(CliCommand.OK, run("contracts", "activate", number).code());
        Result shown = run("contracts", "show", number);
        assertTrue(shown.out().contains("ACTIVE") && shown.out().contains("数控车间改造"), shown.out());
        Result terminated = run("contracts", "terminate", number, "--reason", "客户破产");
        assertEquals(CliCommand.OK, terminated.code(), terminated.toString());
        assertTrue(run("contracts", "show", number, "--format", "json").out().contains("\"status\": \"TERMINATED\""));
    }

    @Test
    void severalContractsAreSubmittedAtOnceAndTheManagerApprovesEverythingWaitingForThem() {
        int year = LocalDate.now(Clocks.system()).getYear();
        for (int i = 0; i < 3; i++) {
            assertEquals(CliCommand.OK, run("contracts", "create", "--from-opportunity", String.valueOf(wonDeal())).code());
        }
        Result submitted = run("contracts", "submit", "HT-" + year + "-00001", "HT-" + year + "-00002", "HT-" + year + "-00003");
        assertEquals(CliCommand.OK, submitted.code(), submitted.toString());
        assertEquals(3, submitted.out().lines().filter(l -> l.contains("HT-" + year)).count(), submitted.out());

        // the rep has nothing waiting for them; the manager approves all three, one by one
        Result nothing = run("approvals", "approve", "--pending");
        assertEquals(CliCommand.OK, nothing.code(), nothing.toString());
        assertTrue(nothing.out().contains("Approved 0 request(s)"), nothing.out());
        Result approved = runAs(ContractFixture.MANAGER, "approvals", "approve", "--pending", "--comment", "同意");
        assertEquals(CliCommand.OK, approved.code(), approved.toString());
        assertEquals(3, approved.out().lines().filter(l -> l.startsWith("Request #")).count(), approved.out());
        assertTrue(approved.out().contains("Approved 3 request(s)"), approved.out());
        Result list = run("contracts", "list", "--status", "approved", "--format", "csv");
        assertEquals(3, list.out().lines().skip(1).count(), list.out());
        Result again = runAs(ContractFixture.MANAGER, "approvals", "approve", "--pending");
        assertTrue(again.out().contains("Approved 0 request(s)"), again.out());
    }

    @Test
    void badArgumentsAreRefusedNamingThemAndNothingIsWritten() {
        long deal = wonDeal();
        Result both = run("contracts", "create", "--from-opportunity", String.valueOf(deal), "--from-quote", "3");
        assertEquals(CliCommand.USAGE, both.code(), both.toString());
        Result notAnId = run("contracts", "create", "--from-quote", "三");
        assertEquals(CliCommand.USAGE, notAnId.code());
        assertTrue(notAnId.err().contains("三"), notAnId.err());
        Result noDate = run("contracts", "sign", "HT-2026-00001");
        assertEquals(CliCommand.USAGE, noDate.code());
        assertTrue(noDate.err().contains("--date"), noDate.err());
        Result badDate = run("contracts", "sign", "HT-2026-00001", "--date", "2026-13-45");
        assertTrue(badDate.err().contains("2026-13-45"), badDate.err());
        Result noReason = run("contracts", "terminate", "HT-2026-00001");
        assertTrue(noReason.err().contains("--reason"), noReason.err());
        Result badStatus = run("contracts", "list", "--status", "lost");
        assertEquals(CliCommand.USAGE, badStatus.code());
        assertTrue(badStatus.err().contains("lost"), badStatus.err());
        Result unknown = run("contracts", "renew");
        assertTrue(unknown.err().contains("renew"), unknown.err());
        Result missing = run("contracts", "show", "HT-1999-99999");
        assertEquals(CliCommand.USAGE, missing.code());
        assertTrue(missing.err().contains("HT-1999-99999"), missing.err());
        Result notWon = run("contracts", "create", "--from-opportunity", "999999");
        assertEquals(CliCommand.USAGE, notWon.code());
        assertEquals("[]", run("contracts", "list", "--format", "json").out().strip());
    }

    /** Writes the contract's dates as an editor would have before it was signed. */
    private long datesAndCustomer(String number, LocalDate start, LocalDate end) {
        return fx.db.write(em -> {
            org.salesbench.contracts.Contract c = em.createQuery("SELECT c FROM Contract c WHERE c.number = :n", org.salesbench.contracts.Contract.class)
                    .setParameter("n", number).getSingleResult();
            c.setStartDate(start);
            c.setEndDate(end);
            return c.getCustomer().getId();
        });
    }

    private void approveFirstPending() {
        Result pending = runAs(ContractFixture.MANAGER, "approvals", "list", "--format", "csv");
        // the request still pending (an earlier one may be listed as approved)
        String requestId = pending.out().lines().skip(1).filter(l -> l.contains(",PENDING,") || l.contains(",IN_PROGRESS,")).findFirst()
                .orElseGet(() -> pending.out().lines().skip(1).reduce((a, b) -> b).orElseThrow()).split(",")[0];
        Result approved = runAs(ContractFixture.MANAGER, "approvals", "approve", requestId, "--comment", "同意");
        assertEquals(CliCommand.OK, approved.code(), approved.toString());
    }

    @Test
    void aContractIsRenewedAndTheCustomersCreditPaysTheRenewalsFirstInstalment() {
        long deal = wonDeal();
        int year = LocalDate.now(Clocks.system()).getYear();
        String number = "HT-" + year + "-00001";
        String today = LocalDate.now(Clocks.system()).toString();
        assertEquals(CliCommand.OK, run("contracts", "create", "--from-opportunity", String.valueOf(deal)).code());
        assertEquals(CliCommand.OK, run("contracts", "submit", number).code());
        approveFirstPending();
        assertEquals(CliCommand.OK, run("contracts", "sign", number, "--date", today).code());
        // without dates its term is unknown: refused, naming it
        Result undated = run("contracts", "renew", number, "--contract");
        assertEquals(CliCommand.USAGE, undated.code(), undated.toString());
        assertTrue(undated.err().contains(number), undated.err());
        long customer = datesAndCustomer(number, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));

        // renew makes the renewal opportunity: the contract's customer, amount and owner, closing on its end date; once
        Result opportunity = run("contracts", "renew", number);
        assertEquals(CliCommand.OK, opportunity.code(), opportunity.toString());
        org.salesbench.opportunities.Opportunity renewalDeal = fx.opportunities
                .find(fx.db.read(em -> em.createQuery("SELECT c.renewalOpportunityId FROM Contract c WHERE c.number = :n", Long.class)
                        .setParameter("n", number).getSingleResult())).orElseThrow();
        assertTrue(opportunity.out().contains(renewalDeal.getName()) && opportunity.out().contains(year + "-12-31"), opportunity.out());
        assertEquals(customer, renewalDeal.getCustomer().getId());
        assertEquals(Money.cny("360000.00"), renewalDeal.getAmount());
        assertEquals(ContractFixture.REP, renewalDeal.getOwner());
        assertEquals(LocalDate.of(year, 12, 31), renewalDeal.getExpectedCloseDate());
        Result twice = run("contracts", "renew", number);
        assertEquals(CliCommand.USAGE, twice.code(), twice.toString());
        assertTrue(twice.err().contains(number) && twice.err().contains(renewalDeal.getName()), twice.err());
        assertEquals(2, fx.count("SB_OPPORTUNITY"), "the won deal and one renewal deal");

        // renew --contract makes the next contract
        Result renewed = run("contracts", "renew", number, "--contract");
        assertEquals(CliCommand.OK, renewed.code(), renewed.toString());
        String renewal = "HT-" + year + "-00002";
        assertTrue(renewed.out().contains(renewal), renewed.out());
        Result shown = run("contracts", "show", renewal, "--format", "json");
        assertTrue(shown.out().contains("\"status\": \"DRAFT\"") && shown.out().contains((year + 1) + "-12-31") && shown.out().contains("360000.00"),
                shown.out());

        // 100 over-paid on the first contract pays part of the renewal's first instalment
        assertEquals(CliCommand.OK, run("receivables", "plan", number, "--set", today + "=100%", "--reason", "一次付清").code());
        assertEquals(CliCommand.OK, run("receivables", "receipt", number, "--amount", "360100", "--date", today).code());
        assertEquals("100.00", run("receivables", "credit", String.valueOf(customer)).out().strip());
        Result onDraft = run("receivables", "apply-credit", renewal, "--instalment", "1", "--amount", "100");
        assertEquals(CliCommand.USAGE, onDraft.code(), onDraft.toString());
        assertEquals(CliCommand.OK, run("contracts", "submit", renewal).code());
        approveFirstPending();
        assertEquals(CliCommand.OK, run("receivables", "plan", renewal, "--set", (year + 1) + "-01-31=50%," + (year + 1) + "-06-30=50%").code());
        Result noInstalment = run("receivables", "apply-credit", renewal, "--amount", "100");
        assertEquals(CliCommand.USAGE, noInstalment.code());
        assertTrue(noInstalment.err().contains("--instalment"), noInstalment.err());
        Result applied = run("receivables", "apply-credit", renewal, "--instalment", "1", "--amount", "100");
        assertEquals(CliCommand.OK, applied.code(), applied.toString());
        assertEquals("0.00", run("receivables", "credit", String.valueOf(customer)).out().strip());
        Result plan = run("receivables", "plan", renewal, "--format", "csv");
        assertTrue(plan.out().contains(",180000.00,50,100.00,179900.00"), plan.out());

        // the renewal printed with its plan; a missing --out is refused before anything is written
        assertEquals(CliCommand.USAGE, run("contracts", "print", renewal).code());
        Path pdf = dir.resolve("renewal.pdf");
        Result printed = run("contracts", "print", renewal, "--out", pdf.toString(), "--lang", "zh_CN");
        assertEquals(CliCommand.OK, printed.code(), printed.toString());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains(renewal) && text.contains("360,000.00") && text.contains("180,000.00"), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void namedTemplatesAreKeptFromTheCommandLineAndGenerateChoosesOne() throws Exception {
        long deal = wonDeal();
        assertEquals(CliCommand.OK, run("contracts", "create", "--from-opportunity", String.valueOf(deal)).code());
        String number = "HT-" + LocalDate.now(Clocks.system()).getYear() + "-00001";
        Path frame = dir.resolve("frame.mustache");
        java.nio.file.Files.writeString(frame, "# 框架协议 {{number}}\n合计：{{amount}}\n");
        Path broken = dir.resolve("broken.mustache");
        java.nio.file.Files.writeString(broken, "# {{number}}\n{{amount.nonsense}}\n");

        // finance keeps them (the right is the roles' on a team server: PostgresContractTest); a broken one is refused
        Result refused = runAs(ContractFixture.FINANCE, "contracts", "template", "new", "坏模板", "--lang", "zh_CN", "--file", broken.toString());
        assertEquals(CliCommand.USAGE, refused.code(), refused.toString());
        assertTrue(refused.err().contains("2"), refused.err());
        assertEquals(CliCommand.USAGE, runAs(ContractFixture.FINANCE, "contracts", "template", "new", "x", "--file", frame.toString()).code());
        Result made = runAs(ContractFixture.FINANCE, "contracts", "template", "new", "框架协议", "--lang", "zh_CN", "--file", frame.toString());
        assertEquals(CliCommand.OK, made.code(), made.toString());
        assertEquals(CliCommand.OK, runAs(ContractFixture.FINANCE, "contracts", "template", "copy", "shipped-en", "Standard sales contract").code());
        assertEquals(CliCommand.OK, runAs(ContractFixture.FINANCE, "contracts", "template", "rename", "Standard sales contract", "Service agreement").code());
        Result taken = runAs(ContractFixture.FINANCE, "contracts", "template", "copy", "shipped-en", "SERVICE AGREEMENT");
        assertEquals(CliCommand.USAGE, taken.code(), taken.toString());
        Result list = run("contracts", "template", "list", "--format", "csv");
        assertEquals("id,name,lang,shipped,default,updated_by,updated_at", list.out().lines().findFirst().orElseThrow());
        assertTrue(list.out().contains(",Service agreement,en,false,false," + ContractFixture.FINANCE + ",")
                && list.out().contains(",框架协议,zh_CN,false,false,") && list.out().contains("-2,shipped-zh_CN,zh_CN,true,true,"), list.out());
        assertEquals("# 框架协议 {{number}}\n合计：{{amount}}\n", run("contracts", "template", "show", "框架协议").out());
        Result unknown = run("contracts", "generate", number, "--template", "没有这个");
        assertEquals(CliCommand.USAGE, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("没有这个") && unknown.err().contains("框架协议"), unknown.err());

        // generate with a named template: the PDF archived with the contract, in the template's language
        Result generated = run("contracts", "generate", number, "--template", "框架协议");
        assertEquals(CliCommand.OK, generated.code(), generated.toString());
        long attachment = Long.parseLong(generated.out().strip());
        Path out = dir.resolve("generated.pdf");
        assertEquals(CliCommand.OK, run("contracts", "extract", String.valueOf(attachment), "--out", out.toString()).code());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(out.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("框架协议 " + number) && text.contains("360,000.00"), text);
        }
        assertTrue(run("contracts", "attachments", number, "--format", "csv").out().contains(number + "-zh_CN.pdf"));
        // deleted, it is gone; the shipped ones are not deleted
        assertEquals(CliCommand.USAGE, runAs(ContractFixture.FINANCE, "contracts", "template", "delete", "shipped-zh_CN").code());
        assertEquals(CliCommand.OK, runAs(ContractFixture.FINANCE, "contracts", "template", "delete", "框架协议").code());
        assertEquals(CliCommand.USAGE, run("contracts", "generate", number, "--template", "框架协议").code());
    }
}
