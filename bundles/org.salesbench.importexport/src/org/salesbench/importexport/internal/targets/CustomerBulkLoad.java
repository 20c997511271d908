package org.salesbench.importexport.internal.targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

import jakarta.persistence.PersistenceException;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.internal.BulkWriter;
import org.salesbench.importexport.internal.ExternalIds;
import org.salesbench.importexport.internal.Messages;
import org.salesbench.persistence.UnitOfWork;

/**
 * New customers of a large import, staged in Derby import files and loaded with {@code SYSCS_IMPORT_DATA}.
 * The keys the run matches on are read once into hash maps, so matching costs no query per row; every row
 * is validated by {@link CustomerService#validate} on a plain {@link Customer} (no entity manager). Ids are
 * reserved from SB_SEQUENCE per batch, so a load can be undone by those ranges (the foreign keys cascade).
 * Rows of the same run never match each other here: the engine rejects duplicates inside the file first.
 */
final class CustomerBulkLoad implements BulkWriter.Staging {

    private static final String CUSTOMER_COLUMNS = "ID,VERSION,CREATED_AT,CREATED_BY,UPDATED_AT,UPDATED_BY,OWNER,NAME,SHORT_NAME,CREDIT_CODE,"
            + "NORMALIZED_NAME,INDUSTRY,REGION,ADDRESS,COMPANY_SIZE,GRADE,SOURCE,STATUS,NEXT_FOLLOW_UP,NEEDS,NOTES";

    private final UnitOfWork unitOfWork;
    private final CustomerService service;
    private final DomainEventPublisher events;
    private final MatchPolicy match;
    private final CustomersTarget target = new CustomersTarget();
    /** Existing record id by normalised key value, per key field the run matches on. */
    private final Map<String, Map<String, Long>> existing = new HashMap<>();
    private final Path dir;
    private final DerbyImportFile customers;
    private final DerbyImportFile tags;
    private final Map<String, Long> externalIds = new HashMap<>();
    /** The reserved id ranges, first and last, for {@link #undo}. */
    private final List<long[]> idRanges = new ArrayList<>();
    private final String login;
    /** Created and updated time of every new row: the search index catches up from UPDATED_AT. */
    private final Timestamp now = Timestamp.from(Instant.now());
    private int staged;
    private boolean loaded;

    CustomerBulkLoad(UnitOfWork unitOfWork, CustomerService service, SecurityService security, DomainEventPublisher events, MatchPolicy match)
            throws IOException {
        security.check(Action.CREATE, CustomersTarget.ENTITY, null);
        this.unitOfWork = unitOfWork;
        this.service = service;
        this.events = events;
        this.match = match;
        this.login = security.currentUser().login();
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
        dir = Files.createTempDirectory("salesbench-import");
        customers = new DerbyImportFile(dir, "SB_CUSTOMER", CUSTOMER_COLUMNS);
        tags = new DerbyImportFile(dir, "SB_CUSTOMER_TAG", "CUSTOMER_ID,TAG");
    }

    private void readExistingKeys(Connection connection) throws SQLException {
        for (String key : match.keys()) {
            Map<String, Long> ids = new HashMap<>();
            String sql = switch (key) {
            case CustomersTarget.CREDIT_CODE -> "SELECT CREDIT_CODE, ID FROM SB_CUSTOMER WHERE CREDIT_CODE IS NOT NULL";
            case CustomersTarget.NAME -> "SELECT NORMALIZED_NAME, ID FROM SB_CUSTOMER";
            default -> "SELECT x.EXTERNAL_ID, x.RECORD_ID FROM SB_IMPORT_EXTERNAL_ID x JOIN SB_CUSTOMER r ON r.ID = x.RECORD_ID"
                    + " WHERE x.ENTITY = ?";
            };
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (sql.endsWith("?")) {
                    select.setString(1, CustomersTarget.ENTITY);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.merge(rs.getString(1), rs.getLong(2), Math::min); // the oldest record, as the per-batch look-up finds it
                    }
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
            CustomersTarget.apply(row, customer);
            CustomersTarget.prepare(customer);
            long matched = matchOf(row, customer);
            if (matched != 0) {
                outcomes[i] = match.onMatch() == OnMatch.SKIP ? RowOutcome.skipped(matched) : null;
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
            for (int k = 0; k < creates.size(); k++) {
                long id = first + k;
                write(id, creates.get(k));
                int i = createIndexes.get(k);
                outcomes[i] = RowOutcome.created(id);
                String external = rows.get(i).text(CustomersTarget.EXTERNAL_ID);
                if (external != null && !external.isBlank()) {
                    externalIds.put(external.strip(), id);
                }
            }
            staged += creates.size();
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
                return Ids.reserve(em.unwrap(Connection.class), count);
            } catch (SQLException e) {
                throw new PersistenceException(e.getMessage(), e);
            }
        });
        idRanges.add(new long[] { first, first + count - 1 });
        return first;
    }

    private void write(long id, Customer c) {
        customers.value(id).value(1).value(now).text(login).value(now).text(login).text(c.getOwner() == null ? login : c.getOwner())
                .text(c.getName()).text(c.getShortName()).text(c.getCreditCode()).text(c.getNormalizedName()).text(c.getIndustry())
                .text(c.getRegion()).text(c.getAddress()).text(c.getSize() == null ? null : c.getSize().name()).text(c.getGrade())
                .text(c.getSource()).text(c.getStatus().name()).value(c.getNextFollowUp()).text(c.getNeeds()).text(c.getNotes()).endRow();
        for (String tag : c.getTags()) {
            tags.value(id).text(tag).endRow();
        }
    }

    @Override
    public int staged() {
        return staged;
    }

    @Override
    public void load() throws ImportException {
        if (staged == 0) {
            return;
        }
        try {
            loaded = true; // from here on a failure may have left rows that undo removes
            unitOfWork.write(em -> {
                Connection connection = em.unwrap(Connection.class);
                try {
                    customers.load(connection);
                    tags.load(connection);
                    // the load committed; the external ids follow in the unit of work's own commit
                    ExternalIds.put(connection, CustomersTarget.ENTITY, externalIds);
                } catch (SQLException e) {
                    throw new PersistenceException(e.getMessage(), e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (RuntimeException e) {
            undo();
            throw new ImportException(NLS.bind(Messages.Bulk_loadFailed, rootMessage(e)));
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
                em.createNativeQuery("DELETE FROM SB_IMPORT_EXTERNAL_ID WHERE ENTITY = ? AND RECORD_ID BETWEEN ? AND ?")
                        .setParameter(1, CustomersTarget.ENTITY).setParameter(2, range[0]).setParameter(3, range[1]).executeUpdate();
            }
            return null;
        });
        loaded = false;
    }

    @Override
    public void announce() {
        if (loaded && events != null) {
            events.publishImported(CustomersTarget.ENTITY, staged);
        }
    }

    @Override
    public void close() {
        customers.close();
        tags.close();
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // an empty directory left in the temporary directory does no harm
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
