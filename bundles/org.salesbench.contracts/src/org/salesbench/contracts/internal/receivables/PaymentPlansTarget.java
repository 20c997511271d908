package org.salesbench.contracts.internal.receivables;

import static org.salesbench.importexport.TargetField.of;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.importexport.targets.RecordChunks;

/**
 * Payment plans in and out ({@code org.salesbench.importexport.targets}): one row an instalment (contract, due date, an
 * amount or a percentage, a description, and for a signed contract the amendment's reason). The rows of one contract
 * replace its plan through {@link ReceivablesService#setPlan}, so they must add up to the contract amount to the cent or
 * every row of that contract is refused, naming the amount column; other contracts' rows are not affected. A contract's
 * consecutive rows are never split across batches ({@link #groupField}), and its rows apart from each other within one
 * batch are planned together; rows of a contract that an earlier batch of the same run already had (not next to these
 * in the file, so a batch boundary fell between them) are refused, naming the rows of both parts: a plan is written
 * whole or not at all, never from part of its rows. In valid-rows mode the engine holds back, before they get here,
 * a contract's rows whose other rows are not in the same batch (refused when read, or apart beyond it), each refused
 * naming the others; so a part that adds up on its own is not written either.
 */
public class PaymentPlansTarget implements ImportTarget {

    /** A contract's rows stay in one batch: its plan is written whole. */
    @Override
    public String groupField() {
        return CONTRACT;
    }

    static final String CONTRACT = "contract", DUE = "due", AMOUNT = "amount", PERCENT = "percent", DESCRIPTION = "description", REASON = "reason";

    @Override
    public String entity() {
        return ContractFacts.ENTITY;
    }

    @Override
    public List<TargetField> fields() {
        return List.of(of(CONTRACT, Messages.Transfer_contract, FieldType.TEXT, true, "Contract", "Contract Number", "合同", "合同编号"),
                of(DUE, Messages.Transfer_due, FieldType.DATE, true, "Due", "Due Date", "到期日", "计划回款日期"),
                of(AMOUNT, Messages.Field_amount, FieldType.NUMBER, false, "Amount", "金额", "计划金额"),
                of(PERCENT, Messages.Transfer_percent, FieldType.NUMBER, false, "Percent", "Percentage", "比例", "百分比"),
                of(DESCRIPTION, Messages.Transfer_description, FieldType.TEXT, false, "Description", "说明", "款项"),
                of(REASON, Messages.Field_reason, FieldType.TEXT, false, "Reason", "变更原因"));
    }

    @Override
    public List<String> keyFields() {
        return List.of();
    }

    @Override
    public String normaliseKey(String field, Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public TargetWriter open(ImportContext context) {
        ReceivablesService service = context.service(ReceivablesService.class);
        // the file's rows of each contract in the batches written so far in this run
        Map<Long, List<Long>> earlier = new HashMap<>();
        return (rows, match) -> context.unitOfWork().write(em -> write(em, service, rows, earlier));
    }

    private static List<RowOutcome> write(EntityManager em, ReceivablesService service, List<ImportRow> rows, Map<Long, List<Long>> earlier) {
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        Map<Long, List<Integer>> byContract = new LinkedHashMap<>();
        Map<Long, String> reasons = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            try {
                Contract contract = ReceiptsTarget.contract(em, row.text(CONTRACT), CONTRACT);
                if (row.get(AMOUNT) == null && row.get(PERCENT) == null) {
                    throw new ValidationException(List.of(new FieldError(AMOUNT, Messages.Transfer_amountOrPercent, null)));
                }
                byContract.computeIfAbsent(contract.getId(), k -> new ArrayList<>()).add(i);
                if (row.text(REASON) != null && !row.text(REASON).isBlank()) {
                    reasons.putIfAbsent(contract.getId(), row.text(REASON));
                }
            } catch (ValidationException e) {
                outcomes[i] = RowOutcome.failed(e.getErrors());
            }
        }
        for (Map.Entry<Long, List<Integer>> group : byContract.entrySet()) {
            long contractId = group.getKey();
            Contract contract = em.find(Contract.class, contractId);
            List<Long> here = group.getValue().stream().map(i -> rows.get(i).number()).toList();
            List<Long> before = earlier.get(contractId);
            if (before != null) {
                // a batch boundary fell between this contract's rows: neither part is its plan
                FieldError apart = new FieldError(CONTRACT, NLS.bind(Messages.Transfer_planRowsApart,
                        new Object[] { contract.getNumber(), rowList(before), rowList(here) }), rows.get(group.getValue().get(0)).text(CONTRACT));
                for (int i : group.getValue()) {
                    outcomes[i] = RowOutcome.failed(List.of(apart));
                }
                continue;
            }
            String currency = contract.getCurrency();
            List<PlannedInstalment> plan = new ArrayList<>();
            for (int i : group.getValue()) {
                ImportRow row = rows.get(i);
                BigDecimal amount = (BigDecimal) row.get(AMOUNT);
                plan.add(new PlannedInstalment((LocalDate) row.get(DUE), amount == null ? null : Money.of(amount, currency),
                        amount == null ? (BigDecimal) row.get(PERCENT) : null, row.text(DESCRIPTION)));
            }
            try {
                List<Instalment> made = service.setPlan(contractId, plan, reasons.get(contractId));
                int k = made.size() - group.getValue().size();
                for (int i : group.getValue()) {
                    outcomes[i] = RowOutcome.created(made.get(Math.max(0, k++)).getId());
                }
            } catch (ValidationException e) {
                // a plan stands or falls whole: each of its rows carries the refusal, on the column it concerns
                List<FieldError> errors = e.getErrors().stream().map(f -> new FieldError(column(f.field()), f.message(), f.value())).toList();
                for (int i : group.getValue()) {
                    outcomes[i] = RowOutcome.failed(errors);
                }
            }
        }
        // remembered only once the batch is through: a batch the engine retries row by row is not "earlier" than itself
        for (Map.Entry<Long, List<Integer>> group : byContract.entrySet()) {
            earlier.computeIfAbsent(group.getKey(), k -> new ArrayList<>()).addAll(group.getValue().stream().map(i -> rows.get(i).number()).toList());
        }
        return List.of(outcomes);
    }

