package org.salesbench.importexport.tests;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.internal.ImportEngine;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/** A fresh in-memory database with the real customer service and the import engine over it. */
final class ImportFixture implements AutoCloseable {

    final Database db;
    final CustomerServiceImpl customers;
    final ImportEngine engine;
    final List<Long> events = new ArrayList<>();
    /** The bulk writes announced, as entity:count. */
    final List<String> imported = new ArrayList<>();

    ImportFixture() {
        this(DatabaseSettings.inMemory("import-" + UUID.randomUUID()));
    }

    ImportFixture(DatabaseSettings settings) {
        LocalSecurityService security = new LocalSecurityService("importer");
        db = Database.open(settings, security);
        DomainEventPublisher publisher = new DomainEventPublisher() {
            @Override
            public void publish(String entity, Change change, long id) {
                synchronized (events) {
                    events.add(id);
                }
            }

            @Override
            public void publishImported(String entity, int count) {
                synchronized (imported) {
                    imported.add(entity + ":" + count);
                }
            }
        };
        customers = new CustomerServiceImpl(db, security, publisher);
        Map<Class<?>, Object> services = Map.of(CustomerService.class, customers, SecurityService.class, security,
                DomainEventPublisher.class, publisher);
        engine = new ImportEngine(db, services::get);
    }

    /** Imports with the automatic mapping and the given settings' other choices. */
    ImportResult importFile(Path file, String target, ImportSettings settings) throws IOException {
        return engine.run(file, ReadOptions.DETECT, settings, new NullProgressMonitor());
    }

    ImportSettings auto(Path file, String target) throws IOException {
        return new ImportSettings(target, engine.preview(file, ReadOptions.DETECT, target).mapping());
    }

    long count(String table) {
        return db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue());
    }

    /** The rows of a query of two text columns as a sorted map of the first to the second (a record's name to a field's code). */
    java.util.SortedMap<String, String> pairs(String sql) {
        java.util.SortedMap<String, String> byName = new java.util.TreeMap<>();
        for (Object row : db.read(em -> em.createNativeQuery(sql).getResultList())) {
            Object[] r = (Object[]) row;
            byName.put((String) r[0], (String) r[1]);
        }
        return byName;
    }

    long customerCount() {
        return customers.count(CustomerFilter.ALL);
    }

    @SuppressWarnings("unchecked")
    List<String> customerNames() {
        return db.read(em -> (List<String>) em.createNativeQuery("SELECT NAME FROM SB_CUSTOMER ORDER BY NAME").getResultList());
    }

    long idOf(String name) {
        return db.read(em -> ((Number) em.createNativeQuery("SELECT ID FROM SB_CUSTOMER WHERE NAME = ?").setParameter(1, name)
                .getSingleResult()).longValue());
    }

    static Path write(Path file, String text, Charset charset, boolean bom) throws IOException {
        byte[] body = text.getBytes(charset);
        if (bom) {
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            body = withBom;
        }
        return Files.write(file, body);
    }

    static Path utf8(Path file, String text) throws IOException {
        return write(file, text, StandardCharsets.UTF_8, false);
    }

    @Override
    public void close() {
        db.close();
    }
}
