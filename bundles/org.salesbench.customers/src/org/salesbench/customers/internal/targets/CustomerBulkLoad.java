package org.salesbench.customers.internal.targets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.persistence.PersistenceException;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.BulkWriter;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.persistence.SequenceIds;
import org.salesbench.importexport.targets.BulkLoad;
import org.salesbench.importexport.targets.DerbyBulkInsert;
import org.salesbench.importexport.targets.WritableFields;

/**
 * New customers of a large import, loaded with Derby's bulk insert while the file is still being read: the
 * first staged batch starts the insert on a loader thread of its own, which takes the rows as they are
 * validated ({@link DerbyBulkInsert}); the tags follow the customers, and the external ids the tags, in the
 * loader's one transaction, which commits when {@link #load} is called and rolls back when the run ends
 * without it. The keys the run matches on are read once into hash maps, so matching costs no query per row;
 * every row is validated by {@link CustomerService#validate} on a plain {@link Customer} (no entity manager).
 * Ids are reserved from SB_SEQUENCE per batch, so a committed load can be undone by those ranges (the
 * foreign keys cascade). Rows of the same run never match each other here: the engine rejects duplicates
 * inside the file first.
 */
final class CustomerBulkLoad implements BulkWriter.Staging {

    private static final List<String> CUSTOMER_COLUMNS = List.of("ID", "VERSION", "CREATED_AT", "CREATED_BY", "UPDATED_AT", "UPDATED_BY",
            "OWNER", "NAME", "SHORT_NAME", "CREDIT_CODE", "NORMALIZED_NAME", "INDUSTRY", "REGION", "ADDRESS", "COMPANY_SIZE", "GRADE", "SOURCE",
            "STATUS", "NEXT_FOLLOW_UP", "NEEDS", "NOTES");
    /** Batches staged but not yet inserted before staging waits for the loader: enough to ride out its index sorts. */
    private static final int BATCHES_AHEAD = 4;

    private final UnitOfWork unitOfWork;
    private final CustomerService service;
    private final DomainEventPublisher events;
    private final MatchPolicy match;
    private final java.util.function.UnaryOperator<String> industries;
    private final CustomersTarget target = new CustomersTarget();
    /** Existing record id by normalised key value, per key field the run matches on. */
    private final Map<String, Map<String, Long>> existing = new HashMap<>();
    private final DerbyBulkInsert customers = new DerbyBulkInsert("SB_CUSTOMER", CUSTOMER_COLUMNS, BATCHES_AHEAD);
    /** Read only once the customers are in: it waits in memory. */
    private final DerbyBulkInsert tags = new DerbyBulkInsert("SB_CUSTOMER_TAG", List.of("CUSTOMER_ID", "TAG"), 0);
    /** The loader's run, from the first staged batch. */
    private CompletableFuture<Void> loading;
    private final Map<String, Long> externalIds = new HashMap<>();
    /** The reserved id ranges, first and last, for {@link #undo}. */
    private final List<long[]> idRanges = new ArrayList<>();
    private final String login;
    /** The customer fields the user may only read or not see, resolved once for the run: a new row may not set them. */
    private final WritableFields rules;
    /** Created and updated time of every new row: the search index catches up from UPDATED_AT. */
    private final Timestamp now = Timestamp.from(Instant.now(Clocks.system()));
    private int staged;
    private boolean loaded;

    CustomerBulkLoad(UnitOfWork unitOfWork, CustomerService service, SecurityService security, DomainEventPublisher events, MatchPolicy match,
            java.util.function.UnaryOperator<String> industries) {
        this.industries = industries;
        security.check(Action.CREATE, CustomersTarget.ENTITY, null);
        this.unitOfWork = unitOfWork;
        this.service = service;
        this.events = events;
        this.match = match;
        this.login = security.currentUser().login();
        this.rules = WritableFields.of(security, Customer.ENTITY);
        if (match.onMatch() != OnMatch.CREATE) {
            unitOfWork.write(em -> { // a transaction, so the entity manager hands out its connection
                try {
                    readExistingKeys(em.unwrap(Connection.class));
                } catch (SQLException e) {
                    throw new PersistenceException(e.getMessage(), e);
                }
                return null;
            });
        }
    }

