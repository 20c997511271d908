package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.customers.tests.CustomerFixture.contact;
import static org.salesbench.customers.tests.CustomerFixture.customer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.DuplicateCandidate;
import org.salesbench.customers.DuplicateCandidate.Reason;
import org.salesbench.persistence.ConcurrentChangeException;

class CustomerServiceTest {

    private CustomerFixture fx;

    @BeforeEach
    void open() {
        fx = new CustomerFixture();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private Customer huawei() {
        Customer c = customer("深圳华为技术有限公司");
        c.setShortName("华为");
        c.setCreditCode(CreditCode.withCheckCharacter("91440300MA5FABCD1"));
        c.setIndustry("通信");
        c.setRegion("广东");
        c.setGrade("A");
        c.getTags().addAll(List.of("战略客户", "5G"));
        Contact li = c.addContact(contact("李伟", "+86 138 0013 8000", "li.wei@huawei.example"));
        li.setTitle("采购总监");
        li.setDecisionRole("DECISION_MAKER");
        li.setPrimary(true);
        c.addContact(contact("Wang Fang", "0755-2878 0808", null));
        c.addActivity(new Activity(ActivityType.VISIT, LocalDateTime.of(2026, 11, 2, 10, 0), "首次拜访"));
        return c;
    }

    /**
     * Company size, source and a contact's decision role are picklist codes whoever writes them: a code (any case) or a
     * label in either language is stored as the code; a text no value has is kept as written.
     */
    @Test
    void sizeSourceAndDecisionRoleAreStoredAsCodesForACodeOrEitherLabel() {
        Customer c = customer("码表有限公司");
        c.setSize("100–999 人"); // the Chinese label of MEDIUM
        c.setSource(" web form "); // the English label of WEB_FORM, another case, blanks around
        Contact k = c.addContact(contact("张三", null, null));
        k.setDecisionRole("把关者"); // GATEKEEPER in Chinese
        Contact other = c.addContact(contact("李四", null, null));
        other.setDecisionRole("champion");
        long id = fx.service.create(c).getId();
        Customer read = fx.service.find(id).orElseThrow();
        assertEquals("MEDIUM", read.getSize());
        assertEquals("WEB_FORM", read.getSource());
        assertEquals(Set.of("GATEKEEPER", "CHAMPION"), Set.of(read.getContacts().get(0).getDecisionRole(), read.getContacts().get(1).getDecisionRole()));

        read.setSize("Enterprise-ish");
        read.setSource("展会");
        fx.service.update(read);
        Customer again = fx.service.find(id).orElseThrow();
        assertEquals("Enterprise-ish", again.getSize(), "a text no value has is kept as written");
        assertEquals("TRADE_SHOW", again.getSource());
        org.salesbench.persistence.Picklists picklists = org.salesbench.persistence.Picklists.open(fx.db,
                new org.salesbench.core.security.LocalSecurityService("tester"));
        assertEquals("100–999", picklists.label(org.salesbench.persistence.Picklists.COMPANY_SIZE, "MEDIUM", java.util.Locale.ENGLISH));
        assertEquals("100–999 人", picklists.label(org.salesbench.persistence.Picklists.COMPANY_SIZE, "MEDIUM", java.util.Locale.SIMPLIFIED_CHINESE));

        // an administrator adds a size: it is a value like the shipped ones (one picklist service for both, as DS binds it)
        fx.service.setPicklists(picklists);
        var added = picklists.add(org.salesbench.persistence.Picklists.COMPANY_SIZE, null, "Startup", "初创");
        read = fx.service.find(id).orElseThrow();
        read.setSize("初创");
        fx.service.update(read);
        assertEquals(added.code(), fx.service.find(id).orElseThrow().getSize());
        // lead status is a fixed list: its values carry the lead's screening (converted, disqualified)
        assertThrows(IllegalArgumentException.class, () -> picklists.add(org.salesbench.persistence.Picklists.LEAD_STATUS, null, "Nurture", "培育"));
    }

    @Test
    void createReadUpdateAndDeleteWithChildren() {
        long id = fx.service.create(huawei()).getId();
        Customer read = fx.service.find(id).orElseThrow();
        assertEquals("华为", read.getShortName());
        assertEquals(2, read.getContacts().size());
        assertEquals("李伟", read.getContacts().get(0).getName(), "primary contact first");
        assertEquals(List.of("+86 138 0013 8000"), read.getContacts().get(0).getPhones());
        assertEquals(Set.of("战略客户", "5G"), read.getTags());
        assertEquals(1, read.getActivities().size());
        assertEquals("tester", read.getActivities().get(0).getPerformedBy());
        assertEquals("tester", read.getOwner());

        read.setStatus(CustomerStatus.ACTIVE);
        read.getContacts().remove(1);
        read.getTags().remove("5G");
        fx.service.update(read);
        Customer updated = fx.service.find(id).orElseThrow();
        assertEquals(CustomerStatus.ACTIVE, updated.getStatus());
        assertEquals(1, updated.getContacts().size());
        assertEquals(Set.of("战略客户"), updated.getTags());
        assertEquals(1, fx.db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SB_CONTACT WHERE DELETED_AT IS NOT NULL")
                .getSingleResult()).longValue()), "the contact taken off went to the recycle bin");

