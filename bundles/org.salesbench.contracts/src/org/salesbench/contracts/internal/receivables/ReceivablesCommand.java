package org.salesbench.contracts.internal.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.RowPrinter;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.Invoice;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.ValidationException;

/**
 * {@code receivables plan|receipt|receipts|reverse|invoice|issue|void|credit|apply-credit}: a contract's payment plan, receipts and
 * their reversal, invoices and a customer's credit, through the {@link ReceivablesService}. A contract is named by its
 * id or its number. Ageing and collected revenue are reports ({@code report ageing}, {@code report collected-revenue}).
 */
public class ReceivablesCommand implements CliCommand {

    @Override
    public String help() {
        return Messages.Command_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        if (raw.isEmpty()) {
            throw CommandException.usage(Messages.Command_missingAction);
        }
        List<String> rest = raw.subList(1, raw.size());
        try {
            return switch (raw.get(0)) {
            case "plan" -> plan(Arguments.parse(rest, Set.of("set", "reason", "format"), Set.of()), context);
            case "receipt" -> receipt(Arguments.parse(rest, Set.of("amount", "currency", "date", "method", "reference"), Set.of()), context);
            case "receipts" -> receipts(Arguments.parse(rest, Set.of("format"), Set.of()), context);
            case "reverse" -> reverse(Arguments.parse(rest, Set.of("reason"), Set.of()), context);
            case "invoice" -> invoice(Arguments.parse(rest, Set.of("amount", "tax", "currency", "instalments"), Set.of()), context);
            case "issue" -> issue(Arguments.parse(rest, Set.of("number", "date"), Set.of()), context);
            case "void" -> voidInvoice(Arguments.parse(rest, Set.of("reason"), Set.of()), context);
            case "apply-credit" -> applyCredit(Arguments.parse(rest, Set.of("instalment", "amount", "date"), Set.of()), context);
            case "credit" -> credit(Arguments.parse(rest, Set.of("currency"), Set.of()), context);
            default -> throw CommandException.usage(NLS.bind(Messages.Command_unknownAction, raw.get(0)));
            };
        } catch (ValidationException e) {
            throw CommandException.usage(e.getErrors().stream().map(fe -> NLS.bind(Messages.Command_refused, fe.field(), fe.message()))
                    .collect(Collectors.joining(System.lineSeparator())));
        } catch (AccessDeniedException e) {
            throw CommandException.usage(e.getMessage());
        }
    }

    // ---- plan

    private static int plan(Arguments args, CommandContext context) throws CommandException {
        String format = format(args);
        long contract = contract(args.expect(Messages.Arg_contract).get(0), context);
        ReceivablesService service = context.service(ReceivablesService.class);
        List<Instalment> plan;
        if (args.option("set") != null) {
            plan = service.setPlan(contract, parsePlan(args.option("set"), contractCurrency(contract, context)), args.option("reason"));
        } else {
            plan = service.plan(contract);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Instalment i : plan) {
            rows.add(List.of(i.getId().toString(), Integer.toString(i.getPosition()), i.getDueDate().toString(), plain(i.getAmount()),
                    i.getPercent() == null ? "" : i.getPercent().stripTrailingZeros().toPlainString(), plain(i.getPaid()), plain(i.getOpen())));
        }
        RowPrinter.print(format, List.of("id", "position", "due", "amount", "percent", "paid", "open"), rows, context.out());
        return OK;
    }

