package org.salesbench.analytics.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.eclipse.osgi.util.NLS;
import org.salesbench.analytics.ReportFilter;

/** Builds the reports' queries from the catalogue's definitions and the filter, the same way for every report. */
final class Queries {

    /** The currency a result is in when nothing decides otherwise. */
    static final String DEFAULT_CURRENCY = "CNY";

    private Queries() {
    }

    /**
     * A query over the records of {@code metrics} (which share a source and a period): those in the
     * population of any of them, in the filter's period, limited by owner, team and pipeline.
     */
    static Sql over(ReportFilter filter, Metrics... metrics) {
        Metrics first = metrics[0];
        Sql sql = new Sql(first.source().table);
        Set<String> populations = new LinkedHashSet<>();
        for (Metrics m : metrics) {
            if (m.source() != first.source() || m.period() != first.period()) {
                throw new IllegalArgumentException(m.id() + " is not counted over the records of " + first.id());
            }
            populations.add("(" + m.population() + ")");
        }
        sql.where(populations.size() == 1 ? populations.iterator().next() : "(" + String.join(" OR ", populations) + ")");
        first.period().apply(sql, filter.from(), filter.to());
        limit(sql, first.source(), filter);
        return sql;
    }

    /** Owner, team and pipeline conditions on the records of {@code source}, which leave out those in the recycle bin. */
    static void limit(Sql sql, Metrics.Source source, ReportFilter filter) {
        if (source.notDeleted != null) {
            sql.where(source.notDeleted);
        }
        if (filter.owner() != null) {
            sql.where(source.ownerColumn + " = ?", filter.owner());
        }
        if (filter.teamId() != null) {
            sql.where(source.ownerColumn + " IN (SELECT tm.LOGIN FROM SB_TEAM_MEMBER tm WHERE tm.TEAM_ID = ?)", filter.teamId());
        }
        if (filter.pipelineId() != null && source.pipelineColumn != null) {
            sql.where(source.pipelineColumn + " = ?", filter.pipelineId());
        }
    }

    /** The one currency of a result and what was left out to keep it one. */
    record CurrencyChoice(String currency, String note) {
    }

    /**
     * Picks the currency of the records {@code sql} selects: the one most of them are in (CNY on a tie
     * or when there are none), and limits {@code sql} to it. {@code currencyColumn} and
     * {@code weight} say how to count, e.g. {@code o.CURRENCY} and {@code COUNT(*)}.
     */
    static CurrencyChoice oneCurrency(EntityManager em, Sql sql, String currencyColumn, String weight) {
        Sql byCurrency = sql.base().select(currencyColumn).select(weight).groupBy(currencyColumn);
        String chosen = null;
        long best = -1;
        List<String> others = new ArrayList<>();
        long otherWeight = 0;
        List<Object[]> rows = byCurrency.rows(em);
        for (Object[] row : rows) {
            String currency = (String) row[0];
            long w = Sql.count(row[1]);
            if (currency == null) {
                continue;
            }
            if (w > best || w == best && (DEFAULT_CURRENCY.equals(currency) || !DEFAULT_CURRENCY.equals(chosen) && currency.compareTo(chosen) < 0)) {
                chosen = currency;
                best = w;
            }
        }
        String currency = chosen == null ? DEFAULT_CURRENCY : chosen;
        for (Object[] row : rows) {
            if (row[0] != null && !currency.equals(row[0])) {
                others.add((String) row[0]);
                otherWeight += Sql.count(row[1]);
            }
        }
        sql.where(currencyColumn + " = ?", currency);
        String note = others.isEmpty() ? null : NLS.bind(Messages.Note_otherCurrencies, new Object[] {otherWeight, String.join(", ", others), currency});
        return new CurrencyChoice(currency, note);
    }

    /** {@code part} as a percentage of {@code whole}; {@code null} when the whole is nothing. */
    static Double percent(long part, long whole) {
        return whole == 0 ? null : part * 100.0 / whole;
    }
}
