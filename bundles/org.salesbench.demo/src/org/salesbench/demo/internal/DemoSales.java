package org.salesbench.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.eclipse.core.runtime.SubMonitor;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.demo.DemoDataGenerator;
import org.salesbench.opportunities.ConversionRequest;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.LeadSource;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.StageRule;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.ProductService;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteLine;
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.QuoteStatus;

/**
 * The sales side of the demo: a product catalogue, leads in every status and opportunities in every
 * stage of the seeded pipelines, all made through the real services, so stage rules are met the way
 * a user meets them (a quote before Negotiation) and every move leaves a stage-history row. The same
 * seed, customers and day always give the same data.
 */
public final class DemoSales {

    /** Services of the opportunities module the demo writes through. */
    public record Services(LeadService leads, OpportunityService opportunities, PipelineService pipelines,
            ProductService products, QuoteService quotes) {
    }

    /** Code, name, unit, list price in CNY, VAT percent (6 for services and subscriptions, 13 for goods and licences). */
    static final List<Object[]> CATALOGUE = List.of(new Object[] {"SB-CRM-STD", "销冠CRM 标准版", "用户/年", "1200", 6},
            new Object[] {"SB-CRM-ENT", "Salesbench CRM Enterprise", "user/year", "2400", 6},
            new Object[] {"SB-MOBILE", "移动销售套件", "用户/年", "360", 6},
            new Object[] {"SB-BI", "Sales Analytics BI Module", "set", "48000", 13},
            new Object[] {"SB-API", "ERP 集成接口包", "套", "30000", 13},
            new Object[] {"SVC-IMPL", "实施服务", "人天", "2500", 6},
            new Object[] {"SVC-TRAIN", "On-site Training", "session", "8000", 6},
            new Object[] {"SVC-SUPPORT", "年度技术支持", "年", "36000", 6},
            new Object[] {"SVC-MIGRATE", "Data Migration", "project", "15000", 6},
            new Object[] {"HW-TABLET", "销售平板电脑", "台", "3299", 13},
            new Object[] {"HW-SCANNER", "Business Card Scanner", "unit", "899", 13},
            new Object[] {"HW-SERVER", "私有化部署服务器", "台", "68000", 13});

