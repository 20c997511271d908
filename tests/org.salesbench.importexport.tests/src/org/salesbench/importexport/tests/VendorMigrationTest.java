package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.ValueMapping;
import org.salesbench.importexport.internal.Migrator;
import org.salesbench.importexport.internal.Migrator.FileResult;
import org.salesbench.importexport.internal.Migrator.Orphans;
import org.salesbench.importexport.internal.cli.MigrateCommand;
import org.salesbench.importexport.ImportService;
import org.salesbench.testing.CommandRunner;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.Picklists;

/**
 * Salesforce and Zoho CRM data export folders, written here in each vendor's documented shape (file names, column names,
 * record ids and their references, standard picklist values), migrated whole on the real services; the figures the
 * database holds afterwards are compared with figures computed from the rows written, and a second run changes nothing.
 */
class VendorMigrationTest {

    @TempDir
    Path dir;

    /** A deal as the test writes it, and the Salesbench stage its vendor stage stands for. */
    record Deal(String id, String account, String name, String stage, String amount, String close, String created, String stored) {
    }

    static final List<Deal> SALESFORCE_DEALS = List.of(
            new Deal("006A1", "001A1", "Rockets Q1", "Prospecting", "1200.50", "2026-12-31", "2026-01-10T08:00:00.000Z", "Qualification"),
            new Deal("006A2", "001A1", "Rockets Q2", "Qualification", "800", "2026-11-30", "2026-01-11T08:00:00.000Z", "Qualification"),
            new Deal("006A3", "001A2", "Globex pilot", "Value Proposition", "5000", "2026-10-15", "2026-02-01T08:00:00.000Z", "Needs analysis"),
            new Deal("006A4", "001A2", "Globex rollout", "Id. Decision Makers", "7000", "2026-10-20", "2026-02-02T08:00:00.000Z", "Needs analysis"),
            new Deal("006A5", "001A3", "Initech TPS", "Perception Analysis", "2500.25", "2026-09-30", "2026-03-01T08:00:00.000Z", "Proposal"),
            new Deal("006A6", "001A3", "Initech printers", "Proposal/Price Quote", "3100", "2026-09-15", "2026-03-02T08:00:00.000Z", "Proposal"),
            new Deal("006A7", "001A4", "Umbrella labs", "Negotiation/Review", "9900", "2026-08-31", "2026-04-01T08:00:00.000Z", "Negotiation"),
            // closed in the past; the second was entered into Salesforce after it had closed: closed on its day all the same
            new Deal("006A8", "001A1", "Rockets 2024", "Closed Won", "15000.75", "2024-06-28", "2024-01-05T08:00:00.000Z", "Closed won"),
            new Deal("006A9", "001A4", "Umbrella 2023", "Closed Won", "4200", "2023-11-15", "2025-02-01T08:00:00.000Z", "Closed won"),
            new Deal("006AA", "001A2", "Globex 2024", "Closed Lost", "6100", "2024-03-31", "2024-01-02T08:00:00.000Z", "Closed lost"),
            new Deal("006AB", "", "Walk-in", "Needs Analysis", "300", "2026-12-01", "2026-05-05T08:00:00.000Z", "Needs analysis"));

