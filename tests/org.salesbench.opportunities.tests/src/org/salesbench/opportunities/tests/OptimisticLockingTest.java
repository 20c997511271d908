package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.recyclebin.DeletedRecord;
import org.salesbench.core.recyclebin.RecycleBinRegistry;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.BoardCard;
import org.salesbench.opportunities.BoardFilter;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.internal.LeadServiceImpl;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * Optimistic locking beyond the editor's save, on Derby: two people, each with a session (database, entity managers)
 * of their own over one database. Li acts on what he saw (a list row's, a board card's, the bin's version) after Zhang
 * changed the record: the delete, the board move, the bulk delete and the bin's restore and purge are refused, name the
 * record and Zhang, and write nothing.
 */
class OptimisticLockingTest {

    /** One person's session: a database of their own (its own entity managers) and the services over it. */
    record Session(Database db, CustomerServiceImpl customers, OpportunityServiceImpl opportunities, LeadServiceImpl leads, PipelineServiceImpl pipelines,
            RecycleBinRegistry bin) {

        static Session open(DatabaseSettings settings, String login) {
            LocalSecurityService security = new LocalSecurityService(login);
            Database db = Database.open(settings, security);
            CustomerServiceImpl customers = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            OpportunityServiceImpl opportunities = new OpportunityServiceImpl(db, security, (e, c, i) -> { });
            RecycleBinRegistry bin = new RecycleBinRegistry(security, Clocks.system());
            bin.add(customers);
            bin.add(opportunities);
            return new Session(db, customers, opportunities, new LeadServiceImpl(db, security, (e, c, i) -> { }, customers, customers, opportunities),
                    new PipelineServiceImpl(db, security, (e, c, i) -> { }), bin);
        }
    }

    private Session li;
    private Session zhang;

    @BeforeEach
    void open() {
        DatabaseSettings settings = DatabaseSettings.inMemory("locking-" + UUID.randomUUID());
        li = Session.open(settings, "li.wei");
        zhang = Session.open(settings, "zhang.min");
    }

    @AfterEach
    void close() {
        zhang.db().close();
        li.db().close();
    }

    private Customer customer(String name) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.ACTIVE);
        return li.customers().create(c);
    }

    /** Zhang opens the customer and saves a change: its version moves on. */
    private void zhangEdits(long customerId, String shortName) {
        Customer theirs = zhang.customers().find(customerId).orElseThrow();
        theirs.setShortName(shortName);
        zhang.customers().update(theirs);
    }

    private static void assertNamesRecordAndWho(ConcurrentChangeException conflict, String entity, long id) {
        assertEquals(id, conflict.getRecordId());
        assertEquals(entity + "#" + id, conflict.getRecord());
        assertEquals("zhang.min", conflict.getChangedBy());
        assertTrue(conflict.getMessage().contains("zhang.min"), conflict.getMessage());
    }

    @Test
    void deleteOfARecordEditedSinceItWasSeenIsRefusedAndTheEditStays() {
        Customer seen = customer("杭州星河信息技术有限公司");
        zhangEdits(seen.getId(), "星河");

        ConcurrentChangeException conflict = assertThrows(ConcurrentChangeException.class, () -> li.customers().delete(seen.getId(), seen.getVersion()));
        assertNamesRecordAndWho(conflict, Customer.ENTITY, seen.getId());
        Customer stored = li.customers().find(seen.getId()).orElseThrow();
        assertEquals("星河", stored.getShortName(), "Zhang's edit is kept, nothing went to the bin");
        assertTrue(li.customers().findDeleted(seen.getId()).isEmpty());

        li.customers().delete(seen.getId(), stored.getVersion()); // after a reload: the version now seen
        assertTrue(li.customers().find(seen.getId()).isEmpty());
    }

    @Test
    void editOfARecordDeletedSinceItWasOpenedIsRefused() {
        Customer created = customer("宁波海纳物流有限公司");
        Customer zhangsCopy = zhang.customers().find(created.getId()).orElseThrow();
        li.customers().delete(created.getId(), created.getVersion());

        zhangsCopy.setShortName("海纳");
        assertThrows(ConcurrentChangeException.class, () -> zhang.customers().update(zhangsCopy));
        assertEquals("li.wei", li.customers().findDeleted(created.getId()).orElseThrow().deletedBy());
    }

    @Test
    void staleCopyCannotTakeContactsOff() {
        Customer created = customer("苏州云帆科技有限公司");
        created.addContact(new Contact("王芳"));
        Customer withContact = li.customers().update(created);
        Customer zhangsCopy = zhang.customers().find(withContact.getId()).orElseThrow();
        zhangEdits(withContact.getId(), "云帆");

        zhangsCopy.getContacts().clear(); // only contacts taken off: no customer column changes
        assertThrows(ConcurrentChangeException.class, () -> zhang.customers().update(zhangsCopy));
        assertEquals(1, li.customers().find(withContact.getId()).orElseThrow().getContacts().size(), "the contact is not in the bin");
    }

    @Test
    void aContactEditedByTwoPeopleKeepsTheFirstSaveAndRefusesTheStaleOne() {
        Customer created = customer("厦门蓝海贸易有限公司");
        created.addContact(new Contact("林涛")).setTitle("经理");
        long id = li.customers().update(created).getId();
        Customer lisCopy = li.customers().find(id).orElseThrow();
        Customer zhangsCopy = zhang.customers().find(id).orElseThrow();
        zhangsCopy.getContacts().get(0).setTitle("总经理");
        zhang.customers().update(zhangsCopy);

        lisCopy.getContacts().get(0).setTitle("副经理"); // only the contact changes: its own version is checked
        ConcurrentChangeException conflict = assertThrows(ConcurrentChangeException.class, () -> li.customers().update(lisCopy));
        assertEquals("zhang.min", conflict.getChangedBy(), conflict.getMessage());
        assertEquals("总经理", li.customers().find(id).orElseThrow().getContacts().get(0).getTitle(), "Zhang's save stays");
    }

    @Test
    void anOpportunitySavedFromAStaleEditorIsRefused() {
        long id = li.opportunities().create(deal(customer("青岛北洋船舶有限公司"), "船舶 ERP")).getId();
        Opportunity lisEditor = li.opportunities().find(id).orElseThrow();
        Opportunity zhangsEditor = zhang.opportunities().find(id).orElseThrow();
        zhangsEditor.setNextStep("现场演示");
        zhang.opportunities().update(zhangsEditor);

        lisEditor.setNextStep("发报价");
        ConcurrentChangeException conflict = assertThrows(ConcurrentChangeException.class, () -> li.opportunities().update(lisEditor));
        assertEquals("zhang.min", conflict.getChangedBy(), conflict.getMessage());
        assertEquals("现场演示", li.opportunities().find(id).orElseThrow().getNextStep());
    }

    @Test
    void opportunityAndLeadDeletesCheckTheVersionSeen() {
        Opportunity deal = li.opportunities().create(deal(customer("上海申通信息有限公司"), "ERP 升级"));
        Opportunity theirs = zhang.opportunities().find(deal.getId()).orElseThrow();
        theirs.setNextStep("演示");
        zhang.opportunities().update(theirs);
        assertNamesRecordAndWho(assertThrows(ConcurrentChangeException.class, () -> li.opportunities().delete(deal.getId(), deal.getVersion())),
                Opportunity.ENTITY, deal.getId());
        assertTrue(li.opportunities().find(deal.getId()).isPresent());

        Lead lead = new Lead("北京蓝鸟数据分析有限公司");
        lead.setContactName("赵敏");
        Lead saved = li.leads().create(lead);
        Lead zhangsLead = zhang.leads().find(saved.getId()).orElseThrow();
        zhangsLead.setContactName("赵敏 (CTO)");
        zhang.leads().update(zhangsLead);
        assertNamesRecordAndWho(assertThrows(ConcurrentChangeException.class, () -> li.leads().delete(saved.getId(), saved.getVersion())),
                Lead.ENTITY, saved.getId());
        assertTrue(li.leads().find(saved.getId()).isPresent());
    }

    private Opportunity deal(Customer customer, String name) {
        Opportunity o = new Opportunity(customer, name, Money.cny("120000"));
        o.setPipeline(newBusiness(li));
        o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusMonths(1));
        return o;
    }

    private static Pipeline newBusiness(Session session) {
        return session.pipelines().pipelines(false).stream().filter(p -> p.getLabel().equals("New business")).findFirst().orElseThrow();
    }

    private static long stage(Pipeline pipeline, String label) {
        return pipeline.getStages().stream().filter(s -> s.getLabel().equals(label)).findFirst().orElseThrow().getId();
    }

    /** The card of the deal as the board shows it: what a drag carries. */
    private BoardCard card(long opportunityId) {
        return li.opportunities().board(newBusiness(li).getId(), BoardFilter.ALL, 50).columns().stream().flatMap(c -> c.cards().stream())
                .filter(c -> c.id() == opportunityId).findFirst().orElseThrow();
    }

    @Test
    void boardMoveOfACardChangedSinceTheBoardWasDrawnIsRefused() {
        Opportunity deal = li.opportunities().create(deal(customer("广州南方建材有限公司"), "仓储系统"));
        BoardCard shown = card(deal.getId());
        long before = deal.getStage().getId();
        Opportunity theirs = zhang.opportunities().find(deal.getId()).orElseThrow();
        theirs.setAmount(Money.cny("90000"));
        zhang.opportunities().update(theirs);

        long proposal = stage(newBusiness(li), "Proposal");
        assertNamesRecordAndWho(assertThrows(ConcurrentChangeException.class, () -> li.opportunities().moveToStage(deal.getId(), proposal, shown.version())),
                Opportunity.ENTITY, deal.getId());
        assertThrows(ConcurrentChangeException.class, () -> li.opportunities().markLost(deal.getId(), "价格", null, shown.version()));
        Opportunity stored = li.opportunities().find(deal.getId()).orElseThrow();
        assertEquals(before, stored.getStage().getId(), "not moved");
        assertEquals(1, li.opportunities().history(deal.getId()).size(), "no stage history row for the refused move");

        BoardCard reloaded = card(deal.getId());
        assertEquals(stored.getVersion(), reloaded.version());
        assertEquals(proposal, li.opportunities().moveToStage(deal.getId(), proposal, reloaded.version()).getStage().getId());
    }

    @Test
    void bulkDeleteWithOneStaleRecordDeletesNone() {
        Map<Long, Long> seen = new LinkedHashMap<>();
        for (String name : new String[] { "甲公司", "乙公司", "丙公司" }) {
            Customer c = customer(name);
            seen.put(c.getId(), c.getVersion());
        }
        long stale = seen.keySet().stream().skip(1).findFirst().orElseThrow();
        zhangEdits(stale, "乙");

        ConcurrentChangeException conflict = assertThrows(ConcurrentChangeException.class, () -> li.customers().deleteAll(seen));
        assertNamesRecordAndWho(conflict, Customer.ENTITY, stale);
        for (long id : seen.keySet()) {
            assertTrue(li.customers().find(id).isPresent(), "one transaction: none of the three went to the bin");
        }
    }

    @Test
    void binRestoreAndPurgeOfWhatChangedSinceTheBinWasShownAreRefused() {
        Customer c = customer("深圳前海贸易有限公司");
        li.customers().delete(c.getId(), c.getVersion());
        DeletedRecord shown = li.bin().deleted(Customer.ENTITY, 10).get(0);

        // meanwhile Zhang restores it, edits it and deletes it again
        zhang.bin().restore(Customer.ENTITY, c.getId());
        zhangEdits(c.getId(), "前海");
        Customer again = zhang.customers().find(c.getId()).orElseThrow();
        zhang.customers().delete(again.getId(), again.getVersion());

        ConcurrentChangeException restore = assertThrows(ConcurrentChangeException.class, () -> li.bin().restore(shown));
        assertNamesRecordAndWho(restore, Customer.ENTITY, c.getId());
        assertThrows(ConcurrentChangeException.class, () -> li.bin().purge(shown));
        assertFalse(li.customers().findDeleted(c.getId()).isEmpty(), "still in the bin, not purged");

        li.bin().restore(li.bin().deleted(Customer.ENTITY, 10).get(0)); // what the bin shows after a reload
        assertEquals("前海", li.customers().find(c.getId()).orElseThrow().getShortName());
    }
}
