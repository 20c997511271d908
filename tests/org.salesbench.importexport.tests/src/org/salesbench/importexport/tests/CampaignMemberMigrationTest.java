package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.internal.Migrator;
import org.salesbench.importexport.internal.Migrator.FileResult;
import org.salesbench.importexport.internal.Migrator.Orphans;

/**
 * Salesforce's CampaignMember.csv, with the columns its data export writes (Id, IsDeleted, CampaignId, LeadId,
 * ContactId, Status, HasResponded, CreatedDate, FirstRespondedDate, LeadOrContactId, LeadOrContactOwnerId, Type):
 * each member is kept, a lead without a source or campaign of its own gets the campaign, the summary counts the rows,
 * and a second run changes nothing.
 */
class CampaignMemberMigrationTest {

    @TempDir
    Path dir;

    @Test
    void campaignMembersMigrateAfterTheLeadsAndASecondRunChangesNothing() throws Exception {
        Path folder = VendorMigrationTest.salesforceExport(dir);
        // a fourth lead without a lead source, which its campaign gives one
        Files.writeString(folder.resolve("Lead.csv"), String.join("\r\n",
                "Id,FirstName,LastName,Company,Title,Email,Phone,LeadSource,Status,Industry,OwnerId,IsConverted,ConvertedAccountId",
                "00QA1,Mia,Wong,Wong Logistics,COO,mia@wong.example.invalid,,Web,Open - Not Contacted,Transportation,005A1,false,",
                "00QA2,Li,Na,Na Foods,,li@na.example.invalid,,Phone Inquiry,Working - Contacted,Food,005A2,false,",
                "00QA4,Rosa,Diaz,Diaz Dental,,rosa@diaz.example.invalid,,,Open - Not Contacted,,005A1,false,") + "\r\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("CampaignMember.csv"), String.join("\r\n",
                "Id,IsDeleted,CampaignId,LeadId,ContactId,Status,HasResponded,CreatedDate,FirstRespondedDate,LeadOrContactId,LeadOrContactOwnerId,Type",
                "00vA1,false,701A1,00QA1,,Sent,false,2026-03-01T10:00:00.000Z,,00QA1,005A1,Lead",
                "00vA2,false,701A1,00QA4,,Responded,true,2026-03-02T10:00:00.000Z,2026-03-05,00QA4,005A1,Lead",
                "00vA3,false,701A1,,003A1,Sent,false,2026-03-03T10:00:00.000Z,,003A1,005A1,Contact",
                "00vA4,false,701A1,00QZZ,,Sent,false,2026-03-04T10:00:00.000Z,,00QZZ,005A1,Lead") + "\r\n", StandardCharsets.UTF_8);
        try (SalesFixture f = new SalesFixture()) {
            Migrator migrator = new Migrator(f.engine);
            Map<String, FileResult> first = byFile(migrator.run("salesforce", folder, Orphans.PLACEHOLDER, null, new NullProgressMonitor()));
            List<String> order = List.copyOf(first.keySet());
            assertTrue(order.indexOf("CampaignMember.csv") > order.indexOf("Lead.csv") && order.indexOf("CampaignMember.csv") > order.indexOf("Contact.csv"),
                    order.toString());
            assertEquals(List.of(), Migrator.leftOut("salesforce", folder));

            ImportResult members = first.get("CampaignMember.csv").result();
            assertEquals(3, members.created(), members.errors().toString());
            assertEquals(1, members.failed(), "a member whose lead is not there is reported on its row");
            assertTrue(members.errors().get(0).message().contains("00QZZ"), members.errors().toString());
            assertEquals(3, f.count("SELECT COUNT(*) FROM SB_CAMPAIGN_MEMBER WHERE CAMPAIGN = '701A1'"));
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_CAMPAIGN_MEMBER m JOIN SB_LEAD l ON l.ID = m.LEAD_ID WHERE l.COMPANY = 'Diaz Dental'"
                    + " AND m.STATUS = 'Responded' AND m.RESPONDED = TRUE"));
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_CAMPAIGN_MEMBER m JOIN SB_CONTACT k ON k.ID = m.CONTACT_ID WHERE k.NAME = 'Wile Coyote'"
                    + " AND m.LEAD_ID IS NULL"), "ContactId resolved through the contacts' external ids");
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_LEAD WHERE COMPANY = 'Diaz Dental' AND SOURCE = '701A1' AND CAMPAIGN = '701A1'"),
                    "a lead without a source: the campaign is its source and its campaign");
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_LEAD WHERE COMPANY = 'Wong Logistics' AND SOURCE = 'WEB_FORM' AND CAMPAIGN = '701A1'"),
                    "a lead's own source is kept");
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_LEAD WHERE COMPANY = 'Na Foods' AND CAMPAIGN IS NULL"), "not a member");

            String before = snapshot(f);
            Map<String, FileResult> second = byFile(migrator.run("salesforce", folder, Orphans.PLACEHOLDER, null, new NullProgressMonitor()));
            assertEquals(0, second.get("CampaignMember.csv").result().created() + second.get("CampaignMember.csv").result().updated());
            assertEquals(3, second.get("CampaignMember.csv").result().skipped());
            assertEquals(before, snapshot(f), "a second run changes nothing");
        }
    }

    private static String snapshot(SalesFixture f) {
        return f.count("SELECT COUNT(*) FROM SB_CAMPAIGN_MEMBER") + " members, " + f.count("SELECT COUNT(*) FROM SB_LEAD") + " leads, "
                + f.count("SELECT COUNT(*) FROM SB_LEAD WHERE CAMPAIGN = '701A1'") + " in the campaign, "
                + f.count("SELECT COUNT(*) FROM SB_LEAD WHERE SOURCE = '701A1'") + " from it, versions "
                + f.count("SELECT SUM(VERSION) FROM SB_LEAD");
    }

    private static Map<String, FileResult> byFile(List<FileResult> results) {
        Map<String, FileResult> map = new LinkedHashMap<>();
        results.forEach(r -> map.put(r.spec().name(), r));
        return map;
    }
}
