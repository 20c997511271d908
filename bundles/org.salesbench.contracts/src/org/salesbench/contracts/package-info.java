/**
 * The contracts module's API: {@link org.salesbench.contracts.Contract} with its
 * {@link org.salesbench.contracts.ContractLine}s and {@link org.salesbench.contracts.ContractStatus} life, and
 * {@link org.salesbench.contracts.ContractService}. Tables {@code SB_CONTRACT} and {@code SB_CONTRACT_LINE} belong to this
 * module; other modules read contracts through the service.
 */
package org.salesbench.contracts;
