package org.salesbench.workflow.internal.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteService;
import org.salesbench.workflow.rules.FieldType;
import org.salesbench.workflow.rules.RuleServices;

/** The quote fields rules compare and set (quotes offer no scheduled rules: their service lists them per deal only). */
public class QuoteCatalogue extends EntityCatalogue<Quote> {

    @Override
    protected List<Field<Quote>> definitions() {
        return List.of(read("status", Messages.Field_status, FieldType.TEXT, q -> name(q.getStatus())),
                read("grandTotal", Messages.Field_grandTotal, FieldType.NUMBER, q -> amount(q.getGrandTotal())),
                read("discountTotal", Messages.Field_discountTotal, FieldType.NUMBER, q -> amount(q.getDiscountTotal())),
                readWrite("validUntil", Messages.Field_validUntil, FieldType.DATE, Quote::getValidUntil, (q, v) -> q.setValidUntil((LocalDate) v)),
                readWrite("notes", Messages.Field_notes, FieldType.TEXT, Quote::getNotes, (q, v) -> q.setNotes((String) v)));
    }

    @Override
    protected Optional<Quote> find(RuleServices services, long id) {
        return services.get(QuoteService.class).find(id);
    }

    @Override
    protected void update(RuleServices services, Quote record) {
        services.get(QuoteService.class).update(record);
    }
}
