package org.salesbench.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.salesbench.core.validation.CreditCode;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;

/**
 * Realistic customers for demonstrations and benchmarks: Chinese and English company names,
 * valid credit codes, contacts with mobile numbers and e-mails, and a timeline of activities.
 * The same seed always gives the same customers, in the same order. For a Chinese user
 * ({@link #chineseOnly(Locale)}) every customer is a Chinese company with Chinese contacts; otherwise
 * about three in ten are foreign companies with English names.
 */
public final class DemoDataGenerator {

    /** The demo sales team: login, Chinese name. */
    public static final List<String[]> USERS = List.of(new String[] {"li.wei", "李伟"}, new String[] {"wang.fang", "王芳"},
            new String[] {"zhang.min", "张敏"}, new String[] {"chen.jing", "陈静"}, new String[] {"liu.yang", "刘洋"});

    /** The demo teams: name, region, then the logins of the manager and the other members. */
    public static final List<String[]> TEAMS = List.of(new String[] {"华东销售部", "华东", "li.wei", "wang.fang", "zhang.min"},
            new String[] {"华南销售部", "华南", "chen.jing", "liu.yang"});

    private static final String[] CITIES = {"北京", "上海", "深圳", "广州", "杭州", "成都", "武汉", "南京", "苏州", "西安", "天津", "重庆",
            "长沙", "青岛", "厦门", "合肥", "郑州", "宁波"};
    private static final String[] PROVINCES = {"北京", "上海", "广东", "广东", "浙江", "四川", "湖北", "江苏", "江苏", "陕西", "天津", "重庆",
            "湖南", "山东", "福建", "安徽", "河南", "浙江"};
    private static final String[] REGION_CODES = {"110105", "310115", "440305", "440106", "330106", "510107", "420106", "320102",
            "320505", "610113", "120116", "500103", "430104", "370202", "350203", "340104", "410105", "330212"};
    private static final String[] BRANDS = {"云帆", "星河", "华信", "远航", "博达", "恒通", "新锐", "金桥", "明德", "瑞丰", "启明", "天成",
            "海纳", "鼎盛", "睿智", "中联", "飞鸿", "安泰", "嘉禾", "宏图", "青松", "万象", "凯越", "汇通"};
    /** The industry's code in the shipped industry picklist (shown in the user's language), and a trade for the name. */
    private static final String[][] INDUSTRIES = {{"TECHNOLOGY", "信息科技"}, {"MANUFACTURING", "精密制造"}, {"RETAIL", "商贸"},
            {"FINANCE", "投资管理"}, {"HEALTHCARE", "医疗器械"}, {"EDUCATION", "教育科技"}, {"TRANSPORTATION", "供应链管理"},
            {"ENERGY", "新能源科技"}, {"CONSTRUCTION", "建设工程"}, {"FOOD_BEVERAGE", "餐饮管理"}};
    private static final String[] CN_SUFFIXES = {"有限公司", "股份有限公司", "集团有限公司", "有限责任公司"};
    private static final String[] EN_WORDS = {"Northwind", "Bluebird", "Summit", "Evergreen", "Silverline", "Brightpath", "Oakridge",
            "Redwood", "Harbor", "Pioneer", "Keystone", "Lakeside", "Crescent", "Horizon", "Granite", "Maple"};
    private static final String[] EN_TRADES = {"Analytics", "Logistics", "Trading", "Foods", "Medical", "Software", "Industries",
            "Energy", "Learning", "Capital"};
    private static final String[] EN_SUFFIXES = {"Co., Ltd.", "Inc.", "Ltd.", "GmbH", "Pte. Ltd.", "LLC"};
    private static final String[] EN_REGIONS = {"Singapore", "Hong Kong", "Germany", "United States", "Japan", "United Kingdom"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "涛", "明", "超", "秀英", "建华",
            "志强", "晓东", "丽娟", "海燕", "国平"};
    private static final String[] EN_FIRST = {"James", "Emma", "Oliver", "Sophia", "Lucas", "Mia", "Noah", "Ava", "Ethan", "Chloe"};
    private static final String[] EN_LAST = {"Smith", "Brown", "Müller", "Tan", "Wong", "Taylor", "Schmidt", "Lee", "Clark", "Walker"};
    private static final String[] TITLES = {"总经理", "采购经理", "信息部主任", "财务总监", "技术总监", "运营经理", "副总裁", "销售总监"};
    private static final String[] EN_TITLES = {"CEO", "Head of Procurement", "IT Director", "CFO", "CTO", "Operations Manager"};
    private static final String[] DEPARTMENTS = {"总经办", "采购部", "信息中心", "财务部", "技术部", "运营部"};
    /** Codes of the shipped lead sources (picklist leadSource): shown by their labels in the user's language. */
    private static final String[] SOURCES = {"TRADE_SHOW", "REFERRAL", "WEB_FORM", "INBOUND_CALL", "CAMPAIGN", "PARTNER"};
    /** Codes of the shipped company sizes (picklist companySize). */
    public static final String[] SIZES = {"MICRO", "SMALL", "MEDIUM", "LARGE", "ENTERPRISE"};
    /** Codes of the shipped decision roles (picklist decisionRole), the decision maker first. */
    private static final String[] ROLES = {"DECISION_MAKER", "INFLUENCER", "CHAMPION", "USER", "GATEKEEPER", "OTHER"};
    private static final String[] TAGS = {"重点客户", "战略合作", "老客户", "高潜力", "价格敏感", "需要演示", "政府背景", "上市公司"};
    private static final String[] NEEDS = {"希望统一管理全国门店的销售数据，减少手工报表。", "现有系统无法跟踪回款，需要合同与收款联动。",
            "销售团队流动大，客户资料容易流失。", "需要移动端记录拜访，并在周会上看到漏斗。", "Wants one view of accounts across regions and faster quotes."};
    private static final String[] SUMMARIES = {"电话沟通项目预算", "上门拜访，演示产品", "发送方案与报价", "与采购部确认招标时间", "技术交流会",
            "回访使用情况", "Intro call with the procurement team", "Sent the proposal and pricing"};
    private static final String[] OUTCOMES = {"客户有意向，需内部评审", "预算已批，等待招标", "需要补充案例", "暂无需求，半年后再跟进", "Positive, asked for a demo"};
    private static final String[] NEXT_STEPS = {"安排产品演示", "发送修订报价", "约见决策人", "提交投标文件", "Follow up on the contract draft"};

