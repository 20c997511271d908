package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.opportunities.ConversionRequest;
import org.salesbench.opportunities.DuplicateReason;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadConversion;
import org.salesbench.opportunities.LeadDuplicate;
import org.salesbench.opportunities.LeadFilter;
import org.salesbench.opportunities.LeadScreening;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.ScoringRule;
import org.salesbench.opportunities.ScoringRuleKind;

class LeadServiceTest {

    private static final String HUAWEI_CODE = CreditCode.withCheckCharacter("91440300MA5FABCD1");

    private OpportunityFixture fx;

    /** On an in-memory database, with the opportunity service as {@code override} makes it; the PostgreSQL subclass uses a schema on the server. */
    OpportunityFixture fixture(Function<OpportunityService, OpportunityService> override) {
        return new OpportunityFixture(override);
    }

    @BeforeEach
    void open() {
        fx = fixture(null);
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private Customer huawei() {
        Customer c = new Customer("深圳华为技术有限公司");
        c.setStatus(CustomerStatus.ACTIVE);
        c.setCreditCode(HUAWEI_CODE);
        Contact li = new Contact("李伟");
        li.getPhones().add("+86 138 0013 8000");
        li.getEmails().add("li.wei@huawei.example");
        c.addContact(li);
        return fx.customers.create(c);
    }

    private static Lead lead(String company) {
        Lead lead = new Lead(company);
        lead.setContactName("王芳");
        return lead;
    }

    @Test
    void defaultRulesScoreAndGrade() {
        Lead lead = lead("杭州星河信息技术有限公司");
        lead.setSize("LARGE"); // 20
        lead.setSource("REFERRAL"); // 15
        lead.setNeed("想替换现有 CRM 系统"); // 10
        lead.setBudget(Money.cny("150000")); // 15
        Lead saved = fx.leads.create(lead);
        assertEquals(60, saved.getScore());
        assertEquals("A", saved.getGrade());
        assertFalse(saved.isDuplicate());

        Lead small = lead("小微商贸");
        small.setSize("MICRO");
        small.setBudget(Money.cny("99999.99"));
        Lead weak = fx.leads.create(small);
        assertEquals(0, weak.getScore());
        assertEquals("D", weak.getGrade());
    }

    @Test
    void anIndustryScoringRuleWrittenWithALabelScoresLeadsThatStoreTheCode() {
        List<ScoringRule> saved = fx.leads.saveScoringRules(List.of(new ScoringRule(ScoringRuleKind.INDUSTRY, "Technology", 30),
                new ScoringRule(ScoringRuleKind.INDUSTRY, "银行", 20)));
        assertEquals(List.of("TECHNOLOGY", "BANKING"), saved.stream().map(ScoringRule::getValue).toList(), "stored as the picklist's codes");
        Lead tech = lead("云帆科技");
        tech.setIndustry("TECHNOLOGY");
        assertEquals(30, fx.leads.screen(tech).score());
        Lead bank = lead("城市银行");
        bank.setIndustry("银行");
        assertEquals(20, fx.leads.screen(bank).score(), "a label on the lead (kept from before the codes) names the same code");
        Lead other = lead("杂货铺");
        other.setIndustry("RETAIL");
        assertEquals(0, fx.leads.screen(other).score());
    }

    @Test
    void configuredRulesIncludingHistoryWithUs() {
        Customer existing = huawei();
        Opportunity deal = fx.opportunities.create(fx.opportunity(existing, "5G 核心网", "100.00", null));
        fx.opportunities.markWon(deal.getId(), null);
        fx.leads.saveScoringRules(List.of(new ScoringRule(ScoringRuleKind.INDUSTRY, "制造", 30), new ScoringRule(ScoringRuleKind.SIZE, "LARGE", 20),
                new ScoringRule(ScoringRuleKind.NEED_KEYWORD, "erp", 15), new ScoringRule(ScoringRuleKind.EXISTING_CUSTOMER, null, 10),
                new ScoringRule(ScoringRuleKind.WON_BEFORE, null, 25), new ScoringRule(ScoringRuleKind.GRADE, "A", 70),
                new ScoringRule(ScoringRuleKind.GRADE, "B", 40), new ScoringRule(ScoringRuleKind.GRADE, "C", 0)));

        Lead fresh = lead("苏州精工机械");
        fresh.setIndustry("制造");
        fresh.setSize("LARGE");
        fresh.setNeed("需要 ERP 升级");
        LeadScreening screening = fx.leads.screen(fresh);
        assertEquals(65, screening.score());
        assertEquals("B", screening.grade());
        assertEquals(3, screening.reasons().size(), screening.reasons().toString());

        Lead known = lead("深圳华为技术有限公司");
        known.setIndustry("制造");
        known.setSize("LARGE");
        Lead saved = fx.leads.create(known);
        assertEquals(30 + 20 + 10 + 25, saved.getScore());
        assertEquals("A", saved.getGrade());

        ValidationException bad = assertThrows(ValidationException.class, () -> fx.leads.saveScoringRules(List.of(
                new ScoringRule(ScoringRuleKind.BUDGET_AT_LEAST, "lots", 5), new ScoringRule(ScoringRuleKind.SIZE, "HUGE", 5))));
        assertTrue(bad.errorOf("rules[0].value").message().contains("lots"));
        assertTrue(bad.errorOf("rules[1].value").message().contains("HUGE"));
        assertEquals(8, fx.leads.scoringRules().size(), "refused rules replaced nothing");
    }

    @Test
    void duplicatesOfCustomersAndLeadsAreFlaggedWithWhatMatched() {
        Customer existing = huawei();
        Lead byName = fx.leads.create(lead("深圳华为技术有限公司 "));
        assertTrue(byName.isDuplicate());
        assertEquals(DuplicateReason.NAME, byName.getDuplicateReason());
        assertEquals(existing.getId(), byName.getDuplicateCustomerId());

        Lead byPhone = lead("Unknown Trading");
        byPhone.setPhone("13800138000");
        byPhone = fx.leads.create(byPhone);
        assertEquals(DuplicateReason.PHONE, byPhone.getDuplicateReason());
        assertEquals(existing.getId(), byPhone.getDuplicateCustomerId());

        Lead byEmail = lead("Another Name");
        byEmail.setEmail(" LI.WEI@huawei.example ");
        byEmail = fx.leads.create(byEmail);
        assertEquals("li.wei@huawei.example", byEmail.getEmail());
        assertEquals(DuplicateReason.EMAIL, byEmail.getDuplicateReason());
        assertEquals(existing.getId(), byEmail.getDuplicateCustomerId());

        Lead byCode = lead("名字不同的公司");
        byCode.setCreditCode(HUAWEI_CODE.toLowerCase());
        byCode = fx.leads.create(byCode);
        assertEquals(DuplicateReason.CREDIT_CODE, byCode.getDuplicateReason());

        Lead first = fx.leads.create(lead("Bluebird Analytics Ltd."));
        assertFalse(first.isDuplicate());
        Lead second = fx.leads.create(lead("BLUEBIRD ANALYTICS"));
        assertTrue(second.isDuplicate());
        assertNull(second.getDuplicateCustomerId());
        assertEquals(first.getId(), second.getDuplicateLeadId());
        assertEquals(DuplicateReason.NAME, second.getDuplicateReason());

        Lead phoneTwin = lead("Phone Twin");
        phoneTwin.setPhone("+86 (138) 0013-8000");
        LeadScreening screening = fx.leads.screen(phoneTwin);
        assertEquals(LeadDuplicate.Kind.CUSTOMER, screening.duplicates().get(0).kind(), "customers come first");
        assertTrue(screening.duplicates().stream().anyMatch(d -> d.kind() == LeadDuplicate.Kind.LEAD && d.reason() == DuplicateReason.PHONE));

        assertEquals(5, fx.leads.count(new LeadFilter(null, Set.of(), null, true)));
        assertFalse(fx.leads.create(lead("完全无关的公司")).isDuplicate());
    }

    @Test
    void theListFiltersBySourceAlongsideTheOtherFilters() {
        String[][] leads = {{"展会甲", "TRADE_SHOW"}, {"展会乙", "TRADE_SHOW"}, {"推荐丙", "REFERRAL"}, {"无来源丁", null}};
        for (String[] l : leads) {
            Lead lead = lead(l[0]);
            lead.setSource(l[1]);
            fx.leads.create(lead);
        }
        LeadFilter tradeShow = LeadFilter.ALL.withSource("TRADE_SHOW");
        assertEquals(2, fx.leads.count(tradeShow));
        assertEquals(List.of("展会乙", "展会甲"), fx.leads.page(tradeShow, 0, 10).stream().map(r -> r.company()).toList(), "newest first");
        assertEquals(1, fx.leads.count(new LeadFilter("推荐", Set.of(LeadStatus.NEW), null, false, "REFERRAL")));
        assertEquals(0, fx.leads.count(new LeadFilter("展会", Set.of(), null, false, "REFERRAL")), "text and source both apply");
        assertEquals(4, fx.leads.count(LeadFilter.ALL.withSource(" ")), "a blank source does not filter");
    }

    @Test
    void conversionMakesCustomerContactAndOpportunityWithLinksBack() {
        Lead lead = lead("宁波海纳物流有限公司");
        lead.setContactTitle("运营总监");
        lead.setPhone("0574-8765 4321");
        lead.setEmail("wang.fang@haina.example");
        lead.setIndustry("物流");
        lead.setSource("TRADE_SHOW");
        lead.setSize("1,000–9,999"); // the English label of LARGE: the code is stored
        lead.setBudget(Money.cny("200000"));
        lead.setStatus(LeadStatus.QUALIFIED);
        Lead saved = fx.leads.create(lead);
        assertEquals("LARGE", saved.getSize());
        fx.events.clear();

        LeadConversion made = fx.leads.convert(saved.getId(), new ConversionRequest(null, null, null, null, LocalDate.now(Clocks.system()).plusMonths(1)));
        assertTrue(made.customerCreated());
        Customer customer = fx.customers.find(made.customerId()).orElseThrow();
        assertEquals("宁波海纳物流有限公司", customer.getName());
        assertEquals("物流", customer.getIndustry());
        // the lead's source code, shown by its label in the user's language (the editor showed TRADE_SHOW before)
        assertEquals("TRADE_SHOW", customer.getSource());
        assertEquals("LARGE", customer.getSize());
        org.salesbench.persistence.Picklists picklists = org.salesbench.persistence.Picklists.open(fx.db,
                new org.salesbench.core.security.LocalSecurityService("tester"));
        assertEquals("Trade show", picklists.label(org.salesbench.persistence.Picklists.LEAD_SOURCE, customer.getSource(), java.util.Locale.ENGLISH));
        assertEquals("展会", picklists.label(org.salesbench.persistence.Picklists.LEAD_SOURCE, customer.getSource(),
                java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals(1, customer.getContacts().size());
        Contact contact = customer.getContacts().get(0);
        assertEquals(made.contactId(), contact.getId());
        assertEquals("王芳", contact.getName());
        assertEquals(List.of("0574-8765 4321"), contact.getPhones());
        Opportunity opportunity = fx.opportunities.find(made.opportunityId()).orElseThrow();
        assertEquals(customer.getId(), opportunity.getCustomer().getId());
        assertEquals(Money.cny("200000"), opportunity.getAmount());
        assertEquals("New business", opportunity.getPipeline().getLabel());
        assertEquals("Qualification", opportunity.getStage().getLabel());
        assertEquals(saved.getId(), opportunity.getLeadId());
        assertEquals("TRADE_SHOW", opportunity.getSource());

        Lead converted = fx.leads.find(saved.getId()).orElseThrow();
        assertEquals(LeadStatus.CONVERTED, converted.getStatus());
        assertEquals(made.customerId(), converted.getCustomerId());
        assertEquals(made.contactId(), converted.getContactId());
        assertEquals(made.opportunityId(), converted.getOpportunityId());
        assertNotNull(converted.getConvertedAt());
        assertTrue(fx.events.contains(new OpportunityFixture.Posted(Customer.ENTITY, Change.CREATED, made.customerId())));
        assertTrue(fx.events.contains(new OpportunityFixture.Posted(Opportunity.ENTITY, Change.CREATED, made.opportunityId())));
        assertTrue(fx.events.contains(new OpportunityFixture.Posted(Lead.ENTITY, Change.UPDATED, saved.getId())));

        ValidationException again = assertThrows(ValidationException.class, () -> fx.leads.convert(saved.getId(), null));
        assertEquals("This lead was already converted", again.errorOf("status").message());
    }

    @Test
    void aConvertedLeadCanBeEditedButNotUnconvertedNorRelinked() {
        Lead lead = lead("温州瓯江电器有限公司");
        lead.setStatus(LeadStatus.QUALIFIED);
        Lead saved = fx.leads.create(lead);
        LeadConversion made = fx.leads.convert(saved.getId(), ConversionRequest.DEFAULTS);

        Lead converted = fx.leads.find(saved.getId()).orElseThrow();
        converted.setNeed("二期：移动端");
        converted.setCustomerId(made.customerId() + 1_000);
        converted.setOpportunityId(null);
        fx.leads.update(converted);
        Lead stored = fx.leads.find(saved.getId()).orElseThrow();
        assertEquals("二期：移动端", stored.getNeed(), "the lead's own fields may still be edited");
        assertEquals(LeadStatus.CONVERTED, stored.getStatus());
        assertEquals(made.customerId(), stored.getCustomerId(), "the conversion links are the service's to write");
        assertEquals(made.opportunityId(), stored.getOpportunityId());

        stored.setStatus(LeadStatus.QUALIFIED);
        ValidationException back = assertThrows(ValidationException.class, () -> fx.leads.update(stored));
        assertEquals("This lead was already converted", back.errorOf("status").message());
        assertEquals(LeadStatus.CONVERTED, fx.leads.find(saved.getId()).orElseThrow().getStatus());

        Lead open = fx.leads.create(lead("丽水山耕农业"));
        open.setStatus(LeadStatus.CONVERTED);
        ValidationException byHand = assertThrows(ValidationException.class, () -> fx.leads.update(open),
                "only a conversion converts a lead");
        assertTrue(byHand.errorOf("status").message().startsWith("Only a qualified lead can be converted"), byHand.getMessage());
        assertEquals(LeadStatus.NEW, fx.leads.find(open.getId()).orElseThrow().getStatus());
    }

    @Test
    void deletingALeadUnlinksTheOpportunityAndTheDuplicatesThatPointToIt() {
        Lead original = lead("Bluebird Analytics Ltd.");
        original.setStatus(LeadStatus.QUALIFIED);
        Lead saved = fx.leads.create(original);
        Lead twin = fx.leads.create(lead("BLUEBIRD ANALYTICS"));
        assertEquals(saved.getId(), twin.getDuplicateLeadId());
        LeadConversion made = fx.leads.convert(saved.getId(), ConversionRequest.DEFAULTS);
        assertEquals(saved.getId(), fx.opportunities.find(made.opportunityId()).orElseThrow().getLeadId());
        fx.events.clear();

        fx.leads.delete(saved.getId());
        assertTrue(fx.leads.find(saved.getId()).isEmpty());
        assertEquals(1, fx.leads.count(org.salesbench.opportunities.LeadFilter.ALL), "out of the list, in the recycle bin");
        assertEquals(saved.getId(), fx.opportunities.find(made.opportunityId()).orElseThrow().getLeadId(), "links stay while it can be restored");
        assertEquals(saved.getId(), fx.leads.find(twin.getId()).orElseThrow().getDuplicateLeadId());

        fx.leads.purge(saved.getId());
        Opportunity kept = fx.opportunities.find(made.opportunityId()).orElseThrow();
        assertNull(kept.getLeadId(), "the opportunity stays, without its lead");
        assertNull(fx.leads.find(twin.getId()).orElseThrow().getDuplicateLeadId(), "the duplicate no longer points to the purged lead");
        assertTrue(fx.customers.find(made.customerId()).isPresent(), "the customer made by the conversion stays");
        assertEquals(1, fx.count("SELECT COUNT(*) FROM SB_LEAD"));
        assertTrue(fx.events.contains(new OpportunityFixture.Posted(Lead.ENTITY, Change.DELETED, saved.getId())));
    }

    @Test
    void purgingAnOwnersDealsAndLeadsUnlinksWhatPointsToThemAndLeavesOthers() {
        Lead original = lead("Bluebird Analytics Ltd.");
        original.setStatus(LeadStatus.QUALIFIED);
        original.setOwner("demo.zhao");
        Lead saved = fx.leads.create(original);
        Lead twin = fx.leads.create(lead("BLUEBIRD ANALYTICS"));
        assertEquals(saved.getId(), twin.getDuplicateLeadId());
        LeadConversion made = fx.leads.convert(saved.getId(), ConversionRequest.DEFAULTS);
        Opportunity others = fx.opportunities.create(fx.opportunity(fx.customer("保留客户有限公司"), "保留商机", "1000",
                LocalDate.now(Clocks.system()).plusDays(30)));

        assertEquals(1, fx.opportunities.purgeOwnedBy(List.of("demo.zhao")));
        assertTrue(fx.opportunities.find(made.opportunityId()).isEmpty(), "the converted deal had the lead's owner");
        assertNull(fx.leads.find(saved.getId()).orElseThrow().getOpportunityId(), "the lead forgets the purged deal");
        assertTrue(fx.opportunities.find(others.getId()).isPresent(), "another owner's deal stays");

        assertEquals(1, fx.leads.purgeOwnedBy(List.of("demo.zhao")));
        assertTrue(fx.leads.find(saved.getId()).isEmpty());
        assertNull(fx.leads.find(twin.getId()).orElseThrow().getDuplicateLeadId(), "the duplicate no longer points to the purged lead");
        assertEquals(1, fx.count("SELECT COUNT(*) FROM SB_LEAD"));
        assertEquals(0, fx.leads.purgeOwnedBy(List.of("demo.zhao")));
    }

    @Test
    void conversionOfADuplicateAttachesToTheExistingCustomer() {
        Customer existing = huawei();
        Lead lead = lead("深圳华为技术有限公司");
        lead.setEmail("wang.fang@huawei.example");
        lead.setStatus(LeadStatus.QUALIFIED);
        Lead saved = fx.leads.create(lead);
        LeadConversion made = fx.leads.convert(saved.getId(), ConversionRequest.DEFAULTS);
        assertFalse(made.customerCreated());
        assertEquals(existing.getId(), made.customerId());
        assertEquals(1, fx.count("SELECT COUNT(*) FROM SB_CUSTOMER"));
        Customer customer = fx.customers.find(existing.getId()).orElseThrow();
        assertEquals(2, customer.getContacts().size());
        assertTrue(customer.getContacts().stream().anyMatch(c -> c.getId().equals(made.contactId()) && c.getName().equals("王芳")));
    }

    @Test
    void aFailureInTheMiddleOfConversionLeavesNothingHalfMade() {
        fx.close();
        // the real opportunity service writes the opportunity and its history, then the "disk fills up"
        fx = fixture(real -> (OpportunityService) Proxy.newProxyInstance(OpportunityService.class.getClassLoader(),
                new Class<?>[] { OpportunityService.class }, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("create")) {
                        throw new IllegalStateException("disk full after the opportunity was written");
                    }
                    return result;
                }));
        Lead lead = lead("宁波海纳物流有限公司");
        lead.setPhone("0574-8765 4321");
        lead.setStatus(LeadStatus.QUALIFIED);
        Lead saved = fx.leads.create(lead);
        fx.events.clear();

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> fx.leads.convert(saved.getId(), null));
        assertTrue(failure.getMessage().startsWith("disk full"));
        for (String table : List.of("SB_CUSTOMER", "SB_CONTACT", "SB_CONTACT_PHONE", "SB_OPPORTUNITY", "SB_STAGE_HISTORY")) {
            assertEquals(0, fx.count("SELECT COUNT(*) FROM " + table), table + " keeps nothing of the failed conversion");
        }
        assertEquals(0, fx.customers.count(org.salesbench.customers.CustomerFilter.ALL), "nor does the customer search index");
        Lead after = fx.leads.find(saved.getId()).orElseThrow();
        assertEquals(LeadStatus.QUALIFIED, after.getStatus());
        assertNull(after.getCustomerId());
        assertNull(after.getOpportunityId());
        assertEquals(List.of(), fx.events, "no event announces what was rolled back");
    }