        fx.service.delete(id);
        assertTrue(fx.service.find(id).isEmpty());
        assertEquals(0, fx.service.count(org.salesbench.customers.CustomerFilter.ALL), "it leaves the search index");
        assertEquals(3, fx.db.read(em -> ((Number) em.createNativeQuery("SELECT (SELECT COUNT(*) FROM SB_CONTACT WHERE DELETED_AT IS NOT NULL)"
                + " + (SELECT COUNT(*) FROM SB_ACTIVITY WHERE DELETED_AT IS NOT NULL) FROM SB_SEQUENCE").getSingleResult()).longValue()),
                "its contact and activity go to the recycle bin with it, where the contact taken off before is");
        assertEquals("tester", fx.service.findDeleted(id).orElseThrow().deletedBy());

        fx.service.purge(id);
        long orphans = fx.db.read(em -> ((Number) em.createNativeQuery(
                "SELECT (SELECT COUNT(*) FROM SB_CONTACT) + (SELECT COUNT(*) FROM SB_ACTIVITY) + (SELECT COUNT(*) FROM SB_CONTACT_PHONE) "
                        + "FROM SB_SEQUENCE").getSingleResult()).longValue());
        assertEquals(0, orphans, "a purge takes children and phones with the customer");
        assertEquals(List.of(Change.CREATED, Change.UPDATED, Change.DELETED), fx.events.stream().map(CustomerFixture.Posted::change).toList());
    }

    @Test
    void purgingOwnersDeletesTheirCustomersWithChildrenAndLeavesOthers() {
        Customer demo = huawei();
        demo.setOwner("demo.wang");
        long demoId = fx.service.create(demo).getId();
        Customer second = customer("深圳演示科技有限公司");
        second.setOwner("demo.li");
        fx.service.create(second);
        Customer kept = customer("杭州保留贸易有限公司");
        kept.addContact(contact("陈静", "13900139000", null));
        long keptId = fx.service.create(kept).getId();
        fx.events.clear();

        assertEquals(2, fx.service.purgeOwnedBy(List.of("demo.wang", "demo.li", "nobody")));
        assertTrue(fx.service.find(demoId).isEmpty());
        assertEquals(1, fx.service.find(keptId).orElseThrow().getContacts().size(), "another owner's customer keeps its contact");
        long children = fx.db.read(em -> ((Number) em.createNativeQuery(
                "SELECT (SELECT COUNT(*) FROM SB_CONTACT) + (SELECT COUNT(*) FROM SB_ACTIVITY) FROM SB_SEQUENCE").getSingleResult()).longValue());
        assertEquals(1, children, "only the kept customer's contact is left");
        assertEquals(List.of(keptId), fx.service.page(CustomerFilter.ALL, org.salesbench.customers.CustomerSort.DEFAULT, 0, 10).stream()
                .map(r -> r.id()).toList(), "the purged customers leave the search index");
        assertEquals(0, fx.service.purgeOwnedBy(List.of()));
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsWritten() {
        Customer bad = customer(" ");
        bad.setCreditCode("91440300MA5FABCD1X");
        bad.setGrade("Z");
        bad.setShortName("x".repeat(65));
        bad.setStatus(null);
        bad.addContact(contact("", "12", "nope@"));
        Activity activity = bad.addActivity(new Activity(ActivityType.CALL, LocalDateTime.of(2026, 11, 20, 9, 0), ""));
        activity.setNextStepDate(LocalDate.of(2026, 11, 1));
        ValidationException e = assertThrows(ValidationException.class, () -> fx.service.create(bad));
        for (String field : List.of("name", "creditCode", "grade", "shortName", "status", "contacts[0].name", "contacts[0].phones",
                "contacts[0].emails", "activities[0].summary", "activities[0].nextStepDate")) {
            assertNotNull(e.errorOf(field), field + " in " + e.getMessage());
        }
        assertTrue(e.errorOf("creditCode").message().contains("checksum"), e.errorOf("creditCode").message());
        assertEquals(0, fx.service.count(CustomerFilter.ALL));
        assertTrue(fx.events.isEmpty());
    }

    @Test
    void creditCodesAreNormalisedAndChecked() {
        String code = CreditCode.withCheckCharacter("91110108MA01XYW01");
        Customer c = customer("北京示例科技有限公司");
        c.setCreditCode(code.toLowerCase().substring(0, 9) + " " + code.substring(9).toLowerCase());
        assertEquals(code, fx.service.create(c).getCreditCode());
        for (String wrong : List.of(code.substring(0, 17), code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'),
                "91110108MA01XYW0I" + "1")) {
            Customer w = customer("Wrong " + wrong);
            w.setCreditCode(wrong);
            assertNotNull(assertThrows(ValidationException.class, () -> fx.service.create(w)).errorOf("creditCode"), wrong);
        }
    }

    @Test
    void duplicatesByCreditCodePhoneAndNormalisedName() {
        fx.service.create(huawei());
        Customer acme = customer("ACME Co., Ltd.");
        acme.addContact(contact("Joe", "+1 (555) 010-2000", null));
        fx.service.create(acme);

        Customer sameCode = customer("完全不同的名字");
        sameCode.setCreditCode(huawei().getCreditCode());
        assertEquals(Reason.CREDIT_CODE, single(fx.service.findDuplicates(sameCode)).reason());

        Customer samePhone = customer("Other");
        samePhone.addContact(contact("Zhang", "13800138000", null));
        DuplicateCandidate byPhone = single(fx.service.findDuplicates(samePhone));
        assertEquals(Reason.PHONE, byPhone.reason());
        assertEquals("深圳华为技术有限公司", byPhone.name());

        assertEquals(Reason.NAME, single(fx.service.findDuplicates(customer("acme"))).reason());
        assertEquals(Reason.NAME, single(fx.service.findDuplicates(customer("ＡＣＭＥ有限公司"))).reason(), "full-width and a Chinese suffix");
        assertEquals(Reason.NAME, single(fx.service.findDuplicates(customer("Acme Inc."))).reason());
        assertEquals(Reason.NAME, single(fx.service.findDuplicates(customer("深圳华为技术"))).reason());

        assertTrue(fx.service.findDuplicates(customer("Acme Logistics")).isEmpty(), "a different company");
        Customer itself = fx.service.find(fx.service.ids(CustomerFilter.text("acme"), org.salesbench.customers.CustomerSort.DEFAULT)[0])
                .orElseThrow();
        assertTrue(fx.service.findDuplicates(itself).isEmpty(), "a customer does not duplicate itself");
    }

    private static DuplicateCandidate single(List<DuplicateCandidate> candidates) {
        assertEquals(1, candidates.size(), candidates.toString());
        return candidates.get(0);
    }

    @Test
    void aStaleUpdateIsRefusedAndNothingIsOverwritten() {
        long id = fx.service.create(huawei()).getId();
        Customer mine = fx.service.find(id).orElseThrow();
        Customer theirs = fx.service.find(id).orElseThrow();
        theirs.setNotes("theirs");
        fx.service.update(theirs);
        mine.setNotes("mine");
        assertThrows(ConcurrentChangeException.class, () -> fx.service.update(mine));
        assertEquals("theirs", fx.service.find(id).orElseThrow().getNotes());
    }

    @Test
    void loggingAnActivityMovesTheNextFollowUp() {
        long id = fx.service.create(huawei()).getId();
        Activity call = new Activity(ActivityType.CALL, LocalDateTime.of(2026, 11, 20, 15, 30), "电话确认需求");
        call.setOutcome("客户需要报价");
        call.setNextStep("发送报价");
        call.setNextStepDate(LocalDate.of(2026, 12, 1));
        fx.service.logActivity(id, call);
        Customer read = fx.service.find(id).orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 1), read.getNextFollowUp());
        assertEquals("电话确认需求", read.getActivities().get(0).getSummary(), "newest first");
        assertFalse(read.getActivities().get(1).getSummary().isEmpty());
    }
}