    private final Random random;
    private final Set<String> usedCodes = new HashSet<>();
    private final LocalDate today;
    private int sequence;

    private final boolean chineseOnly;

    /** Chinese and English customers mixed (the benchmarks' data). */
    public DemoDataGenerator(long seed, LocalDate today) {
        this(seed, today, false);
    }

    /**
     * @param chineseOnly every customer Chinese (a Chinese user's demo); a seed still always gives the same customers
     */
    public DemoDataGenerator(long seed, LocalDate today, boolean chineseOnly) {
        this.random = new Random(seed);
        this.today = today;
        this.chineseOnly = chineseOnly;
    }

    /** Whether demo data for a user of {@code locale} is all Chinese: a Chinese user's (the workbench started with {@code -nl zh_CN}). */
    public static boolean chineseOnly(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    /** The next customer, with contacts and activities (not yet saved). */
    public Customer next() {
        int n = sequence++;
        boolean chinese = random.nextInt(10) < 7 || chineseOnly;
        int city = random.nextInt(CITIES.length);
        String[] industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
        String brand = BRANDS[random.nextInt(BRANDS.length)];
        Customer c;
        String domain;
        if (chinese) {
            c = new Customer(CITIES[city] + "市" + brand + industry[1] + pick(CN_SUFFIXES));
            c.setShortName(brand + industry[1].substring(0, 2));
            c.setRegion(PROVINCES[city]);
            c.setAddress(CITIES[city] + "市" + pick(new String[] {"高新区", "经开区", "浦东新区", "天河区", "南山区", "滨江区"}) + (10 + random.nextInt(990)) + "号");
            domain = pinyinish(brand) + (n % 97) + ".cn";
        } else {
            String word = pick(EN_WORDS);
            String trade = pick(EN_TRADES);
            c = new Customer(word + " " + trade + " " + pick(EN_SUFFIXES));
            c.setShortName(word);
            c.setRegion(pick(EN_REGIONS));
            c.setAddress((1 + random.nextInt(200)) + " " + pick(new String[] {"Market Street", "Harbour Road", "King Street", "Orchard Road"}));
            domain = word.toLowerCase() + "-" + trade.toLowerCase() + (n % 97) + ".example";
        }
        c.setIndustry(industry[0]);
        c.setSize(pick(SIZES));
        c.setGrade(grade());
        c.setSource(pick(SOURCES));
        c.setStatus(status());
        c.setOwner(USERS.get(random.nextInt(USERS.size()))[0]);
        if (chinese && random.nextInt(10) < 8) {
            c.setCreditCode(creditCode(REGION_CODES[city]));
        }
        int tags = random.nextInt(3);
        for (int i = 0; i < tags; i++) {
            c.getTags().add(pick(TAGS));
        }
        if (random.nextInt(3) > 0) {
            c.setNextFollowUp(today.plusDays(random.nextInt(45) - 10)); // some are overdue
        }
        c.setNeeds(pick(NEEDS));
        int contacts = 1 + random.nextInt(3);
        for (int i = 0; i < contacts; i++) {
            c.addContact(contact(chinese, domain, i == 0));
        }
        int activities = random.nextInt(5);
        for (int i = 0; i < activities; i++) {
            LocalDateTime when = today.minusDays(random.nextInt(180)).atTime(9 + random.nextInt(9), random.nextInt(4) * 15);
            Activity a = new Activity(ActivityType.values()[random.nextInt(ActivityType.values().length)], when, pick(SUMMARIES));
            a.setOutcome(pick(OUTCOMES));
            a.setPerformedBy(c.getOwner());
            if (random.nextBoolean()) {
                a.setNextStep(pick(NEXT_STEPS));
                a.setNextStepDate(when.toLocalDate().plusDays(3 + random.nextInt(20)));
            }
            c.addActivity(a);
        }
        return c;
    }

    private Contact contact(boolean chinese, String domain, boolean primary) {
        Contact k;
        String mailbox;
        if (chinese) {
            String surname = pick(SURNAMES);
            k = new Contact(surname + pick(GIVEN));
            k.setTitle(pick(TITLES));
            k.setDepartment(pick(DEPARTMENTS));
            mailbox = "contact" + random.nextInt(10_000);
        } else {
            String first = pick(EN_FIRST);
            String last = pick(EN_LAST);
            k = new Contact(first + " " + last);
            k.setTitle(pick(EN_TITLES));
            mailbox = (first + "." + last).toLowerCase().replace("ü", "ue");
        }
        k.getPhones().add(String.format("+86 1%d%d %04d %04d", 3 + random.nextInt(7), random.nextInt(10), random.nextInt(10_000),
                random.nextInt(10_000)));
        if (random.nextInt(4) == 0) {
            k.getPhones().add(String.format("0%d-%08d", 10 + random.nextInt(89), random.nextInt(100_000_000)));
        }
        k.getEmails().add(mailbox + "@" + domain);
        k.setDecisionRole(primary ? ROLES[0] : ROLES[1 + random.nextInt(ROLES.length - 1)]);
        k.setPrimary(primary);
        return k;
    }

    /** A code of the right shape: registering department 9 (industry and commerce), type 1, region, organisation code. */
    private String creditCode(String region) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        while (true) {
            StringBuilder org = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                org.append(alphabet.charAt(random.nextInt(i < 2 ? 10 : alphabet.length())));
            }
            String code = CreditCode.withCheckCharacter("91" + region + org);
            if (usedCodes.add(code)) {
                return code;
            }
        }
    }

    private String grade() {
        int r = random.nextInt(100);
        return r < 10 ? "A" : r < 35 ? "B" : r < 75 ? "C" : "D";
    }

    private CustomerStatus status() {
        int r = random.nextInt(100);
        return r < 35 ? CustomerStatus.PROSPECT : r < 80 ? CustomerStatus.ACTIVE : r < 93 ? CustomerStatus.DORMANT : CustomerStatus.LOST;
    }

    private String pinyinish(String brand) {
        return "co" + Math.abs(brand.hashCode() % 10_000);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