    @Test
    void badLeadInputIsRefusedNamingTheField() {
        Lead negative = lead("负预算公司");
        negative.setBudget(Money.cny("-5"));
        negative.setEmail("not-an-address");
        negative.setSource("CARRIER_PIGEON");
        ValidationException e = assertThrows(ValidationException.class, () -> fx.leads.create(negative));
        assertEquals("Budget cannot be negative", e.errorOf("budget").message());
        assertTrue(e.errorOf("email").message().startsWith("E-mail"));
        assertEquals("Source \u201cCARRIER_PIGEON\u201d is not one of the configured sources", e.errorOf("source").message());

        ValidationException noCompany = assertThrows(ValidationException.class, () -> fx.leads.create(lead("  ")));
        assertEquals("Company is required", noCompany.errorOf("company").message());

        Lead ok = fx.leads.create(lead("正常公司"));
        ValidationException noReason = assertThrows(ValidationException.class, () -> fx.leads.disqualify(ok.getId(), ""));
        assertEquals("Disqualification reason is required to disqualify a lead", noReason.errorOf("disqualifyReason").message());
        Lead disqualified = fx.leads.disqualify(ok.getId(), "没有预算");
        assertEquals(LeadStatus.DISQUALIFIED, disqualified.getStatus());

        ValidationException notQualified = assertThrows(ValidationException.class, () -> fx.leads.convert(ok.getId(), null));
        assertNotNull(notQualified.errorOf("status"));
        assertEquals(1, fx.count("SELECT COUNT(*) FROM SB_LEAD"));
        assertEquals(0, fx.count("SELECT COUNT(*) FROM SB_CUSTOMER"));
    }