    /** Row numbers as a short list: "2, 3, 5". */
    private static String rowList(List<Long> numbers) {
        return numbers.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The column a plan's refusal concerns: its reason, its contract, else the amounts. */
    private static String column(String field) {
        if (field == null) {
            return AMOUNT;
        }
        if (field.equals(REASON) || field.equals(CONTRACT)) {
            return field;
        }
        if (field.contains("due")) {
            return DUE;
        }
        return field.contains("percent") ? PERCENT : AMOUNT;
    }

    @Override
    public boolean canExport() {
        return true;
    }

    /** Contract numbers by id. */
    static Map<Long, String> numbers(EntityManager em, List<Long> contractIds) {
        Map<Long, String> numbers = new HashMap<>();
        if (!contractIds.isEmpty()) {
            for (Object[] r : em.createQuery("SELECT c.id, c.number FROM Contract c WHERE c.id IN :ids", Object[].class)
                    .setParameter("ids", List.copyOf(new java.util.HashSet<>(contractIds))).getResultList()) {
                numbers.put((Long) r[0], (String) r[1]);
            }
        }
        return numbers;
    }

    /** The plans in force, a row an instalment, by contract and due date: amounts, so they import back to the cent. */
    @Override
    public void export(ImportContext context, Object filter, RecordWriter out, IProgressMonitor monitor) throws IOException {
        List<TargetField> fields = fields();
        long[] ids = context.unitOfWork().read(em -> em.createQuery("SELECT i.id FROM Instalment i, Contract c WHERE c.id = i.contractId"
                + " AND c.deletedAt IS NULL AND i.active = TRUE ORDER BY c.number, i.dueDate, i.position", Long.class).getResultList().stream()
                .mapToLong(Long::longValue).toArray());
        RecordChunks.export(context, ids, fields, out, monitor,
                (em, chunk) -> em.createQuery("SELECT i FROM Instalment i WHERE i.id IN :ids", Instalment.class).setParameter("ids", chunk)
                        .getResultList(),
                Instalment::getId, (em, plan) -> {
                    Map<Long, String> numbers = numbers(em, plan.stream().map(Instalment::getContractId).toList());
                    List<List<Object>> lines = new ArrayList<>();
                    for (Instalment i : plan) {
                        List<Object> line = new ArrayList<>();
                        line.add(numbers.get(i.getContractId()));
                        line.add(i.getDueDate());
                        line.add(RecordChunks.amount(i.getAmount()));
                        line.add(null);
                        line.add(i.getDescription());
                        line.add(null);
                        lines.add(line);
                    }
                    return lines;
                });
    }
}
