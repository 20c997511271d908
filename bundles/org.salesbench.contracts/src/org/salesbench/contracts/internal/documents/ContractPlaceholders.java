package org.salesbench.contracts.internal.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractLine;
import org.salesbench.contracts.internal.Messages;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.documents.templates.PlaceholderProvider;
import org.salesbench.documents.templates.PlaceholderValues;

/** The values of the contract placeholders (declared in plugin.xml) for a {@link ContractDocument}. */
public class ContractPlaceholders implements PlaceholderProvider {

    @Override
    public void supply(Object record, PlaceholderValues values) {
        if (!(record instanceof ContractDocument document)) {
            return;
        }
        Contract c = document.contract();
        values.text("number", c.getNumber()).text("title", c.getTitle()).text("status", Messages.status(c.getStatus())).text("owner", c.getOwner())
                .text("customer.name", c.getCustomer() == null ? null : c.getCustomer().getName()).money("amount", c.getAmount())
                .money("net", c.getNetTotal()).money("tax", c.getTaxTotal()).date("signing.date", c.getSignedOn())
                .date("start.date", c.getStartDate()).date("end.date", c.getEndDate());
        List<PlaceholderValues> lines = new ArrayList<>();
        int position = 1;
        for (ContractLine line : c.getLines()) {
            lines.add(new PlaceholderValues().number("position", BigDecimal.valueOf(position++)).text("description", line.getDescription())
                    .text("product", line.getProduct() == null ? null : line.getProduct().getCode())
                    .number("quantity", line.getQuantity().stripTrailingZeros())
                    .money("unitPrice", org.salesbench.core.model.Money.of(line.getUnitPrice(), c.getCurrency())).money("amount", line.getAmount()));
        }
        values.rows("lines", lines);
        List<PlaceholderValues> plan = new ArrayList<>();
        for (Instalment i : document.plan()) {
            plan.add(new PlaceholderValues().number("position", BigDecimal.valueOf(i.getPosition())).date("due", i.getDueDate()).money("amount", i.getAmount()));
        }
        values.rows("plan", plan);
    }
}