    @Test
    void sourcesAreAConfigurableList() {
        assertEquals(List.of("CAMPAIGN", "WEB_FORM", "REFERRAL", "INBOUND_CALL", "TRADE_SHOW", "PARTNER", "OTHER"),
                fx.leads.sources(true).stream().map(s -> s.getCode()).toList());
        assertEquals("Trade show", fx.leads.sources(true).get(4).getLabel());
        assertEquals("展会", fx.leads.sources(true).get(4).getNameZh());
        var sources = new java.util.ArrayList<>(fx.leads.sources(false));
        sources.get(0).setName("Marketing campaign");
        sources.remove(6); // OTHER left out: deactivated, never deleted
        sources.add(0, new org.salesbench.opportunities.LeadSource("WECHAT", "WeChat", "微信"));
        fx.leads.saveSources(sources);
        var saved = fx.leads.sources(true);
        assertEquals("WECHAT", saved.get(0).getCode(), "in the order given");
        assertEquals("Marketing campaign", saved.get(1).getName(), "a renamed shipped source shows the user's name");
        assertEquals("营销活动", saved.get(1).getNameZh(), "its Chinese name as it was");
        assertEquals(7, saved.size());
        // the one list: what the picklists page and `cli picklists` edit
        org.salesbench.persistence.Picklists picklists = org.salesbench.persistence.Picklists.open(fx.db, fx.security);
        var values = picklists.values(org.salesbench.persistence.Picklists.LEAD_SOURCE);
        assertEquals("微信", values.get(0).labelZh());
        assertEquals(false, values.stream().filter(v -> v.code().equals("OTHER")).findFirst().orElseThrow().active());
        Lead fromWechat = lead("微信来的公司");
        fromWechat.setSource("WECHAT");
        assertSame(LeadStatus.NEW, fx.leads.create(fromWechat).getStatus());
        Lead unknown = lead("不知从何而来");
        unknown.setSource("NOWHERE");
        assertNotNull(assertThrows(ValidationException.class, () -> fx.leads.create(unknown)).errorOf("source"));

        var twice = new java.util.ArrayList<>(fx.leads.sources(false));
        twice.add(new org.salesbench.opportunities.LeadSource("wechat", "WeChat again"));
        ValidationException duplicate = assertThrows(ValidationException.class, () -> fx.leads.saveSources(twice));
        assertTrue(duplicate.getErrors().get(0).message().contains("wechat"), duplicate.getErrors().toString());
    }

