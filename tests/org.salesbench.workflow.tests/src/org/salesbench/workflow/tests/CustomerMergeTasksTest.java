package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.MergeResult;
import org.salesbench.customers.internal.CustomerMergeImpl;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.internal.TasksRecordMerge;

/**
 * A customer's merge moves the tasks about the merged customer to the survivor (workflow takes part through
 * {@code CustomerMergeParticipant}, as deals and contracts do), counted in the merge's result; the undo puts them back.
 */
class CustomerMergeTasksTest {

    private Database db;
    private CustomerServiceImpl customers;
    private CustomerMergeImpl merge;

    @BeforeEach
    void open() {
        LocalSecurityService security = new LocalSecurityService("tester");
        db = Database.open(DatabaseSettings.inMemory("customer-merge-tasks-" + UUID.randomUUID()), security);
        customers = new CustomerServiceImpl(db, security, (entity, change, id) -> { });
        merge = new CustomerMergeImpl(db, security, (entity, change, id) -> { }, customers);
        merge.addParticipant(new TasksRecordMerge(db));
    }

    @AfterEach
    void close() {
        customers.search().close();
        db.close();
    }

    private long customer(String name) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.ACTIVE);
        return customers.create(c).getId();
    }

    private void task(String title, long customerId) {
        db.write(em -> {
            em.persist(new Task(title, new RecordRef(Customer.ENTITY, customerId), null));
            return null;
        });
    }

    /** The tasks about each customer, counted in SQL. */
    private Map<Long, Long> tasksByCustomer() {
        return db.read(em -> {
            Map<Long, Long> counts = new TreeMap<>();
            for (Object row : em.createNativeQuery("SELECT RELATED_ID, COUNT(*) FROM SB_TASK WHERE RELATED_ENTITY = 'customer' GROUP BY RELATED_ID")
                    .getResultList()) {
                Object[] r = (Object[]) row;
                counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            }
            return counts;
        });
    }

    @Test
    void theTasksAboutTheMergedCustomerMoveAndTheUndoPutsThemBack() {
        long keep = customer("杭州云栖科技有限公司");
        long other = customer("杭州云栖科技");
        task("回电", keep);
        task("寄合同", other);
        task("约演示", other);
        Map<Long, Long> before = tasksByCustomer();

        MergeResult result = merge.merge(keep, other, Set.of(), null, null);
        assertEquals(2, result.moved().get("task"), result.moved().toString());
        assertEquals(Map.of(keep, 3L), tasksByCustomer(), "every task is about the survivor");

        MergeResult undone = merge.unmerge(result.mergeId());
        assertEquals(2, undone.moved().get("task"), undone.moved().toString());
        assertEquals(before, tasksByCustomer());
    }
}
