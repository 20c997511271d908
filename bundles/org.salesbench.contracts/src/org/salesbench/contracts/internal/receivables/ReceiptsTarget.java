package org.salesbench.contracts.internal.receivables;

import static org.salesbench.importexport.TargetField.of;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
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
 * Receipts (回款) in and out ({@code org.salesbench.importexport.targets}): each row is recorded through the
 * {@link ReceivablesService}, so it is written off first in first out and refused as a receipt typed by hand would be,
 * the refusal naming the row's column. Receipts are never matched nor updated: a receipt is reversed, not edited. The
 * export lists the receipts in force (neither reversed nor reversals, no credit applications), which import back.
 */
public class ReceiptsTarget implements ImportTarget {

    static final String CONTRACT = "contract", RECEIVED_ON = "receivedOn", AMOUNT = "amount", CURRENCY = "currency", METHOD = "method",
            REFERENCE = "reference";

    @Override
    public String entity() {
        return ContractFacts.ENTITY;
    }

    @Override
    public List<TargetField> fields() {
        return List.of(of(CONTRACT, Messages.Transfer_contract, FieldType.TEXT, true, "Contract", "Contract Number", "合同", "合同编号"),
                of(RECEIVED_ON, Messages.Field_receivedOn, FieldType.DATE, true, "Date", "Received On", "Receipt Date", "回款日期", "收款日期"),
                of(AMOUNT, Messages.Field_amount, FieldType.NUMBER, true, "Amount", "回款金额", "金额"),
                of(CURRENCY, Messages.Transfer_currency, FieldType.TEXT, false, "Currency", "币种"),
                of(METHOD, Messages.Field_method, FieldType.TEXT, false, "Method", "Payment Method", "收款方式", "付款方式"),
                of(REFERENCE, Messages.Field_reference, FieldType.TEXT, false, "Reference", "凭证号", "流水号"));
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
        return (rows, match) -> context.unitOfWork().write(em -> write(em, service, rows));
    }

    private static List<RowOutcome> write(EntityManager em, ReceivablesService service, List<ImportRow> rows) {
        List<RowOutcome> outcomes = new ArrayList<>();
        for (ImportRow row : rows) {
            try {
                Contract contract = contract(em, row.text(CONTRACT), CONTRACT);
                String currency = row.text(CURRENCY) == null || row.text(CURRENCY).isBlank() ? contract.getCurrency()
                        : row.text(CURRENCY).strip().toUpperCase(Locale.ROOT);
                BigDecimal amount = (BigDecimal) row.get(AMOUNT);
                ReceiptMethod method = method(row.text(METHOD));
                Receipt receipt = service.recordReceipt(contract.getId(), (LocalDate) row.get(RECEIVED_ON), amount == null ? null : Money.of(amount, currency),
                        method, row.text(REFERENCE));
                outcomes.add(RowOutcome.created(receipt.getId()));
            } catch (ValidationException e) {
                // the service names its fields as this target's columns
                outcomes.add(RowOutcome.failed(e.getErrors()));
            }
        }
        return outcomes;
    }

    /** The contract a row names by number (or id), refused naming {@code field}. */
    static Contract contract(EntityManager em, String reference, String field) {
        if (reference == null || reference.isBlank()) {
            throw new ValidationException(List.of(new FieldError(field, NLS.bind(Messages.Transfer_noContract, ""), reference)));
        }
        String text = reference.strip();
        List<Contract> found = em.createQuery("SELECT c FROM Contract c WHERE c.number = :n AND c.deletedAt IS NULL", Contract.class)
                .setParameter("n", text).getResultList();
        if (found.isEmpty() && text.matches("\\d{1,18}")) {
            Contract byId = em.find(Contract.class, Long.parseLong(text));
            if (byId != null && !byId.isDeleted()) {
                return byId;
            }
        }
        if (found.isEmpty()) {
            throw new ValidationException(List.of(new FieldError(field, NLS.bind(Messages.Transfer_noContract, text), text)));
        }
        return found.get(0);
    }

    private static ReceiptMethod method(String text) {
        if (text == null || text.isBlank()) {
            return ReceiptMethod.BANK_TRANSFER;
        }
        try {
            return ReceiptMethod.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError(METHOD, NLS.bind(Messages.Transfer_badMethod, text,
                    java.util.Arrays.stream(ReceiptMethod.values()).filter(m -> m != ReceiptMethod.CREDIT).map(Enum::name)
                            .collect(java.util.stream.Collectors.joining(", "))), text)));
        }
    }

    @Override
    public boolean canExport() {
        return true;
    }

    @Override
    public void export(ImportContext context, Object filter, RecordWriter out, IProgressMonitor monitor) throws IOException {
        List<TargetField> fields = fields();
        long[] ids = context.unitOfWork().read(em -> em.createQuery("SELECT r.id FROM Receipt r, Contract c WHERE c.id = r.contractId"
                + " AND c.deletedAt IS NULL AND r.reversesId IS NULL AND r.reversedById IS NULL AND r.method <> :credit ORDER BY r.receivedOn, r.id",
                Long.class).setParameter("credit", ReceiptMethod.CREDIT).getResultList().stream().mapToLong(Long::longValue).toArray());
        RecordChunks.export(context, ids, fields, out, monitor,
                (em, chunk) -> em.createQuery("SELECT r FROM Receipt r WHERE r.id IN :ids", Receipt.class).setParameter("ids", chunk).getResultList(),
                Receipt::getId, (em, receipts) -> {
                    Map<Long, String> numbers = PaymentPlansTarget.numbers(em, receipts.stream().map(Receipt::getContractId).toList());
                    return receipts.stream().map(r -> java.util.Arrays.<Object> asList(numbers.get(r.getContractId()), r.getReceivedOn(),
                            RecordChunks.amount(r.getAmount()), r.getAmount().getCurrency(), r.getMethod().name(), r.getReference())).toList();
                });
    }
}