    /** The stored source and campaign of a lead or a deal, read in SQL. */
    private List<Object> storedSource(String table, long id) {
        Object[] row = fx.db.read(em -> (Object[]) em.createNativeQuery("SELECT SOURCE, CAMPAIGN FROM " + table + " WHERE ID = ?")
                .setParameter(1, id).getSingleResult());
        return java.util.Arrays.asList(row);
    }

    /**
     * Codes stored, labels shown, on the services' path as on an import's: a lead's or a deal's source and campaign
     * written as a code (any case, blanks around) or a label in either language is stored as the code, on create and on
     * update (a value added to the list a moment ago too); a text no value has keeps its behaviour: a lead's source is
     * refused naming it, a deal's source and a campaign are kept as written.
     */
    @Test
    void leadsAndDealsStoreTheSourceCodeForACodeOrEitherLabel() {
        org.salesbench.persistence.Picklists shared = org.salesbench.persistence.Picklists.open(fx.db, fx.security);
        fx.leads.setPicklists(shared); // one picklist service for both, as DS binds it
        fx.opportunities.setPicklists(shared);

        Lead fair = lead("展会上认识的公司");
        fair.setSource("展会");
        fair.setCampaign(" referral ");
        long leadId = fx.leads.create(fair).getId();
        assertEquals(List.of("TRADE_SHOW", "REFERRAL"), storedSource("SB_LEAD", leadId));
        Lead edited = fx.leads.find(leadId).orElseThrow();
        edited.setSource("Web form");
        edited.setCampaign("Spring Expo 2026");
        fx.leads.update(edited);
        assertEquals(List.of("WEB_FORM", "Spring Expo 2026"), storedSource("SB_LEAD", leadId), "an unknown campaign kept as written");
        Lead unknown = lead("不知从何而来");
        unknown.setSource("抖音");
        ValidationException refused = assertThrows(ValidationException.class, () -> fx.leads.create(unknown));
        assertTrue(refused.errorOf("source").message().contains("抖音"), refused.getMessage());

        Opportunity deal = new Opportunity(fx.customer("深圳华为技术有限公司"), "华为 CRM", Money.cny("880000"));
        deal.setPipeline(fx.newBusiness());
        deal.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusMonths(2));
        deal.setSource("合作伙伴");
        deal.setCampaign("Trade Show");
        long dealId = fx.opportunities.create(deal).getId();
        assertEquals(List.of("PARTNER", "TRADE_SHOW"), storedSource("SB_OPPORTUNITY", dealId));
        shared.add(org.salesbench.persistence.Picklists.LEAD_SOURCE, "WECHAT", "WeChat", "微信");
        Opportunity again = fx.opportunities.find(dealId).orElseThrow();
        again.setSource("微信");
        again.setCampaign("LinkedIn");
        fx.opportunities.update(again);
        assertEquals(List.of("WECHAT", "LinkedIn"), storedSource("SB_OPPORTUNITY", dealId), "a deal's unknown text is kept as written");
    }
}
