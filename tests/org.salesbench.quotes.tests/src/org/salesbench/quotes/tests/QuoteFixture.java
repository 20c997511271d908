package org.salesbench.quotes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteApprovalService;
import org.salesbench.quotes.QuoteLine;
import org.salesbench.quotes.internal.ProductServiceImpl;
import org.salesbench.quotes.internal.QuoteServiceImpl;
import org.salesbench.quotes.internal.ThresholdQuoteApprovalService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * A fresh database, in memory unless settings say otherwise (all migrations, including the seeded pipelines) with the real product and quote
 * services, a 10 % discount threshold, a customer with a Chinese name and one opportunity.
 */
final class QuoteFixture implements AutoCloseable {

    static final String CUSTOMER_NAME = "杭州云栖智能制造有限公司";

    record Posted(String entity, Change change, long id) {
    }

    final Database db;
    final SecurityService security;
    final List<Posted> events = new ArrayList<>();
    final ProductServiceImpl products;
    final QuoteServiceImpl quotes;
    final Opportunity opportunity;

    QuoteFixture() {
        this(new ThresholdQuoteApprovalService(BigDecimal.TEN));
    }

    QuoteFixture(QuoteApprovalService approval) {
        this(approval, new LocalSecurityService("zhang.wei", "张伟"));
    }

    QuoteFixture(QuoteApprovalService approval, SecurityService security) {
        this(DatabaseSettings.inMemory("quotes-" + UUID.randomUUID()), approval, security);
    }

    QuoteFixture(DatabaseSettings settings, QuoteApprovalService approval, SecurityService security) {
        this.security = security;
        db = Database.open(settings, security);
        DomainEventPublisher publisher = (entity, change, id) -> {
            synchronized (events) {
                events.add(new Posted(entity, change, id));
            }
        };
        products = new ProductServiceImpl(db, security, publisher);
        quotes = new QuoteServiceImpl(db, security, publisher, approval);
        opportunity = db.write(em -> {
            Customer customer = new Customer(CUSTOMER_NAME);
            customer.setStatus(CustomerStatus.PROSPECT);
            customer.setNormalizedName(CUSTOMER_NAME); // what CustomerService derives; this test only needs a row
            em.persist(customer);
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class)
                    .setMaxResults(1).getSingleResult();
            Opportunity o = new Opportunity(customer, "MES 二期 rollout", Money.cny("500000"));
            o.setPipeline(pipeline);
            o.setStage(pipeline.getStages().get(0));
            o.setProbability(pipeline.getStages().get(0).getProbability());
            em.persist(o);
            return o;
        });
    }

    Product product(String code, String name, String listPrice, String taxRate) {
        return products.create(new Product(code, name, "套", Money.cny(listPrice), new BigDecimal(taxRate)));
    }

    Quote draft(QuoteLine... lines) {
        Quote quote = new Quote(opportunity, LocalDate.now(Clocks.system()).plusDays(30));
        for (QuoteLine line : lines) {
            quote.addLine(line);
        }
        return quote;
    }

    /**
     * The usual draft, created: one ERP licence at 98,000 with 5 % off and 13 % tax, and 20 service days at 2,500 with the
     * given discount and 6 % tax.
     */
    Quote erpWithServiceDays(String serviceDiscount) {
        Product erp = product("ERP-STD", "ERP 标准版", "98000", "13");
        Product days = product("SVC-DAY", "实施服务", "2500", "6");
        return quotes.createDraft(draft(line(erp, "1", "98000", "5", "13"), line(days, "20", "2500", serviceDiscount, "6")));
    }

    /** Asserts a quote's stored totals, in yuan, and its lines' product codes in order. */
    static void assertStored(Quote quote, String subtotal, String discount, String net, String tax, String grand, String... codes) {
        assertEquals(Money.cny(subtotal), quote.getSubtotal(), "subtotal");
        assertEquals(Money.cny(discount), quote.getDiscountTotal(), "discount");
        assertEquals(Money.cny(net), quote.getNetTotal(), "net");
        assertEquals(Money.cny(tax), quote.getTaxTotal(), "tax");
        assertEquals(Money.cny(grand), quote.getGrandTotal(), "grand total");
        assertEquals(List.of(codes), quote.getLines().stream().map(l -> l.getProduct().getCode()).toList());
    }

    static QuoteLine line(Product product, String quantity, String unitPrice, String discount, String tax) {
        return new QuoteLine(product, quantity == null ? null : new BigDecimal(quantity), unitPrice == null ? null : new BigDecimal(unitPrice),
                discount == null ? null : new BigDecimal(discount), tax == null ? null : new BigDecimal(tax));
    }

    @Override
    public void close() {
        db.close();
    }
}