    private static void write(Path folder, String name, String... lines) throws IOException {
        Files.writeString(folder.resolve(name), String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    }

    /** The files of a Salesforce weekly data export, a few rows of each object. */
    static Path salesforceExport(Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve("salesforce"));
        write(folder, "User.csv", "Id,Username,LastName,FirstName,Alias,Email,IsActive",
                "005A1,ada@acme.example.invalid,Brinkmann,Ada,abrin,ada@acme.example.invalid,true",
                "005A2,ben@acme.example.invalid,Oyelaran,Ben,boyel,ben@acme.example.invalid,true");
        write(folder, "Account.csv",
                "Id,Name,Type,Industry,BillingStreet,BillingCity,BillingState,BillingPostalCode,BillingCountry,Phone,Website,AccountSource,OwnerId,CreatedDate,Description",
                "001A1,Acme Rockets,Customer - Direct,Aerospace,1 Desert Rd,Phoenix,AZ,85001,USA,(602) 555-0100,acme.example,Web,005A1,2023-05-01T10:00:00.000Z,Rockets",
                "001A2,Globex,Prospect,Energy,2 Cypress St,Springfield,OR,97477,USA,,,Partner Referral,005A2,2024-01-01T10:00:00.000Z,",
                "001A3,Initech,Technology Partner,Software,\"3 Office Park, Suite 5\",Austin,TX,73301,USA,,initech.example,,005A1,2024-02-01T10:00:00.000Z,",
                "001A4,北京伞业有限公司,Customer - Channel,Biotechnology,朝阳路 4 号,北京,北京,100020,China,010-5555 0101,,,005A2,2023-01-01T10:00:00.000Z,");
        write(folder, "Contact.csv", "Id,AccountId,FirstName,LastName,Title,Department,Phone,MobilePhone,Email,OwnerId,CreatedDate",
                "003A1,001A1,Wile,Coyote,Buyer,Purchasing,(602) 555-0111,,wile@acme.example.invalid,005A1,2023-05-02T10:00:00.000Z",
                "003A2,001A2,Hank,Scorpio,CEO,,,,hank@globex.example.invalid,005A2,2024-01-02T10:00:00.000Z",
                "003A3,001A3,Peter,Gibbons,Engineer,IT,,,peter@initech.example.invalid,005A1,2024-02-02T10:00:00.000Z",
                "003A4,,Solo,Trader,,,,,solo@example.invalid,005A1,2024-03-02T10:00:00.000Z",
                "003A5,001A4,伟,张,采购经理,采购部,,138 0000 0000,,005A2,2023-01-02T10:00:00.000Z");
        write(folder, "Lead.csv", "Id,FirstName,LastName,Company,Title,Email,Phone,LeadSource,Status,Industry,OwnerId,IsConverted,ConvertedAccountId",
                "00QA1,Mia,Wong,Wong Logistics,COO,mia@wong.example.invalid,,Web,Open - Not Contacted,Transportation,005A1,false,",
                "00QA2,Li,Na,Na Foods,,li@na.example.invalid,,Phone Inquiry,Working - Contacted,Food,005A2,false,",
                "00QA3,Cold,Caller,Cold Corp,,cold@corp.example.invalid,,Cold Call,Open - Not Contacted,,005A2,false,");
        StringBuilder deals = new StringBuilder("Id,AccountId,Name,StageName,Amount,Probability,CloseDate,Type,LeadSource,NextStep,OwnerId,CreatedDate,IsClosed,IsWon,"
                + "CampaignId");
        for (Deal d : SALESFORCE_DEALS) {
            boolean closed = d.stage().startsWith("Closed");
            // the first deal came from the campaign Campaign.csv holds
            deals.append("\r\n").append(String.join(",", d.id(), d.account(), d.name(), d.stage(), d.amount(), "", d.close(), "New Business",
                    "Web", "", "005A2", d.created(), String.valueOf(closed), String.valueOf(d.stage().equals("Closed Won")),
                    d == SALESFORCE_DEALS.get(0) ? "701A1" : ""));
        }
        write(folder, "Opportunity.csv", deals.toString());
        write(folder, "OpportunityHistory.csv", "Id,OpportunityId,StageName,Amount,CloseDate,CreatedDate",
                "008A1,006A8,Prospecting,15000.75,2024-06-28,2024-01-05T08:00:00.000Z",
                "008A2,006A5,Prospecting,2000,2026-09-30,2025-03-01T08:00:00.000Z",
                "008A3,006A5,Value Proposition,2000,2026-09-30,2025-04-01T08:00:00.000Z",
                "008A4,006A5,Perception Analysis,2000,2026-09-30,2025-05-01T08:00:00.000Z",
                "008A5,006A5,Perception Analysis,2500.25,2026-09-30,2025-05-15T08:00:00.000Z");
        write(folder, "Task.csv", "Id,WhoId,WhatId,Subject,ActivityDate,Status,TaskSubtype,OwnerId,Description,CreatedDate",
                "00TA1,003A1,006A1,Call about Q1,2026-02-01,Completed,Call,005A1,Wants a quote,2026-02-01T09:00:00.000Z",
                "00TA2,003A2,,Sent brochure,2026-02-02,Completed,Email,005A2,,2026-02-02T09:00:00.000Z",
                "00TA3,,001A3,Check contract,,Not Started,Task,005A1,,2026-02-03T09:00:00.000Z");
        write(folder, "Event.csv", "Id,WhoId,WhatId,Subject,ActivityDateTime,DurationInMinutes,Location,Description,EventSubtype",
                "00UA1,003A5,001A4,拜访北京伞业,2026-02-03T09:30:00.000Z,60,北京,,Event");
        write(folder, "Campaign.csv", "Id,Name,Type,Status", "701A1,Spring webinar,Webinar,Completed");
        return folder;
    }

    private static long count(SalesFixture f, String sql) {
        return f.count(sql);
    }

    /** Every table's row count and the amounts: what a second run must leave as it was. */
    private static String snapshot(SalesFixture f) {
        return List.of("SB_USER", "SB_PICKLIST_VALUE", "SB_CUSTOMER", "SB_CONTACT", "SB_LEAD", "SB_OPPORTUNITY", "SB_ACTIVITY", "SB_STAGE_HISTORY",
                "SB_IMPORT_EXTERNAL_ID", "SB_CONTACT_EXTERNAL_ID", "SB_ACTIVITY_EXTERNAL_ID", "SB_OPPORTUNITY_EXTERNAL_ID", "SB_CAMPAIGN_MEMBER").stream().map(t -> t + "=" + f.count("SELECT COUNT(*) FROM " + t)).toList()
                + " amount=" + f.sum("SELECT SUM(AMOUNT) FROM SB_OPPORTUNITY");
    }

    private static Map<String, FileResult> byFile(List<FileResult> results) {
        Map<String, FileResult> map = new LinkedHashMap<>();
        results.forEach(r -> map.put(r.spec().name(), r));
        return map;
    }