    private static final String[] DEAL_NAMES = {"{0} CRM 项目", "{0} 销售管理平台升级", "{0} 全国门店上线", "{0} 年度续约", "{0} 移动办公采购",
            "{0} BI rollout", "{0} CRM expansion", "{0} 数据迁移与集成"};
    /** Codes of the shipped loss-reason picklist (shown in the user's language). */
    private static final String[] LOSS_REASONS = {"PRICE", "NO_BUDGET", "COMPETITOR", "NO_DECISION", "TIMING", "PRODUCT_FIT"};
    private static final String[] DISQUALIFY_REASONS = {"没有预算", "联系不上", "只是学生调研", "Not a fit: fewer than five users"};
    private static final String[] COMPETITORS = {"销售易", "纷享销客", "Salesforce", "HubSpot", "用友", "金蝶"};
    private static final String[] NEXT_STEPS = {"安排产品演示", "发送修订报价", "约见决策人", "提交投标文件", "Review the contract draft",
            "与合作伙伴联合拜访"};
    private static final String[] LEAD_CITIES = {"杭州", "苏州", "成都", "广州", "深圳", "武汉", "南京", "厦门", "青岛", "无锡"};
    private static final String[] LEAD_BRANDS = {"未来", "精工", "天府", "南方", "星火", "光谷", "钟山", "海景", "蓝海", "银峰", "长江", "东方"};
    private static final String[] LEAD_TRADES = {"零售", "机械", "医疗科技", "物流", "教育科技", "新能源", "建设工程", "餐饮管理"};
    private static final String[] LEAD_EN = {"Blue Ocean Trading Ltd.", "Lakeview Software Inc.", "Silver Peak Capital Pte. Ltd.",
            "Northstar Foods GmbH", "Cedar Medical LLC", "Riverside Logistics Co., Ltd."};
    private static final String[] LEAD_NEEDS = {"想了解 CRM 能否管理经销商，今年有预算。", "需要移动端记录拜访。", "Looking for a CRM, budget approved for Q3.",
            "现有 Excel 管理客户，想试用。", "希望对接 ERP，先看演示。"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋"};

    private final Services services;
    private final Random random;
    private final LocalDate today;
    private List<String> sources;

    /** Runs before each stage move of a deal, e.g. ticking the checklist of its process step; nothing by default. */
    private java.util.function.LongConsumer beforeMove = id -> {
    };

    /** Sets what runs before each stage move of a deal (given its id). */
    public DemoSales beforeEachMove(java.util.function.LongConsumer action) {
        this.beforeMove = action;
        return this;
    }

    /** Every lead a Chinese company (a Chinese user's demo, {@code DemoDataGenerator.chineseOnly}). */
    private boolean chineseOnly;

    /** Makes every lead's company Chinese; returns this. */
    public DemoSales chineseOnly(boolean only) {
        this.chineseOnly = only;
        return this;
    }

    public DemoSales(Services services, long seed, LocalDate today) {
        this.services = services;
        this.random = new Random(seed * 31 + 7); // its own stream: the customers stay as they were without it
        this.today = today;
    }

    /** The catalogue, made once: products already there (by code) are kept, so a reset does not duplicate them. */
    public List<Product> products() {
        List<Product> made = new ArrayList<>();
        for (Object[] p : CATALOGUE) {
            String code = (String) p[0];
            made.add(services.products().findByCode(code).orElseGet(() -> {
                Product product = new Product(code, (String) p[1], (String) p[2], Money.cny((String) p[3]), BigDecimal.valueOf((Integer) p[4]));
                return services.products().create(product);
            }));
        }
        return made;
    }

    /**
     * About one lead per five customers, in every status; one in six carries a customer's name, so
     * screening flags it as a duplicate, and a part of those is converted onto that customer.
     */
    public int leads(int count, List<Customer> customers, Pipeline firstPipeline, SubMonitor monitor) {
        int made = 0;
        for (int i = 0; i < count && !monitor.isCanceled(); i++) {
            Customer existing = random.nextInt(6) == 0 && !customers.isEmpty() ? customers.get(random.nextInt(customers.size())) : null;
            Lead lead = new Lead(existing != null ? existing.getName() : leadCompany());
            lead.setContactName(pick(SURNAMES) + pick(GIVEN));
            lead.setContactTitle(random.nextBoolean() ? "采购经理" : "信息部主任");
            lead.setPhone(String.format("+86 13%d %04d %04d", random.nextInt(10), random.nextInt(10_000), random.nextInt(10_000)));
            lead.setEmail("lead" + (i + 1) + "@example.cn");
            lead.setSource(source());
            lead.setSize(pick(DemoDataGenerator.SIZES));
            lead.setNeed(pick(LEAD_NEEDS));
            if (random.nextInt(3) > 0) {
                lead.setBudget(Money.cny(String.valueOf(20_000 + random.nextInt(50) * 10_000)));
            }
            lead.setOwner(DemoDataGenerator.USERS.get(random.nextInt(DemoDataGenerator.USERS.size()))[0]);
            int r = random.nextInt(100);
            boolean convert = existing != null && r < 50;
            LeadStatus status = convert ? LeadStatus.QUALIFIED
                    : r < 30 ? LeadStatus.NEW : r < 55 ? LeadStatus.WORKING : r < 80 ? LeadStatus.QUALIFIED : LeadStatus.DISQUALIFIED;
            lead.setStatus(status);
            if (status == LeadStatus.DISQUALIFIED) {
                lead.setDisqualifyReason(pick(DISQUALIFY_REASONS));
            }
            Lead saved = services.leads().create(lead);
            if (convert) {
                services.leads().convert(saved.getId(), new ConversionRequest(existing.getId(), firstPipeline.getId(), null, null,
                        today.plusDays(30 + random.nextInt(120))));
            }
            made++;
            monitor.worked(1);
        }
        return made;
    }

    /**
     * {@code count} opportunities over the pipelines: open ones in every open stage, about a fifth won
     * and a sixth lost. Each is created in its first stage and moved stage by stage; before a stage
     * that requires a quote, a quote with lines is drafted, so the stage rule is met, not bypassed.
     */
    public int opportunities(int count, List<Customer> customers, List<Pipeline> pipelines, List<Product> catalogue, SubMonitor monitor) {
        int made = 0;
        for (int i = 0; i < count && !monitor.isCanceled() && !customers.isEmpty(); i++) {
            Customer customer = customers.get(random.nextInt(customers.size()));
            Pipeline pipeline = pipelines.get(pipelineIndex(pipelines.size(), customer));
            List<Stage> open = pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.OPEN).toList();
            int r = random.nextInt(100);
            StageKind outcome = r < 20 ? StageKind.WON : r < 36 ? StageKind.LOST : StageKind.OPEN;
            // how far it got: open deals thin out towards the late stages; won ones went all the way
            int reached = outcome == StageKind.WON ? open.size() - 1 : Math.min(random.nextInt(open.size()), random.nextInt(open.size()));

            List<QuoteLine> lines = lines(catalogue);
            Money amount = Money.cny("0");
            for (QuoteLine line : lines) {
                amount = amount.plus(Money.of(line.getUnitPrice().multiply(line.getQuantity())
                        .multiply(BigDecimal.valueOf(100).subtract(line.getDiscountPercent())).divide(BigDecimal.valueOf(100), 2,
                                RoundingMode.HALF_UP), Money.DEFAULT_CURRENCY));
            }
            String shortName = customer.getShortName() != null ? customer.getShortName() : customer.getName();
            Opportunity o = new Opportunity(customer, MessageFormat.format(pick(DEAL_NAMES), shortName), amount);
            o.setPipeline(pipeline);
            o.setOwner(customer.getOwner());
            // a year of history for the reports: closed deals were engaged a sales cycle before the day they closed
            LocalDate closedOn = today.minusDays(random.nextInt(365));
            if (outcome == StageKind.OPEN) {
                o.setEngagedOn(today.minusDays(random.nextInt(120)));
                o.setExpectedCloseDate(today.plusDays(random.nextInt(270)));
            } else {
                o.setEngagedOn(closedOn.minusDays(14 + random.nextInt(150)));
                o.setExpectedCloseDate(closedOn);
            }
            Product main = mainProduct(lines);
            o.setProductId(main == null ? null : main.getId());
            o.setNextStep(pick(NEXT_STEPS));
            o.setSource(source());
            if (random.nextBoolean()) {
                o.getCompetitors().add(pick(COMPETITORS));
            }
            if (random.nextInt(4) == 0) {
                o.getTeamMembers().add(DemoDataGenerator.USERS.get(random.nextInt(DemoDataGenerator.USERS.size()))[0]);
            }
            Opportunity saved = services.opportunities().create(o);
            long id = saved.getId();
            boolean quoted = false;
            for (int s = 1; s <= reached; s++) {
                Stage stage = open.get(s);
                if (!quoted && stage.getRequiredRules().contains(StageRule.QUOTE)) {
                    quoted = quote(saved, lines);
                }
                try {
                    beforeMove.accept(id);
                    services.opportunities().moveToStage(id, stage.getId());
                } catch (ValidationException refused) {
                    // a rule the demo cannot meet (say a stage edited to need more): the deal stays where it got,
                    // refused before anything changed, as the board would leave it
                    break;
                }
            }
            if (outcome == StageKind.WON) {
                if (quoted) {
                    acceptLatestQuote(id);
                }
                beforeMove.accept(id);
                services.opportunities().markWon(id, closedOn);
            } else if (outcome == StageKind.LOST) {
                services.opportunities().markLost(id, pick(LOSS_REASONS), closedOn);
            }
            made++;
            monitor.worked(1);
        }
        return made;
    }

