/**
 * The public pool (公海) of customers: customers nobody follows up return to it after a warning to their owner, and
 * anyone allowed may claim them from it up to a cap of owned customers. {@link org.salesbench.customers.pool.CustomerPool}
 * is the service.
 * <p>
 * A customer in the pool has the owner {@link org.salesbench.customers.pool.CustomerPool#POOL_OWNER}, which no login can
 * be, so lists, reports and owner filters keep working and show it as nobody's. Tables of this module published for
 * reading (never writing) by other modules: {@code SB_CUSTOMER_POOL_EVENT} (CUSTOMER_ID, KIND = WARNED, RETURNED or
 * CLAIMED, EVENT_AT, ACTOR, FROM_OWNER, TO_OWNER, REASON) and {@code SB_CUSTOMER_POOL_WARNING} (CUSTOMER_ID, OWNER,
 * FOLLOW_UP_AT, WARNED_AT, RETURN_ON: the customers about to return, one row each), for example for the workflow module
 * to turn warnings into tasks.
 */
package org.salesbench.customers.pool;