    /** {@code 2027-01-31=30%,2027-03-31=7000.00}: a due date and a percentage or an amount, per instalment. */
    static List<PlannedInstalment> parsePlan(String text, String currency) throws CommandException {
        List<PlannedInstalment> plan = new ArrayList<>();
        for (String part : text.split(",")) {
            String item = part.strip();
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw CommandException.usage(NLS.bind(Messages.Command_badInstalment, item));
            }
            LocalDate due = date("--set", item.substring(0, eq).strip());
            String value = item.substring(eq + 1).strip();
            try {
                plan.add(value.endsWith("%") ? new PlannedInstalment(due, null, new BigDecimal(value.substring(0, value.length() - 1).strip()), null)
                        : new PlannedInstalment(due, Money.of(new BigDecimal(value), currency), null, null));
            } catch (NumberFormatException e) {
                throw CommandException.usage(NLS.bind(Messages.Command_badInstalment, item));
            }
        }
        return plan;
    }

    // ---- receipts

    private static int receipt(Arguments args, CommandContext context) throws CommandException {
        long contract = contract(args.expect(Messages.Arg_contract).get(0), context);
        String currency = args.option("currency") == null ? contractCurrency(contract, context) : args.option("currency").strip().toUpperCase(Locale.ROOT);
        Money amount = money("--amount", args.option("amount"), currency);
        LocalDate date = args.option("date") == null ? null : date("--date", args.option("date"));
        ReceiptMethod method = method(args.option("method", ReceiptMethod.BANK_TRANSFER.name()));
        Receipt receipt = context.service(ReceivablesService.class).recordReceipt(contract, date, amount, method, args.option("reference"));
        context.out().println(receipt.getId());
        context.err().println(NLS.bind(Messages.Command_received, new Object[] { receipt.getId(), receipt.getAmount(), receipt.getCredited() }));
        return OK;
    }

    private static int receipts(Arguments args, CommandContext context) throws CommandException {
        String format = format(args);
        long contract = contract(args.expect(Messages.Arg_contract).get(0), context);
        List<List<String>> rows = new ArrayList<>();
        for (Receipt r : context.service(ReceivablesService.class).receipts(contract)) {
            rows.add(List.of(r.getId().toString(), r.getReceivedOn().toString(), plain(r.getAmount()), r.getAmount().getCurrency(), r.getMethod().name(),
                    text(r.getReference()), plain(r.getCredited()), text(r.getReversesId()), text(r.getReversedById()), text(r.getReason())));
        }
        RowPrinter.print(format, List.of("id", "date", "amount", "currency", "method", "reference", "credited", "reverses", "reversed_by", "reason"),
                rows, context.out());
        return OK;
    }

    private static int reverse(Arguments args, CommandContext context) throws CommandException {
        long receipt = id(Messages.Arg_receipt, args.expect(Messages.Arg_receipt).get(0));
        Receipt reversal = context.service(ReceivablesService.class).reverse(receipt, args.option("reason"));
        context.out().println(reversal.getId());
        context.err().println(NLS.bind(Messages.Command_reversed, receipt, reversal.getId()));
        return OK;
    }

    // ---- invoices

    private static int invoice(Arguments args, CommandContext context) throws CommandException {
        long contract = contract(args.expect(Messages.Arg_contract).get(0), context);
        String currency = args.option("currency") == null ? contractCurrency(contract, context) : args.option("currency").strip().toUpperCase(Locale.ROOT);
        Money amount = money("--amount", args.option("amount"), currency);
        Money tax = money("--tax", args.option("tax", "0"), currency);
        ReceivablesService service = context.service(ReceivablesService.class);
        Set<Long> instalments = new LinkedHashSet<>();
        if (args.option("instalments") != null) {
            List<Instalment> plan = service.plan(contract);
            for (String p : args.option("instalments").split(",")) {
                int position = (int) id("--instalments", p.strip());
                instalments.add(plan.stream().filter(i -> i.getPosition() == position).map(Instalment::getId).findFirst()
                        .orElseThrow(() -> CommandException.usage(NLS.bind(Messages.Command_noInstalment, position))));
            }
        }
        Invoice invoice = service.requestInvoice(contract, amount, tax, instalments);
        context.out().println(invoice.getId());
        return OK;
    }

    private static int issue(Arguments args, CommandContext context) throws CommandException {
        long invoice = id(Messages.Arg_invoice, args.expect(Messages.Arg_invoice).get(0));
        LocalDate date = args.option("date") == null ? null : date("--date", args.option("date"));
        Invoice issued = context.service(ReceivablesService.class).issueInvoice(invoice, args.option("number"), date);
        context.out().println(issued.getNumber());
        return OK;
    }

    private static int voidInvoice(Arguments args, CommandContext context) throws CommandException {
        long invoice = id(Messages.Arg_invoice, args.expect(Messages.Arg_invoice).get(0));
        Invoice voided = context.service(ReceivablesService.class).voidInvoice(invoice, args.option("reason"));
        context.out().println(voided.getStatus());
        return OK;
    }

    /** {@code apply-credit <contract> --instalment POSITION --amount AMOUNT [--date DATE]}: pays an instalment from the customer's credit. */
    private static int applyCredit(Arguments args, CommandContext context) throws CommandException {
        long contract = contract(args.expect(Messages.Arg_contract).get(0), context);
        if (args.option("instalment") == null) {
            throw CommandException.usage(NLS.bind(Messages.Command_missingOption, "--instalment"));
        }
        int position = (int) id("--instalment", args.option("instalment").strip());
        Money amount = money("--amount", args.option("amount"), contractCurrency(contract, context));
        LocalDate date = args.option("date") == null ? LocalDate.now(org.salesbench.core.time.Clocks.system()) : date("--date", args.option("date"));
        ReceivablesService service = context.service(ReceivablesService.class);
        long instalment = service.plan(contract).stream().filter(i -> i.getPosition() == position).map(Instalment::getId).findFirst()
                .orElseThrow(() -> CommandException.usage(NLS.bind(Messages.Command_noInstalment, position)));
        Receipt receipt = service.applyCredit(instalment, amount, date);
        Long customer = receipt.getCustomerId();
        context.out().println(receipt.getId());
        context.err().println(NLS.bind(Messages.Command_creditApplied, new Object[] { receipt.getId(), receipt.getAmount(),
                customer == null ? "" : service.credit(customer, amount.getCurrency()) }));
        return OK;
    }

    private static int credit(Arguments args, CommandContext context) throws CommandException {
        long customer = id(Messages.Arg_customer, args.expect(Messages.Arg_customer).get(0));
        String currency = args.option("currency", Money.DEFAULT_CURRENCY).strip().toUpperCase(Locale.ROOT);
        context.out().println(plain(context.service(ReceivablesService.class).credit(customer, currency)));
        return OK;
    }

    // ---- arguments

    /** A contract by id or number. */
    private static long contract(String value, CommandContext context) throws CommandException {
        String text = value.strip();
        List<Long> ids = context.database().read(em -> em.createQuery("SELECT c.id FROM Contract c WHERE c.number = :n", Long.class)
                .setParameter("n", text).getResultList());
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        return id(Messages.Arg_contract, text);
    }

    private static String contractCurrency(long contract, CommandContext context) throws CommandException {
        String currency = context.database().read(em -> em.createQuery("SELECT c.currency FROM Contract c WHERE c.id = :id", String.class)
                .setParameter("id", contract).getResultStream().findFirst().orElse(null));
        if (currency == null) {
            throw CommandException.usage(NLS.bind(Messages.Contract_unknown, contract));
        }
        return currency;
    }

    private static long id(String what, String value) throws CommandException {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw CommandException.usage(NLS.bind(Messages.Command_badNumber, what, value));
        }
    }

    private static LocalDate date(String option, String value) throws CommandException {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw CommandException.usage(NLS.bind(Messages.Command_badDate, option, value));
        }
    }

    private static Money money(String option, String value, String currency) throws CommandException {
        if (value == null) {
            throw CommandException.usage(NLS.bind(Messages.Command_missingOption, option));
        }
        try {
            return Money.of(new BigDecimal(value.strip()), currency);
        } catch (NumberFormatException e) {
            throw CommandException.usage(NLS.bind(Messages.Command_badNumber, option, value));
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(NLS.bind(Messages.Command_badCurrency, currency));
        }
    }

    private static ReceiptMethod method(String value) throws CommandException {
        try {
            return ReceiptMethod.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(NLS.bind(Messages.Command_badMethod, value,
                    java.util.Arrays.stream(ReceiptMethod.values()).map(Enum::name).collect(Collectors.joining(", "))));
        }
    }

    private static String plain(Money money) {
        return money.getAmount().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String format(Arguments args) throws CommandException {
        return args.choice("format", "table", "table", "csv", "json");
    }
}
