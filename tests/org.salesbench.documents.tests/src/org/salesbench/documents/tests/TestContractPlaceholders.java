package org.salesbench.documents.tests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.salesbench.core.model.Money;
import org.salesbench.documents.templates.PlaceholderProvider;
import org.salesbench.documents.templates.PlaceholderValues;

/** What a contracts module would contribute: the values of its placeholders for one of its records. */
public class TestContractPlaceholders implements PlaceholderProvider {

    /** The test's stand-in for a module's record. */
    public record TestContract(String number, String customer, Money amount, LocalDate signed, List<Line> lines, List<Instalment> plan) {
    }

    public record Line(String product, BigDecimal quantity, Money amount) {
    }

    public record Instalment(LocalDate due, Money amount) {
    }

    @Override
    public void supply(Object record, PlaceholderValues values) {
        if (!(record instanceof TestContract contract)) {
            return;
        }
        values.text("number", contract.number()).text("customer.name", contract.customer()).money("amount", contract.amount())
                .date("signing.date", contract.signed())
                .rows("lines", contract.lines().stream()
                        .map(l -> new PlaceholderValues().text("product", l.product()).number("quantity", l.quantity()).money("amount", l.amount()))
                        .toList())
                .rows("payments", contract.plan().stream()
                        .map(i -> new PlaceholderValues().date("due", i.due()).money("amount", i.amount())).toList());
    }

    /** A broken add-on: its supply always fails. */
    public static class Throwing implements PlaceholderProvider {
        @Override
        public void supply(Object record, PlaceholderValues values) {
            throw new IllegalStateException("this add-on is broken on purpose");
        }
    }
}
