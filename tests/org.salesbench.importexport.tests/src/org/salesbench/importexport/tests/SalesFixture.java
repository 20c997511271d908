package org.salesbench.importexport.tests;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.importexport.ColumnMapping;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.ValueMapping;
import org.salesbench.importexport.internal.ImportEngine;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.ProductCatalog;
import org.salesbench.opportunities.internal.LeadServiceImpl;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.quotes.ProductService;
import org.salesbench.quotes.internal.ProductCatalogImpl;
import org.salesbench.quotes.internal.ProductServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.UserService;
import org.salesbench.users.internal.UserServiceImpl;

/** A fresh in-memory database with the real customer, opportunity, lead, pipeline, product and user services and the import engine. */
final class SalesFixture implements AutoCloseable {

    final Database db;
    final ImportEngine engine;
    final CustomerServiceImpl customers;
    final OpportunityServiceImpl opportunities;
    final PipelineServiceImpl pipelines;
    final ProductServiceImpl products;
    final ProductCatalog catalog;
    final UserServiceImpl users;
    final LeadServiceImpl leads;

    SalesFixture() {
        this(new LocalSecurityService("importer"));
    }

    /** The services and the engine ask {@code security}, e.g. one whose field rules a test changes. */
    SalesFixture(SecurityService security) {
        db = Database.open(DatabaseSettings.inMemory("sales-import-" + UUID.randomUUID()), security);
        DomainEventPublisher quiet = (entity, change, id) -> {
        };
        customers = new CustomerServiceImpl(db, security, quiet);
        opportunities = new OpportunityServiceImpl(db, security, quiet);
        pipelines = new PipelineServiceImpl(db, security, quiet);
        products = new ProductServiceImpl(db, security, quiet);
        catalog = new ProductCatalogImpl(products);
        opportunities.setProductCatalog(catalog);
        users = new UserServiceImpl(db, security);
        leads = new LeadServiceImpl(db, security, quiet, customers, customers, opportunities);
        Map<Class<?>, Object> services = Map.of(CustomerService.class, customers, SecurityService.class, security,
                DomainEventPublisher.class, quiet, OpportunityService.class, opportunities, PipelineService.class, pipelines,
                ProductService.class, products, ProductCatalog.class, catalog, UserService.class, users, LeadService.class, leads);
        engine = new ImportEngine(db, services::get);
    }

    /** Imports with the automatic mapping, changed by {@code overrides} (column → field, {@code null} leaves it out). */
    ImportResult importFile(Path file, String target, Map<String, String> overrides, ValueMapping values, ImportSettings.Mode mode)
            throws IOException {
        ColumnMapping columns = engine.preview(file, ReadOptions.DETECT, target).mapping();
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            columns = columns.with(e.getKey(), e.getValue());
        }
        ImportSettings settings = new ImportSettings(target, columns).withValues(values).withMode(mode);
        return engine.run(file, ReadOptions.DETECT, settings, new NullProgressMonitor());
    }

    long count(String sql) {
        return db.read(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    BigDecimal sum(String sql) {
        return db.read(em -> {
            Object value = em.createNativeQuery(sql).getSingleResult();
            return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
