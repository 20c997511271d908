package org.salesbench.performance.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.security.SecurityService;
import org.salesbench.performance.commissions.CommissionService;
import org.salesbench.performance.commissions.Csv;
import org.salesbench.performance.commissions.LineKind;
import org.salesbench.performance.commissions.Statement;
import org.salesbench.performance.kpi.Period;
import org.salesbench.ui.Services;

/** My commission statement for a period under the plan in force: every credit and clawback and the total. */
public class StatementView extends PeriodTableView<Statement> {

    public static final String ID = "org.salesbench.performance.ui.views.statement"; //$NON-NLS-1$

    @Override
    List<String> columns() {
        return List.of(Messages.Column_date, Messages.Column_kind, Messages.Column_description, Messages.Column_amount, Messages.Column_rate,
                Messages.Column_multiplier, Messages.Column_commission);
    }

    @Override
    List<String> columnIds() {
        return List.of("date", "kind", "description", "amount", "rate", "multiplier", "commission"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
    }

    @Override
    boolean numeric(int column) {
        return column >= 3;
    }

    @Override
    Supplier<Statement> loader(Period period) {
        return () -> {
            CommissionService service = Services.get(CommissionService.class);
            String me = Services.get(SecurityService.class).currentUser().login();
            return service.planFor(period).map(plan -> service.statement(plan.getId(), me, period)).orElse(null);
        };
    }

    @Override
    List<List<String>> rows(Statement s) {
        List<List<String>> rows = new ArrayList<>();
        for (Statement.Line l : s.lines()) {
            rows.add(List.of(l.onDate().toString(), l.kind() == LineKind.CREDIT ? Messages.Kind_credit : Messages.Kind_clawback,
                    l.description() == null ? "" : l.description(), Csv.number(l.base()), Csv.number(l.rate()), Csv.number(l.multiplier()), //$NON-NLS-1$
                    l.commission().toPlainString()));
        }
        return rows;
    }

    @Override
    String summary(Statement s) {
        return NLS.bind(s.closed() ? Messages.Statement_closed : Messages.Statement_open,
                new Object[] {s.plan(), s.period(), s.total().toPlainString(), s.attainment() == null ? "-" : s.attainment().toPlainString() + "%"}); //$NON-NLS-1$ //$NON-NLS-2$
    }

    @Override
    String csv(Statement s) {
        return s.toCsv();
    }

    @Override
    String fileName(Statement s) {
        return "commission-" + s.login() + "-" + s.period().from() + ".csv"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }

    @Override
    String nothing(Period period) {
        return NLS.bind(Messages.Statement_none, period);
    }
}