    private void readExistingKeys(Connection connection) throws SQLException {
        for (String key : match.keys()) {
            if (!key.equals(CustomersTarget.CREDIT_CODE) && !key.equals(CustomersTarget.NAME)) {
                existing.put(key, ExternalIds.all(connection, CustomersTarget.ENTITY, "SB_CUSTOMER"));
                continue;
            }
            Map<String, Long> ids = new HashMap<>();
            String sql = key.equals(CustomersTarget.CREDIT_CODE) ? "SELECT CREDIT_CODE, ID FROM SB_CUSTOMER WHERE CREDIT_CODE IS NOT NULL"
                    : "SELECT NORMALIZED_NAME, ID FROM SB_CUSTOMER";
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.merge(rs.getString(1), rs.getLong(2), Math::min); // the oldest record, as the per-batch look-up finds it
                }
            }
            existing.put(key, ids);
        }
    }

    @Override
    public List<RowOutcome> stage(List<ImportRow> rows) {
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        List<Customer> creates = new ArrayList<>();
        List<Integer> createIndexes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            Customer customer = new Customer();
            CustomersTarget.apply(row, customer, java.util.function.UnaryOperator.identity());
            CustomersTarget.prepare(customer);
            long matched = matchOf(row, customer);
            if (matched != 0) {
                outcomes[i] = match.onMatch() == OnMatch.SKIP ? RowOutcome.skipped(matched) : null;
                continue;
            }
            // the industry's code once the row is to be written (an unknown one is noted or added only then)
            customer.setIndustry(industries.apply(customer.getIndustry()));
            RowOutcome unwritable = rules.refusal(row, customer, null);
            if (unwritable != null) {
                outcomes[i] = unwritable;
                continue;
            }
            try {
                service.validate(customer);
                creates.add(customer);
                createIndexes.add(i);
            } catch (ValidationException e) {
                outcomes[i] = RowOutcome.failed(e.getErrors());
            }
        }
        if (!creates.isEmpty()) {
            long first = reserveIds(creates.size());
            List<Object[]> customerRows = new ArrayList<>(creates.size());
            List<Object[]> tagRows = new ArrayList<>();
            for (int k = 0; k < creates.size(); k++) {
                long id = first + k;
                rows(id, creates.get(k), customerRows, tagRows);
                int i = createIndexes.get(k);
                outcomes[i] = RowOutcome.created(id);
                String external = rows.get(i).text(CustomersTarget.EXTERNAL_ID);
                if (external != null && !external.isBlank()) {
                    externalIds.put(external.strip(), id);
                }
            }
            staged += creates.size();
            startLoading();
            customers.add(customerRows);
            tags.add(tagRows);
        }
        return Arrays.asList(outcomes);
    }

    /**
     * The existing customer the row matches on the first of the run's keys that finds one, or 0. The name and
     * credit code come from the prepared customer, normalised as {@link CustomersTarget#normaliseKey} does it
     * (folding a name is most of what staging a row costs: it is done once).
     */
    private long matchOf(ImportRow row, Customer prepared) {
        if (match.onMatch() == OnMatch.CREATE) {
            return 0;
        }
        for (String key : match.keys()) {
            String value = switch (key) {
            case CustomersTarget.NAME -> row.get(key) == null ? null : prepared.getNormalizedName();
            case CustomersTarget.CREDIT_CODE -> row.get(key) == null ? null : prepared.getCreditCode();
            default -> target.normaliseKey(key, row.get(key));
            };
            if (value != null && !value.isEmpty()) {
                Long id = existing.get(key).get(value);
                if (id != null) {
                    return id;
                }
            }
        }
        return 0;
    }

    private long reserveIds(int count) {
        long first = unitOfWork.write(em -> {
            try {
                return SequenceIds.reserve(em.unwrap(Connection.class), count);
            } catch (SQLException e) {
                throw new PersistenceException(e.getMessage(), e);
            }
        });
        idRanges.add(new long[] { first, first + count - 1 });
        return first;
    }

    /** The customer's row in {@link #CUSTOMER_COLUMNS} order, and its tag rows. */
    private void rows(long id, Customer c, List<Object[]> customerRows, List<Object[]> tagRows) {
        customerRows.add(new Object[] { id, 1L, now, login, now, login, c.getOwner() == null ? login : c.getOwner(), c.getName(), c.getShortName(),
                c.getCreditCode(), c.getNormalizedName(), c.getIndustry(), c.getRegion(), c.getAddress(),
                c.getSize() == null ? null : c.getSize().name(), c.getGrade(), c.getSource(), c.getStatus().name(),
                c.getNextFollowUp() == null ? null : java.sql.Date.valueOf(c.getNextFollowUp()), c.getNeeds(), c.getNotes() });
        for (String tag : c.getTags()) {
            tagRows.add(new Object[] { id, tag });
        }
    }

    /**
     * Starts the loader thread once: customers as staging hands them over, then the tags, then the external ids,
     * in one transaction that commits when staging has finished both inserts ({@link #load}).
     */
    private void startLoading() {
        if (loading != null) {
            return;
        }
        loading = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                unitOfWork.write(em -> {
                    Connection connection = em.unwrap(Connection.class);
                    try {
                        customers.insert(connection);
                        tags.insert(connection);
                        BulkLoad.putExternalIds(connection, CustomersTarget.ENTITY, externalIds);
                    } catch (SQLException e) {
                        throw new PersistenceException(e.getMessage(), e);
                    }
                    return null;
                });
                loading.complete(null);
            } catch (Throwable e) {
                customers.stop(); // staging must not wait for a loader that is gone
                tags.stop();
                loading.completeExceptionally(e);
            }
        }, "Salesbench customer bulk load");
        loader.setDaemon(true);
        loader.start();
    }

    @Override
    public int staged() {
        return staged;
    }

    @Override
    public void load() throws ImportException {
        if (loading == null) {
            return;
        }
        customers.finish();
        tags.finish();
        try {
            loading.join();
            loaded = true;
        } catch (CompletionException e) {
            // the loader's transaction rolled back: nothing of the load remains
            throw new ImportException(NLS.bind(ImportMessages.Bulk_loadFailed, rootMessage(e)));
        }
    }

    @Override
    public void undo() {
        if (!loaded) {
            return;
        }
        unitOfWork.write(em -> {
            for (long[] range : idRanges) {
                // tags (and anything else that hangs on a customer) follow by ON DELETE CASCADE
                em.createNativeQuery("DELETE FROM SB_CUSTOMER WHERE ID BETWEEN ? AND ?").setParameter(1, range[0]).setParameter(2, range[1])
                        .executeUpdate();
                ExternalIds.removeRange(em, CustomersTarget.ENTITY, range[0], range[1]);
            }
            return null;
        });
        loaded = false;
    }

    @Override
    public void announce() {
        if (loaded && service instanceof CustomerServiceImpl impl) {
            // at once, not only on the event, which is delivered asynchronously: a command line that closes the database
            // right after the import would close the index before the event arrived and leave it to the next start
            impl.search().imported();
        }
        if (loaded && events != null) {
            events.publishImported(CustomersTarget.ENTITY, staged);
        }
    }

    /** Without {@link #load}, stops the loader, whose transaction then rolls back, and waits for it. */
    @Override
    public void close() {
        if (loading != null && !loading.isDone()) {
            customers.stop();
            tags.stop();
            try {
                loading.join();
            } catch (CompletionException expected) {
                // the stopped insert failed, as it should
            }
        }
        customers.close();
        tags.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
