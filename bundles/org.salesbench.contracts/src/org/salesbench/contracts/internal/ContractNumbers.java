package org.salesbench.contracts.internal;

import jakarta.persistence.EntityManager;

import org.salesbench.persistence.UnitOfWork;

/**
 * The numbering counters, one row of {@code SB_CONTRACT_COUNTER} per scheme and period. A number is drawn by an
 * {@code UPDATE} of the row in the transaction that saves the contract: the row lock makes a concurrent creation wait
 * for the next value, and a rolled-back creation gives its value back. The unique constraint on the contract number is
 * the last guard.
 */
final class ContractNumbers {

    private ContractNumbers() {
    }

    /**
     * Makes sure the period's counter row exists, in a transaction of its own: two sessions that both insert it find one
     * of them refused by the primary key, which is what we want, and that failure must not undo a contract.
     */
    static void ensureCounter(UnitOfWork unitOfWork, String scheme, String period) {
        if (exists(unitOfWork, scheme, period)) {
            return;
        }
        try {
            unitOfWork.write(em -> em.createNativeQuery("INSERT INTO SB_CONTRACT_COUNTER (SCHEME_KEY, PERIOD_KEY, COUNTER_VALUE) VALUES (?, ?, 0)")
                    .setParameter(1, scheme).setParameter(2, period).executeUpdate());
        } catch (RuntimeException e) {
            if (!exists(unitOfWork, scheme, period)) {
                throw e;
            }
        }
    }

    private static boolean exists(UnitOfWork unitOfWork, String scheme, String period) {
        return unitOfWork.read(em -> !em.createNativeQuery("SELECT 1 FROM SB_CONTRACT_COUNTER WHERE SCHEME_KEY = ? AND PERIOD_KEY = ?")
                .setParameter(1, scheme).setParameter(2, period).getResultList().isEmpty());
    }

    /** The next value of the period's counter, locking its row until the calling transaction ends. */
    static long next(EntityManager em, String scheme, String period) {
        int updated = em.createNativeQuery("UPDATE SB_CONTRACT_COUNTER SET COUNTER_VALUE = COUNTER_VALUE + 1 WHERE SCHEME_KEY = ? AND PERIOD_KEY = ?")
                .setParameter(1, scheme).setParameter(2, period).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("no numbering counter for " + scheme + " " + period);
        }
        return ((Number) em.createNativeQuery("SELECT COUNTER_VALUE FROM SB_CONTRACT_COUNTER WHERE SCHEME_KEY = ? AND PERIOD_KEY = ?")
                .setParameter(1, scheme).setParameter(2, period).getSingleResult()).longValue();
    }
}
