package org.salesbench.contracts.internal.documents;

import java.util.List;

import org.salesbench.contracts.Contract;
import org.salesbench.contracts.receivables.Instalment;

/** What a contract document is rendered from: the contract with its lines and customer loaded, and its payment plan. */
public record ContractDocument(Contract contract, List<Instalment> plan) {
}