    @Test
    void aSalesforceExportMigratesWholeAndASecondRunChangesNothing() throws Exception {
        Path folder = salesforceExport(dir);
        // every object type the migration reads: the campaign's members too (a lead and a contact)
        write(folder, "CampaignMember.csv", "Id,IsDeleted,CampaignId,LeadId,ContactId,Status,HasResponded,CreatedDate,LeadOrContactId,Type",
                "00vA1,false,701A1,00QA1,,Sent,false,2026-03-01T10:00:00.000Z,00QA1,Lead",
                "00vA2,false,701A1,,003A1,Responded,true,2026-03-03T10:00:00.000Z,003A1,Contact");
        try (SalesFixture f = new SalesFixture()) {
            Migrator migrator = new Migrator(f.engine);
            Map<String, FileResult> first = byFile(migrator.run("salesforce", folder, Orphans.PLACEHOLDER, null, new NullProgressMonitor()));
            assertEquals(Migrator.files("salesforce").stream().map(Migrator.FileSpec::name).toList(), List.copyOf(first.keySet()),
                    "every file the migration declares is in the folder and read");
            List<String> read = first.keySet().stream().filter(n -> !n.equals("CampaignMember.csv")).toList();
            assertEquals(List.of("User.csv", "Account.csv", "Contact.csv", "Campaign.csv", "Lead.csv", "Opportunity.csv", "OpportunityHistory.csv",
                    "Task.csv", "Event.csv"), read, "in dependency order");
            List<String> order = List.copyOf(first.keySet());
            assertTrue(order.indexOf("CampaignMember.csv") > order.indexOf("Lead.csv") && order.indexOf("CampaignMember.csv") > order.indexOf("Contact.csv"),
                    order.toString());
            assertEquals(2, first.get("CampaignMember.csv").result().created(), first.get("CampaignMember.csv").result().errors().toString());
            assertEquals(2, count(f, "SELECT COUNT(*) FROM SB_CAMPAIGN_MEMBER"));
            assertEquals(List.of(), Migrator.leftOut("salesforce", folder));
            assertEquals(1, first.get("Campaign.csv").result().created(), first.get("Campaign.csv").result().errors().toString());
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_PICKLIST_VALUE WHERE LIST_ID = 'leadSource' AND CODE = '701A1' AND LABEL_EN = 'Spring webinar'"),
                    "a campaign is a lead source");
            for (FileResult r : first.values()) {
                if (!r.spec().name().equals("Lead.csv")) {
                    assertEquals(0, r.result().failed(), r.spec().name() + ": " + r.result().errors());
                }
            }
            assertEquals(2, first.get("User.csv").result().created());
            assertEquals(2, count(f, "SELECT COUNT(*) FROM SB_USER WHERE LOGIN IN ('abrin', 'boyel')"), "logins from the aliases");

            assertEquals(4, first.get("Account.csv").result().created());
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME = 'Acme Rockets' AND STATUS = 'ACTIVE'"
                    + " AND ADDRESS = '1 Desert Rd Phoenix 85001 USA' AND REGION = 'AZ'"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME = 'Globex' AND STATUS = 'PROSPECT'"));
            assertEquals(2, count(f, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE STATUS = 'ACTIVE' AND NAME <> 'Acme Rockets'"
                    + " AND NAME <> 'Globex'"), "Technology Partner and Customer - Channel are customers");
            String notes = f.db.read(em -> (String) em.createNativeQuery("SELECT NOTES FROM SB_CUSTOMER WHERE NAME = 'Acme Rockets'")
                    .getSingleResult());
            assertTrue(notes.contains("Phone: (602) 555-0100") && notes.contains("Website: acme.example"), notes);

            FileResult contacts = first.get("Contact.csv");
            assertEquals(5, contacts.result().created());
            assertEquals(1, contacts.orphans());
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_CONTACT k JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID"
                    + " WHERE k.NAME = 'Solo Trader' AND c.NAME = 'No account (migrated)'"), "the contact without an account");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_CONTACT k JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID"
                    + " WHERE k.NAME = '张伟' AND c.NAME = '北京伞业有限公司'"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_CONTACT k JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID"
                    + " WHERE k.NAME = 'Wile Coyote' AND c.NAME = 'Acme Rockets'"), "AccountId resolved through the external id");

            ImportResult leads = first.get("Lead.csv").result();
            assertEquals(2, leads.created());
            assertEquals(1, leads.failed(), "the unknown lead source is reported, not guessed");
            assertTrue(leads.errors().get(0).message().contains("Cold Call"), leads.errors().toString());
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_LEAD WHERE COMPANY = 'Wong Logistics' AND SOURCE = 'WEB_FORM' AND STATUS = 'NEW'"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_LEAD WHERE COMPANY = 'Na Foods' AND SOURCE = 'INBOUND_CALL' AND STATUS = 'WORKING'"
                    + " AND OWNER = 'boyel'"), "OwnerId resolved through User.csv");

            assertEquals(SALESFORCE_DEALS.size(), first.get("Opportunity.csv").result().created());
            assertDeals(f, SALESFORCE_DEALS);
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_OPPORTUNITY o JOIN SB_PICKLIST_VALUE s ON s.LIST_ID = 'leadSource' AND s.CODE = o.CAMPAIGN WHERE o.NAME = '"
                    + SALESFORCE_DEALS.get(0).name() + "' AND s.LABEL_EN = 'Spring webinar'"), "CampaignId: the deal's campaign");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE CAMPAIGN IS NOT NULL"));
            assertEquals(SALESFORCE_DEALS.size(), count(f, "SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE OWNER = 'boyel'"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_OPPORTUNITY o JOIN SB_CUSTOMER c ON c.ID = o.CUSTOMER_ID"
                    + " WHERE o.NAME = 'Walk-in' AND c.NAME = 'No account (migrated)'"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME = 'No account (migrated)'"), "one placeholder");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE NAME = 'Rockets 2024' AND ENGAGED_ON = DATE('2024-01-05')"),
                    "the created date is when selling began");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE NAME = 'Umbrella 2023' AND CLOSED_ON = DATE('2023-11-15')"
                    + " AND ENGAGED_ON = DATE('2023-11-15')"), "created after it closed: still closed on its day");

            ImportResult history = first.get("OpportunityHistory.csv").result();
            assertEquals(0, history.failed(), history.errors().toString());
            assertEquals(List.of("-> Qualification", "Qualification -> Needs analysis", "Needs analysis -> Proposal"), moves(f, "Initech TPS"),
                    "OpportunityHistory as the deal's moves; a row that only changed the amount moves nothing");

            assertEquals(3, first.get("Task.csv").result().created());
            assertEquals(1, first.get("Event.csv").result().created());
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_ACTIVITY a JOIN SB_CUSTOMER c ON c.ID = a.CUSTOMER_ID JOIN SB_CONTACT k"
                    + " ON k.ID = a.CONTACT_ID WHERE a.SUMMARY = 'Call about Q1' AND a.ACTIVITY_TYPE = 'CALL' AND c.NAME = 'Acme Rockets'"
                    + " AND k.NAME = 'Wile Coyote'"), "WhatId, an opportunity, names its account; WhoId the contact");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_ACTIVITY a JOIN SB_CUSTOMER c ON c.ID = a.CUSTOMER_ID"
                    + " WHERE a.SUMMARY = 'Sent brochure' AND a.ACTIVITY_TYPE = 'EMAIL' AND c.NAME = 'Globex'"), "no WhatId: the contact's account");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_ACTIVITY WHERE SUMMARY = 'Check contract' AND ACTIVITY_TYPE = 'NOTE'"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_ACTIVITY WHERE SUMMARY = '拜访北京伞业' AND ACTIVITY_TYPE = 'MEETING'"));

            String before = snapshot(f);
            List<FileResult> second = migrator.run("salesforce", folder, Orphans.PLACEHOLDER, null, new NullProgressMonitor());
            for (FileResult r : second) {
                assertEquals(0, r.result().created() + r.result().updated(), r.spec().name() + " changed on the second run");
            }
            assertEquals(before, snapshot(f), "a second run changes nothing");
        }
    }

    /**
     * An account of a type no picklist value stands for (Salesforce's "Analyst") is imported as a prospect, the type
     * reported, and its contacts, deals and tasks are kept; Chinese people's names come family name first with no
     * space wherever the export splits them: contacts, leads, the contact a task names, a customer made for a contact
     * without an account.
     */
    @Test
    void anUnknownAccountTypeKeepsTheAccountAndItsChildrenAndChineseNamesComeFamilyNameFirst() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("unknown-type"));
        write(folder, "Account.csv", "Id,Name,Type,Industry,OwnerId",
                "001B1,Hooli Research,Analyst,Technology,",
                "001B2,Pied Piper,Customer - Direct,Technology,");
        write(folder, "Contact.csv", "Id,AccountId,FirstName,LastName,Email",
                "003B1,001B1,三,张,zhang@hooli.example.invalid",
                "003B2,001B2,Richard,Hendricks,richard@piper.example.invalid",
                "003B3,,六,赵,zhao@example.invalid");
        write(folder, "Lead.csv", "Id,FirstName,LastName,Company,LeadSource,Status,IsConverted,ConvertedAccountId,ConvertedDate",
                "00QB1,小明,王,王氏贸易,Web,Open - Not Contacted,false,,",
                "00QB2,Gavin,Belson,Pied Piper,Web,Closed - Converted,true,001B2,2025-03-14");
        write(folder, "Opportunity.csv", "Id,AccountId,Name,StageName,Amount,CloseDate,CreatedDate",
                "006B1,001B1,Hooli study,Prospecting,900,2026-12-31,2026-01-10T08:00:00.000Z");
        write(folder, "Task.csv", "Id,WhoId,WhatId,Subject,ActivityDate,Status,TaskSubtype",
                "00TB1,003B1,006B1,致电张三,2026-02-01,Completed,Call");
        try (SalesFixture f = new SalesFixture()) {
            Map<String, FileResult> results = byFile(new Migrator(f.engine).run("salesforce", folder, Orphans.PER_CONTACT, null,
                    new NullProgressMonitor()));
            ImportResult accounts = results.get("Account.csv").result();
            assertEquals(2, accounts.created(), accounts.errors().toString());
            assertEquals(0, accounts.failed(), accounts.errors().toString());
            assertTrue(accounts.notes().stream().anyMatch(n -> n.message().contains("Analyst") && n.message().contains("PROSPECT")),
                    "the unknown type is reported: " + accounts.notes());
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME = 'Hooli Research' AND STATUS = 'PROSPECT'"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME = 'Pied Piper' AND STATUS = 'ACTIVE'"));
            for (String file : List.of("Contact.csv", "Lead.csv", "Opportunity.csv", "Task.csv")) {
                assertEquals(0, results.get(file).result().failed(), file + ": " + results.get(file).result().errors());
            }
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_CONTACT k JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID"
                    + " WHERE k.NAME = '张三' AND c.NAME = 'Hooli Research'"), "the unknown type's contact is kept");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_CONTACT WHERE NAME = 'Richard Hendricks'"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_CONTACT k JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID"
                    + " WHERE k.NAME = '赵六' AND c.NAME = '赵六'"), "a customer of its own, named as the contact is");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_LEAD WHERE COMPANY = '王氏贸易' AND CONTACT_NAME = '王小明'"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_LEAD l JOIN SB_CUSTOMER c ON c.ID = l.CUSTOMER_ID WHERE l.COMPANY = 'Pied Piper'"
                    + " AND l.STATUS = 'CONVERTED' AND l.CONVERTED_AT IS NOT NULL AND c.NAME = 'Pied Piper'"),
                    "ConvertedAccountId: the converted lead is linked to its customer");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_LEAD WHERE COMPANY = 'Pied Piper' AND DATE(CONVERTED_AT) = DATE('2025-03-14')"),
                    "ConvertedDate: converted on the day the export says, not on the day of the import");
            assertEquals(0, count(f, "SELECT COUNT(*) FROM SB_LEAD WHERE COMPANY = '王氏贸易' AND CUSTOMER_ID IS NOT NULL"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_OPPORTUNITY o JOIN SB_CUSTOMER c ON c.ID = o.CUSTOMER_ID"
                    + " WHERE o.NAME = 'Hooli study' AND c.NAME = 'Hooli Research'"), "the unknown type's deal is kept");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_ACTIVITY a JOIN SB_CONTACT k ON k.ID = a.CONTACT_ID"
                    + " WHERE a.SUMMARY = '致电张三' AND k.NAME = '张三'"), "the task's WhoId names the contact as it was stored");
        }
    }

    /**
     * With {@code --add-values} the lead source the list does not have ("Cold Call") is added to the editable list,
     * named as the export writes it, and its lead imported with it; the summary says so; a second run adds nothing.
     */
    @Test
    void anUnknownLeadSourceIsAddedToTheListWhenAsked() throws Exception {
        Path folder = salesforceExport(dir);
        try (SalesFixture f = new SalesFixture()) {
            long sources = count(f, SOURCES);
            CommandRunner cli = new CommandRunner(new MigrateCommand(), f.db).with(ImportService.class, f.engine);
            assertEquals(0, cli.run("salesforce", folder.toString(), "--add-values"), cli.out());
            assertTrue(cli.out().contains("Lead.csv → leads: created 3, updated 0, skipped 0, failed 0."), cli.out());
            assertTrue(cli.out().contains("\"Cold Call\" was not in the list; added to it as COLD_CALL"), cli.out());
            assertEquals(sources + 2, count(f, SOURCES), "Cold Call and the campaign");
            assertEquals(1, count(f, SOURCES + " AND CODE = 'COLD_CALL' AND LABEL_EN = 'Cold Call' AND LABEL_ZH = 'Cold Call'"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_LEAD WHERE COMPANY = 'Cold Corp' AND SOURCE = 'COLD_CALL'"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_LEAD WHERE COMPANY = 'Wong Logistics' AND SOURCE = 'WEB_FORM'"),
                    "a source the list has is not added again");

            assertEquals(0, cli.run("salesforce", folder.toString(), "--add-values"), cli.out());
            assertTrue(cli.out().contains("Lead.csv → leads: created 0, updated 0, skipped 3, failed 0."), cli.out());
            assertEquals(sources + 2, count(f, SOURCES), "nothing added twice");
        }
    }

    /**
     * A folder with none of the vendor's files (a wrong folder, or the export's zip not unpacked) is refused with exit 3
     * and a message that names the folder, the vendor and the files looked for; nothing is written.
     */
    @Test
    void aFolderWithNoneOfTheVendorsFilesIsRefusedByName() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("not-an-export"));
        Files.writeString(folder.resolve("notes.txt"), "not a CRM export");
        try (SalesFixture f = new SalesFixture()) {
            long customers = count(f, "SELECT COUNT(*) FROM SB_CUSTOMER");
            CommandRunner cli = new CommandRunner(new MigrateCommand(), f.db).with(ImportService.class, f.engine);
            CommandException refused = assertThrows(CommandException.class, () -> cli.run("Salesforce", folder.toString()));
            assertEquals(CliCommand.DATA, refused.exitCode());
            assertTrue(refused.getMessage().startsWith("The folder " + folder + " holds none of the files of a Salesforce export ("),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("Account.csv"), refused.getMessage());
            assertEquals(customers, count(f, "SELECT COUNT(*) FROM SB_CUSTOMER"));
            assertEquals(0, count(f, "SELECT COUNT(*) FROM SB_IMPORT_RUN"), "no run recorded");
        }
    }

    private static final String SOURCES = "SELECT COUNT(*) FROM SB_PICKLIST_VALUE WHERE LIST_ID = 'leadSource'";

    /**
     * The lead sources are a picklist, which only an administrator edits: a rep's migration does not add the export's
     * campaigns (each an error on its row saying so) nor, with {@code --add-values}, its unknown lead sources (noted;
     * the lead stays an error on its row); campaigns an administrator migrated before are skipped, so the rep's deals
     * and leads name them.
     */
    @Test
    void aRepsMigrationAddsNoLeadSources() throws Exception {
        Path folder = salesforceExport(dir);
        SecurityService rep = new LocalSecurityService("rep") {
            @Override
            public boolean isPermitted(Action action, String entity, String owner) {
                return !Picklists.ENTITY.equals(entity) || action == Action.READ;
            }
        };
        try (SalesFixture f = new SalesFixture(rep)) {
            long sources = count(f, SOURCES);
            Map<String, FileResult> first = byFile(new Migrator(f.engine).addingValues(true).run("salesforce", folder, Orphans.PLACEHOLDER, null,
                    new NullProgressMonitor()));
            ImportResult campaigns = first.get("Campaign.csv").result();
            assertEquals(1, campaigns.failed());
            assertTrue(campaigns.errors().get(0).message().contains("only an administrator may add or rename lead sources")
                    && campaigns.errors().get(0).message().contains("701A1"), campaigns.errors().toString());
            ImportResult leads = first.get("Lead.csv").result();
            assertEquals(2, leads.created(), leads.errors().toString());
            assertEquals(1, leads.failed(), "Cold Call is not added for a rep");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_LEAD WHERE COMPANY = 'Na Foods' AND INDUSTRY = 'Food'"),
                    "nor is an industry: kept as written");
            assertTrue(leads.notes().stream().anyMatch(n -> n.message().contains("only an administrator may add lead sources")), leads.notes().toString());
            assertEquals(sources, count(f, SOURCES), "nothing added to the list");
        }
        try (SalesFixture f = new SalesFixture()) { // the administrator migrated the campaigns first
            assertEquals(1, new Migrator(f.engine).run("salesforce", folder, Orphans.PLACEHOLDER, null, new NullProgressMonitor()).stream()
                    .filter(r -> r.spec().name().equals("Campaign.csv")).findFirst().orElseThrow().result().created());
        }
    }

    /** A deal's stage moves in time order, "from -> to" (no from for its first). */
    private static List<String> moves(SalesFixture f, String deal) {
        return f.db.read(em -> ((List<?>) em.createNativeQuery("SELECT fs.NAME, ts.NAME FROM SB_STAGE_HISTORY h"
                + " JOIN SB_OPPORTUNITY o ON o.ID = h.OPPORTUNITY_ID LEFT JOIN SB_STAGE fs ON fs.ID = h.FROM_STAGE_ID"
                + " JOIN SB_STAGE ts ON ts.ID = h.TO_STAGE_ID WHERE o.NAME = ? ORDER BY h.MOVED_AT, h.ID").setParameter(1, deal)
                .getResultList()).stream().map(r -> {
                    Object[] row = (Object[]) r;
                    return (row[0] == null ? "" : row[0] + " ") + "-> " + row[1];
                }).toList());
    }

    /** Counts and totals by stored stage, won revenue and close days, computed from the rows the test wrote. */
    private static void assertDeals(SalesFixture f, List<Deal> deals) {
        Map<String, BigDecimal> byStage = new TreeMap<>();
        Map<String, Long> countByStage = new TreeMap<>();
        BigDecimal won = BigDecimal.ZERO;
        for (Deal d : deals) {
            byStage.merge(d.stored(), new BigDecimal(d.amount()), BigDecimal::add);
            countByStage.merge(d.stored(), 1L, Long::sum);
            if (d.stored().equals("Closed won")) {
                won = won.add(new BigDecimal(d.amount()));
            }
        }
        Map<String, BigDecimal> actual = new TreeMap<>();
        Map<String, Long> actualCount = new TreeMap<>();
        f.db.read(em -> {
            for (Object o : em.createNativeQuery("SELECT CASE o.STATE WHEN 'WON' THEN 'Closed won' WHEN 'LOST' THEN 'Closed lost'"
                    + " ELSE s.NAME END, COUNT(*), SUM(o.AMOUNT) FROM SB_OPPORTUNITY o LEFT JOIN SB_STAGE s ON s.ID = o.STAGE_ID"
                    + " GROUP BY CASE o.STATE WHEN 'WON' THEN 'Closed won' WHEN 'LOST' THEN 'Closed lost' ELSE s.NAME END").getResultList()) {
                Object[] row = (Object[]) o;
                actual.put((String) row[0], new BigDecimal(row[2].toString()).stripTrailingZeros());
                actualCount.put((String) row[0], ((Number) row[1]).longValue());
            }
            return null;
        });
        Map<String, BigDecimal> expected = new TreeMap<>();
        byStage.forEach((k, v) -> expected.put(k, v.stripTrailingZeros()));
        assertEquals(countByStage, actualCount, "deals by stage");
        assertEquals(expected, actual, "totals by stage");
        assertEquals(0, won.compareTo(f.sum("SELECT SUM(AMOUNT) FROM SB_OPPORTUNITY WHERE STATE = 'WON'")), "won revenue");
        for (Deal d : deals) {
            if (d.stage().startsWith("Closed")) {
                assertEquals(1, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE NAME = '" + d.name() + "' AND CLOSED_ON = DATE('"
                        + d.close() + "')"), d.name() + " closed on the export's close date");
            }
        }
    }

    static final List<Deal> ZOHO_DEALS = List.of(
            new Deal("zcrm_9001", "zcrm_2001", "Rakuten CRM", "Qualification", "4000", "2026-12-15", "2026-03-01 10:00:00", "Qualification"),
            new Deal("zcrm_9002", "zcrm_2001", "Rakuten support", "Identify Decision Makers", "1500.5", "2026-11-15", "2026-03-02 10:00:00",
                    "Needs analysis"),
            new Deal("zcrm_9003", "zcrm_2002", "深圳电子 ERP", "Proposal/Price Quote", "88000", "2026-10-01", "2026-04-01 10:00:00", "Proposal"),
            new Deal("zcrm_9004", "zcrm_2002", "深圳电子 2024", "Closed Won", "120000", "2024-12-20", "2024-06-01 10:00:00", "Closed won"),
            new Deal("zcrm_9005", "zcrm_2001", "Rakuten 2023", "Closed-Lost to Competition", "2500", "2023-08-01", "2023-02-01 10:00:00",
                    "Closed lost"));

    /** The files of a Zoho CRM data backup: lookups and owners are record ids. */
    static Path zohoExport(Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve("zoho"));
        write(folder, "Users.csv", "Record Id,First Name,Last Name,Email,Role,Profile,Status",
                "zcrm_1001,Chen,Jing,chen.jing@shop.example.invalid,CEO,Administrator,Active",
                "zcrm_1002,Omar,Haddad,omar@shop.example.invalid,Manager,Standard,Active");
        write(folder, "Accounts.csv", "Record Id,Account Owner,Account Name,Phone,Website,Account Type,Industry,Billing Street,Billing City,"
                + "Billing State,Billing Code,Billing Country,Description,Created Time",
                "zcrm_2001,zcrm_1002,Rakuten Trading,+81 3 5555 0100,rakuten.example,Customer,Retail,1 Ginza,Tokyo,Tokyo,104-0061,Japan,,"
                        + "2023-01-10 09:00:00",
                "zcrm_2002,zcrm_1001,深圳电子有限公司,0755-5555 0100,,Prospect,Manufacturing,科技园 8 号,深圳,广东,518057,China,,2024-05-01 09:00:00");
        write(folder, "Contacts.csv", "Record Id,Contact Owner,First Name,Last Name,Account Name,Email,Phone,Mobile,Title,Department,Created Time",
                "zcrm_3001,zcrm_1002,Yui,Sato,zcrm_2001,yui@rakuten.example.invalid,,,Buyer,,2023-01-11 09:00:00",
                "zcrm_3002,zcrm_1001,芳,李,zcrm_2002,,,139 0000 0001,总经理,,2024-05-02 09:00:00",
                "zcrm_3003,zcrm_1001,Free,Lancer,,free@lancer.example.invalid,,,,,2024-05-03 09:00:00");
        write(folder, "Leads.csv", "Record Id,Lead Owner,First Name,Last Name,Company,Email,Phone,Lead Source,Lead Status,Industry",
                "zcrm_4001,zcrm_1002,Ivan,Petrov,Petrov LLC,ivan@petrov.example.invalid,,Trade Show,Contacted,Retail");
        StringBuilder deals = new StringBuilder("Record Id,Deal Owner,Deal Name,Account Name,Amount,Stage,Closing Date,Probability (%),"
                + "Lead Source,Type,Next Step,Reason For Loss,Created Time,Campaign Source");
        for (Deal d : ZOHO_DEALS) {
            deals.append("\r\n").append(String.join(",", d.id(), "zcrm_1001", d.name(), d.account(), d.amount(), d.stage(), d.close(), "",
                    "Trade Show", "New Business", "", d.stage().startsWith("Closed-Lost") ? "Price" : "", d.created(),
                    d == ZOHO_DEALS.get(0) ? "zcrm_8001" : ""));
        }
        write(folder, "Campaigns.csv", "Record Id,Campaign Owner,Campaign Name,Type,Status,Start Date,End Date",
                "zcrm_8001,zcrm_1001,Autumn expo,Trade Show,Completed,2026-02-01,2026-02-03");
        write(folder, "Deals.csv", deals.toString());
        write(folder, "Tasks.csv", "Record Id,Task Owner,Subject,Due Date,Status,Priority,Contact Name,Related To,Description",
                "zcrm_5001,zcrm_1002,Send price list,2026-03-05,Completed,High,zcrm_3001,zcrm_9001,");
        write(folder, "Calls.csv", "Record Id,Call Owner,Subject,Call Type,Call Start Time,Call Duration,Contact Name,Related To,Description",
                "zcrm_6001,zcrm_1001,回访,Outbound,2026-04-02 14:00:00,00:10,zcrm_3002,zcrm_2002,谈了报价");
        write(folder, "Events.csv", "Record Id,Host,Event Title,Start DateTime,End DateTime,Venue,Contact Name,Related To,Description",
                "zcrm_7001,zcrm_1002,Kick-off,2026-03-10 10:00:00,2026-03-10 11:00:00,Tokyo,zcrm_3001,zcrm_2001,");
        return folder;
    }

    @Test
    void aZohoExportMigratesFromTheCommandLineAndContactsWithoutAnAccountGetTheirOwn() throws Exception {
        Path folder = zohoExport(dir);
        for (Migrator.FileSpec spec : Migrator.files("zoho")) {
            assertTrue(Migrator.find(folder, spec.name()).isPresent(), "the folder has every object type the migration reads: " + spec.name());
        }
        try (SalesFixture f = new SalesFixture()) {
            CommandRunner cli = new CommandRunner(new MigrateCommand(), f.db).with(ImportService.class, f.engine);
            int exit = cli.run("zoho", folder.toString(), "--orphan-contacts", "per-contact");
            String out = cli.out();
            assertEquals(0, exit, out);
            assertTrue(out.contains("Deals.csv → opportunities: created 5, updated 0, skipped 0, failed 0."), out);
            assertTrue(out.contains("1 without an account each given a customer of their own"), out);
            assertEquals(2, count(f, "SELECT COUNT(*) FROM SB_USER WHERE EMAIL LIKE '%shop.example.invalid'"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME = 'Rakuten Trading' AND STATUS = 'ACTIVE'"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_CONTACT k JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID"
                    + " WHERE k.NAME = 'Free Lancer' AND c.NAME = 'Free Lancer'"), "a customer of its own");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_CONTACT k JOIN SB_CUSTOMER c ON c.ID = k.CUSTOMER_ID"
                    + " WHERE k.NAME = '李芳' AND c.NAME = '深圳电子有限公司'"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_LEAD WHERE COMPANY = 'Petrov LLC' AND SOURCE = 'TRADE_SHOW' AND STATUS = 'WORKING'"
                    + " AND CONTACT_NAME = 'Ivan Petrov'"));
            assertDeals(f, ZOHO_DEALS);
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE STATE = 'LOST' AND LOSS_REASON = 'PRICE'"), "Zoho's reason Price is the lossReason list's code");
            assertTrue(out.contains("Campaigns.csv → leadSources: created 1"), out);
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_OPPORTUNITY o JOIN SB_PICKLIST_VALUE s ON s.LIST_ID = 'leadSource'"
                    + " AND s.CODE = o.CAMPAIGN WHERE o.NAME = 'Rakuten CRM' AND s.CODE = 'zcrm_8001' AND s.LABEL_EN = 'Autumn expo'"),
                    "a Zoho campaign is a lead source; Campaign Source names it by its record id");
            assertEquals(3, count(f, "SELECT COUNT(*) FROM SB_ACTIVITY"));
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_ACTIVITY a JOIN SB_CUSTOMER c ON c.ID = a.CUSTOMER_ID JOIN SB_CONTACT k"
                    + " ON k.ID = a.CONTACT_ID WHERE a.SUMMARY = 'Send price list' AND c.NAME = 'Rakuten Trading' AND k.NAME = 'Yui Sato'"),
                    "Related To, a deal, names its account");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SB_ACTIVITY WHERE SUMMARY = '回访' AND ACTIVITY_TYPE = 'CALL'"));

            String before = snapshot(f);
            assertEquals(0, cli.run("zoho", folder.toString(), "--orphan-contacts", "per-contact"), cli.out());
            assertTrue(cli.out().contains("Deals.csv → opportunities: created 0, updated 0, skipped 5, failed 0."), cli.out());
            assertEquals(before, snapshot(f), "a second run changes nothing");
        }
    }

    /** {@code --orphan-contacts skip}: a contact without an account is left out, counted in the summary; its account's siblings are not. */
    @Test
    void contactsWithoutAnAccountAreLeftOutWhenAsked() throws Exception {
        Path folder = zohoExport(dir);
        try (SalesFixture f = new SalesFixture()) {
            CommandRunner cli = new CommandRunner(new MigrateCommand(), f.db).with(ImportService.class, f.engine);
            assertEquals(0, cli.run("zoho", folder.toString(), "--orphan-contacts", "skip"), cli.out());
            assertTrue(cli.out().contains("1 without an account left out"), cli.out());
            assertEquals(0, count(f, "SELECT COUNT(*) FROM SB_CONTACT WHERE NAME = 'Free Lancer'"));
            assertEquals(0, count(f, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME IN ('Free Lancer', 'No account (migrated)')"));
            assertEquals(2, count(f, "SELECT COUNT(*) FROM SB_CONTACT"), "the contacts with an account");
        }
    }

    /** Overrides that leave the columns out (owners named by IDs of users a single file does not bring). */
    private static Map<String, String> without(String... columns) {
        Map<String, String> map = new java.util.HashMap<>();
        for (String c : columns) {
            map.put(c, null);
        }
        return map;
    }

    @Test
    void singleFilesReadVendorHeadersAndStagesWithoutAMapping() throws Exception {
        Path folder = salesforceExport(dir);
        try (SalesFixture f = new SalesFixture()) {
            ImportResult accounts = f.importFile(folder.resolve("Account.csv"), "customers", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING);
            assertEquals(4, accounts.created(), accounts.errors().toString());
            ImportResult deals = f.importFile(folder.resolve("Opportunity.csv"), "opportunities", without("OwnerId"),
                    ValueMapping.NONE.with("lossReason", "", "Not recorded").with("customer", "", "No account"), Mode.ALL_OR_NOTHING);
            assertEquals(SALESFORCE_DEALS.size(), deals.created(), deals.errors().toString());
            assertDeals(f, SALESFORCE_DEALS);
            assertTrue(deals.notes().stream().anyMatch(n -> n.message().contains("Prospecting") && n.message().contains("Qualification")),
                    "the vendor's stage is read as ours, and said: " + deals.notes());
            Path zohoFolder = zohoExport(dir);
            ImportResult zohoAccounts = f.importFile(zohoFolder.resolve("Accounts.csv"), "customers", Map.of(), ValueMapping.NONE,
                    Mode.ALL_OR_NOTHING);
            assertEquals(2, zohoAccounts.created(), zohoAccounts.errors().toString());
            Map<String, String> zohoColumns = without("Deal Owner");
            zohoColumns.put("Account Name", "customerExternalId"); // a data backup's lookup holds the account's record id
            ImportResult zohoDeals = f.importFile(zohoFolder.resolve("Deals.csv"), "opportunities", zohoColumns, ValueMapping.NONE,
                    Mode.ALL_OR_NOTHING);
            assertEquals(ZOHO_DEALS.size(), zohoDeals.created(), zohoDeals.errors().toString());
        }
    }
}