    /** Renewals go to active customers (what there is to renew), the rest mostly to new business. */
    private int pipelineIndex(int pipelineCount, Customer customer) {
        if (pipelineCount < 3) {
            return random.nextInt(pipelineCount);
        }
        int r = random.nextInt(100);
        if (customer.getStatus() == CustomerStatus.ACTIVE && r < 40) {
            return 1;
        }
        return r < 75 ? 0 : 2;
    }

    /** One to four catalogue items, some with a discount within the approval threshold. */
    private List<QuoteLine> lines(List<Product> catalogue) {
        List<QuoteLine> lines = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            Product p = catalogue.get(random.nextInt(catalogue.size()));
            if (lines.stream().anyMatch(l -> l.getProduct() == p)) {
                continue;
            }
            BigDecimal quantity = BigDecimal.valueOf(p.getListPrice().getAmount().compareTo(BigDecimal.valueOf(10_000)) > 0 ? 1 + random.nextInt(3)
                    : 5 + random.nextInt(200));
            BigDecimal discount = BigDecimal.valueOf(random.nextInt(3) == 0 ? 5 * random.nextInt(3) : 0);
            lines.add(new QuoteLine(p, quantity, p.getListPrice().getAmount(), discount, p.getTaxRate()));
        }
        return lines;
    }

    /** The line worth most: what the deal is mainly about, for won revenue by product. */
    private static Product mainProduct(List<QuoteLine> lines) {
        return lines.stream().max(Comparator.comparing((QuoteLine l) -> l.getUnitPrice().multiply(l.getQuantity())))
                .map(QuoteLine::getProduct).orElse(null);
    }

    private boolean quote(Opportunity opportunity, List<QuoteLine> lines) {
        Quote quote = new Quote(opportunity, today.plusDays(30));
        quote.setOwner(opportunity.getOwner());
        lines.forEach(quote::addLine);
        services.quotes().createDraft(quote);
        return true;
    }

    /** A won deal's quote went the whole way: approved (discounts are within the threshold), sent, accepted. */
    private void acceptLatestQuote(long opportunityId) {
        Quote quote = services.quotes().listForOpportunity(opportunityId).get(0);
        Quote submitted = services.quotes().submitForApproval(quote.getId());
        if (submitted.getStatus() == QuoteStatus.APPROVED) {
            services.quotes().markSent(quote.getId());
            services.quotes().markAccepted(quote.getId());
        }
    }

    /** A prospect's name from other words than the customers', so only the leads meant as duplicates match a customer. */
    private String leadCompany() {
        if (random.nextInt(5) == 0 && !chineseOnly) {
            return pick(LEAD_EN);
        }
        return pick(LEAD_CITIES) + pick(LEAD_BRANDS) + pick(LEAD_TRADES) + "有限公司";
    }

    /** A code from the configured lead sources (read once). */
    private String source() {
        if (sources == null) {
            sources = services.leads().sources(true).stream().map(LeadSource::getCode).toList();
        }
        return sources.isEmpty() ? null : sources.get(random.nextInt(sources.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
