package org.salesbench.contracts.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractLine;
import org.salesbench.contracts.ContractService;
import org.salesbench.workflow.approvals.ApprovalSubject;
import org.salesbench.workflow.approvals.SubjectField;
import org.salesbench.workflow.approvals.SubjectRecord;

/**
 * Contracts as an approval subject of the workflow: conditions on the amount (with tax, in the contract's currency), the
 * largest line discount (percent) and the customer's grade. A contract in approval is locked by its own status
 * ({@code IN_APPROVAL}: {@link ContractService#update} refuses it); a decision and a recall move it through
 * {@link ContractService}.
 */
public class ContractApprovalSubject implements ApprovalSubject {

    public static final String AMOUNT = "amount";
    public static final String MAX_DISCOUNT_PERCENT = "maxDiscountPercent";
    public static final String CUSTOMER_GRADE = "customerGrade";

    @Override
    public List<SubjectField> fields() {
        return List.of(new SubjectField(AMOUNT, SubjectField.Type.NUMBER), new SubjectField(MAX_DISCOUNT_PERCENT, SubjectField.Type.NUMBER),
                new SubjectField(CUSTOMER_GRADE, SubjectField.Type.TEXT));
    }

    @Override
    public Optional<SubjectRecord> read(Context context, long recordId) {
        return context.service(ContractService.class).find(recordId)
                .map(contract -> new SubjectRecord(contract.getNumber() + " " + contract.getTitle(), contract.getOwner(), values(contract)));
    }

    /** What a contract offers its definitions' conditions. */
    static Map<String, Object> values(Contract contract) {
        Map<String, Object> values = new HashMap<>();
        values.put(AMOUNT, contract.getAmount().getAmount());
        values.put(MAX_DISCOUNT_PERCENT, contract.getLines().stream().map(ContractLine::getDiscountPercent).filter(d -> d != null)
                .reduce(BigDecimal.ZERO, BigDecimal::max));
        if (contract.getCustomer() != null && contract.getCustomer().getGrade() != null) {
            values.put(CUSTOMER_GRADE, contract.getCustomer().getGrade());
        }
        return values;
    }

    @Override
    public void lock(Context context, long recordId) {
        // the contract is IN_APPROVAL already: ContractService put it there before starting the request
    }

    @Override
    public void unlock(Context context, long recordId) {
        context.service(ContractService.class).withdrawFromApproval(recordId, Messages.Contract_recalled);
    }

    @Override
    public void decided(Context context, long recordId, boolean approved, String comment) {
        context.service(ContractService.class).recordApprovalDecision(recordId, approved, comment);
    }
}
