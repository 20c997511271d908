package org.salesbench.contracts.internal.receivables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;

/** Turns an entered plan into amounts to the cent that add up to the contract amount, or refuses it naming each fault. */
final class PaymentPlans {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PaymentPlans() {
    }

    /**
     * The plan's amounts in due order. A percentage is rounded half up to the cent ({@link Money#percent}); when every
     * instalment is a percentage they add up to exactly 100 and the last takes what rounding left, so the sum is the
     * contract amount to the cent. Otherwise the amounts must add up to it as given.
     */
    static List<PlannedAmount> amounts(Money total, List<PlannedInstalment> plan) {
        List<FieldError> errors = new ArrayList<>();
        if (plan == null || plan.isEmpty()) {
            throw ReceivablesServiceImpl.refused("plan", Messages.Plan_empty, null);
        }
        List<PlannedInstalment> ordered = new ArrayList<>(plan);
        boolean allPercent = true;
        for (int i = 0; i < plan.size(); i++) {
            PlannedInstalment p = plan.get(i);
            int n = i + 1;
            if (p == null) {
                errors.add(new FieldError("plan", NLS.bind(Messages.Plan_amountOrPercent, n), null));
                continue;
            }
            if (p.description() != null && p.description().strip().length() > 200) {
                errors.add(new FieldError("description", NLS.bind(org.salesbench.core.validation.Messages.Validation_tooLong, NLS.bind(Messages.Plan_instalment, n), 200),
                        p.description()));
            }
            if (p.dueDate() == null) {
                errors.add(new FieldError("dueDate", NLS.bind(Messages.Plan_dueDate, n), null));
            }
            if ((p.amount() == null) == (p.percent() == null)) {
                errors.add(new FieldError("plan", NLS.bind(Messages.Plan_amountOrPercent, n), p));
            } else if (p.amount() != null) {
                allPercent = false;
                if (!p.amount().getCurrency().equals(total.getCurrency())) {
                    errors.add(new FieldError("currency", NLS.bind(Messages.Plan_currency, new Object[] { n, p.amount().getCurrency(), total.getCurrency() }),
                            p.amount()));
                } else if (p.amount().getAmount().signum() <= 0) {
                    errors.add(new FieldError("amount", NLS.bind(Messages.Plan_positive, n), p.amount()));
                }
            } else if (p.percent().signum() <= 0 || p.percent().compareTo(HUNDRED) > 0) {
                errors.add(new FieldError("percent", NLS.bind(Messages.Plan_percentRange, n), p.percent()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ordered.sort(Comparator.comparing(PlannedInstalment::dueDate));
        if (allPercent) {
            BigDecimal sum = ordered.stream().map(PlannedInstalment::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(HUNDRED) != 0) {
                throw ReceivablesServiceImpl.refused("percent", NLS.bind(Messages.Plan_percentSum, sum.stripTrailingZeros().toPlainString()), sum);
            }
        }
        List<PlannedAmount> amounts = new ArrayList<>();
        Money sum = Money.zero(total.getCurrency());
        for (int i = 0; i < ordered.size(); i++) {
            PlannedInstalment p = ordered.get(i);
            Money amount;
            if (p.amount() != null) {
                amount = p.amount();
            } else if (allPercent && i == ordered.size() - 1) {
                amount = total.minus(sum);
            } else {
                amount = total.percent(p.percent());
            }
            if (amount.getAmount().signum() <= 0) {
                throw ReceivablesServiceImpl.refused("amount", NLS.bind(Messages.Plan_positive, i + 1), amount);
            }
            sum = sum.plus(amount);
            amounts.add(new PlannedAmount(p.dueDate(), amount, p.percent(), p.description() == null || p.description().isBlank() ? null : p.description().strip()));
        }
        if (sum.compareTo(total) != 0) {
            throw ReceivablesServiceImpl.refused("plan", NLS.bind(Messages.Plan_sum, sum, total), sum);
        }
        return amounts;
    }

    /** One line per instalment: due date, amount and percentage, for an amendment's before and after. */
    static String describe(List<Instalment> plan) {
        String text = plan.stream().map(i -> i.getDueDate() + " " + i.getAmount() + (i.getPercent() == null ? "" : " (" + i.getPercent().stripTrailingZeros().toPlainString() + "%)"))
                .collect(Collectors.joining("\n"));
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
