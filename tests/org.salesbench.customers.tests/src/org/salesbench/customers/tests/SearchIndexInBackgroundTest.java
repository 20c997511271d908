package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * Customers whose contacts a bulk load wrote behind the index's back are indexed again in the background
 * ({@link CustomerSearch#writtenInBackground}): a query meanwhile waits for it and finds the new contact, and when the
 * process ends before the job ran, the ids kept beside the index are indexed by the next opening.
 */
class SearchIndexInBackgroundTest {

    @TempDir
    Path dir;
    private final LocalSecurityService security = new LocalSecurityService("tester");
    private DatabaseSettings settings;
    /** The customers to index again, kept beside the index until a job committed them. */
    private Path stale;

    @BeforeEach
    void paths() {
        settings = DatabaseSettings.embedded(dir.resolve("db"));
        stale = dir.resolve("db-search.stale");
    }

    @Test
    void contactsWrittenBehindTheIndexAreFoundAfterTheBackgroundJobAndAfterARestartThatItMissed() throws Exception {
        try (Database db = Database.open(settings, security)) {
            CustomerServiceImpl first = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            long huzhou;
            long jiaxing;
            try {
                huzhou = first.create(CustomerFixture.customer("湖州南浔丝绸有限公司")).getId();
                jiaxing = first.create(CustomerFixture.customer("嘉兴秀洲纺织有限公司")).getId();
                first.search().awaitCurrent();
                insertContact(settings, 990_101, huzhou, "Wukong Sun");
                assertEquals(0, first.count(CustomerFilter.text("wukong")), "written behind the index's back: not found yet");

                first.search().writtenInBackground(List.of(huzhou));
                assertEquals(1, first.count(CustomerFilter.text("wukong")), "a query waits for the job and finds the contact");
                Job.getJobManager().join(CustomerSearch.FAMILY, null);
                assertFalse(Files.exists(stale), "nothing is left to index once the job committed");

                // the process ends before the job runs: the ids wait beside the index for the next opening
                insertContact(settings, 990_102, jiaxing, "Bajie Zhu");
                Job.getJobManager().suspend();
                try {
                    first.search().writtenInBackground(List.of(jiaxing));
                    assertTrue(Files.exists(stale), "the customers to index again are recorded before the job runs");
                    Job.getJobManager().cancel(CustomerSearch.FAMILY);
                } finally {
                    Job.getJobManager().resume();
                }
            } finally {
                first.search().close();
            }

            CustomerServiceImpl second = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            try {
                assertEquals(List.of(jiaxing), java.util.Arrays.stream(second.ids(CustomerFilter.text("bajie"),
                        org.salesbench.customers.CustomerSort.DEFAULT)).boxed().toList(), "the next opening indexed the recorded customer");
                assertEquals(1, second.count(CustomerFilter.text("wukong")));
                assertFalse(Files.exists(stale));
                assertEquals(2, second.count(CustomerFilter.ALL));
            } finally {
                second.search().close();
            }
        }
    }

    /**
     * A close right after a bulk load of contacts (a command line's end) waits for their customers' re-index, even one
     * not started yet, so that the index is current when the command exits and nothing is left for the next start.
     */
    @Test
    void aCloseWaitsForTheContactsReindexSoTheCommandLineLeavesTheIndexCurrent() throws Exception {
        try (Database db = Database.open(settings, security)) {
            CustomerServiceImpl first = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            CustomerSearch search = first.search();
            java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
            // the re-index needs the search's lock, held here until the close has begun: the job is still to finish then
            Thread holder = new Thread(() -> {
                synchronized (search) {
                    held.countDown();
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            try {
                long huzhou = first.create(CustomerFixture.customer("湖州南浔丝绸有限公司")).getId();
                search.awaitCurrent();
                insertContact(settings, 990_201, huzhou, "Wujing Sha");
                holder.start();
                held.await();
                search.writtenInBackground(List.of(huzhou));
                assertTrue(Files.exists(stale));
            } finally {
                search.close(); // waits for the re-index
                holder.join();
            }
            assertFalse(Files.exists(stale), "the close waited for the re-index: nothing left for the next start");
            CustomerServiceImpl second = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            try {
                assertEquals(1, second.count(CustomerFilter.text("wujing")));
            } finally {
                second.search().close();
            }
        }
    }

    private static void insertContact(DatabaseSettings settings, long id, long customerId, String name) throws Exception {
        Timestamp now = Timestamp.from(Instant.now(Clocks.system()));
        try (Connection c = Database.connect(settings); PreparedStatement s = c.prepareStatement("INSERT INTO SB_CONTACT (ID, VERSION, "
                + "CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER, CUSTOMER_ID, NAME, IS_PRIMARY) VALUES (?, 1, ?, 'raw', ?, 'raw', 'raw', ?, ?, "
                + "FALSE)")) {
            s.setLong(1, id);
            s.setTimestamp(2, now);
            s.setTimestamp(3, now);
            s.setLong(4, customerId);
            s.setString(5, name);
            s.executeUpdate();
            c.commit();
        }
    }
}
