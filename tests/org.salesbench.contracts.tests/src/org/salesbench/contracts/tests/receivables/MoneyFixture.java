package org.salesbench.contracts.tests.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.salesbench.analytics.MetricCatalogue;
import org.salesbench.analytics.ReportContext;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractLine;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.internal.receivables.ReceivablesServiceImpl;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.Scope;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.UnitOfWork;

/** A database with the real receivables service, and contracts in the status a test needs, owned by whom it says. */
final class MoneyFixture implements AutoCloseable {

    /** Who is signed in; everyone may do everything (permissions are the contracts core's tests' subject). */
    static final class People implements SecurityService {
        volatile String login = "finance.zhou";

        @Override
        public CurrentUser currentUser() {
            return new CurrentUser(login, login, List.of(), true);
        }

        @Override
        public boolean isPermitted(Action action, String entity, String owner) {
            return true;
        }

        @Override
        public Scope scope(Action action, String entity) {
            return Scope.ALL;
        }
    }

    final People people = new People();
    final Database db;
    final ReceivablesServiceImpl money;
    final List<String> events = new ArrayList<>();
    final LocalDate today = LocalDate.now(Clocks.system());

    MoneyFixture() {
        this(DatabaseSettings.inMemory("money-" + UUID.randomUUID()));
    }

    MoneyFixture(DatabaseSettings settings) {
        db = Database.open(settings, people);
        money = new ReceivablesServiceImpl(db, people, (entity, change, id) -> {
            synchronized (events) {
                events.add(entity + "/" + change + "/" + id);
            }
        }, Clocks::system);
    }

    long customer(String name) {
        return db.write(em -> {
            Customer c = new Customer(name);
            c.setNormalizedName(name.toLowerCase(Locale.ROOT));
            em.persist(c);
            em.flush();
            return c.getId();
        });
    }

    /** A contract of {@code amount} (one line, no tax) in {@code status}, owned by {@code owner}. */
    long contract(long customerId, String owner, ContractStatus status, String amount, String currency) {
        return db.write(em -> {
            Contract c = new Contract(em.find(Customer.class, customerId), "合同 " + owner + " " + amount, currency);
            c.setNumber("HT-T-" + UUID.randomUUID().toString().substring(0, 8));
            c.setOwner(owner);
            c.setStatus(status);
            c.setEndDate(today.plusDays(365));
            c.addLine(new ContractLine(null, "服务 service", BigDecimal.ONE, new BigDecimal(amount), BigDecimal.ZERO, BigDecimal.ZERO));
            c.applyTotals();
            em.persist(c);
            em.flush();
            return c.getId();
        });
    }

    /** Sets the status as the contract service's state machine would, the instalments following it (not checked). */
    void status(long contractId, ContractStatus status) {
        db.write(em -> {
            Contract contract = em.find(Contract.class, contractId);
            contract.setStatus(status);
            em.createQuery("SELECT i FROM Instalment i WHERE i.contractId = :c", org.salesbench.contracts.receivables.Instalment.class)
                    .setParameter("c", contractId).getResultList().forEach(i -> i.follow(contract.getCustomer().getId(), status.isApproved()));
            return null;
        });
    }

    void endDate(long contractId, LocalDate end) {
        db.write(em -> {
            em.find(Contract.class, contractId).setEndDate(end);
            return null;
        });
    }

    /** Rows of one of this module's tables, counted by SQL. */
    long count(String table) {
        return db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue());
    }

    ReportContext reportContext() {
        UnitOfWork unitOfWork = db;
        SecurityService security = people;
        return new ReportContext() {
            @Override
            public UnitOfWork unitOfWork() {
                return unitOfWork;
            }

            @Override
            public MetricCatalogue metrics() {
                return new MetricCatalogue() {
                    @Override
                    public List<org.salesbench.analytics.Metric> metrics() {
                        return List.of();
                    }

                    @Override
                    public Optional<org.salesbench.analytics.Metric> metric(String id) {
                        return Optional.empty();
                    }
                };
            }

            @Override
            public SecurityService security() {
                return security;
            }

            @Override
            public Locale locale() {
                return Locale.ENGLISH;
            }
        };
    }

    @Override
    public void close() {
        db.close();
    }
}
