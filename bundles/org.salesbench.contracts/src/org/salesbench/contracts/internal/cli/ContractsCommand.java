package org.salesbench.contracts.internal.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractAttachment;
import org.salesbench.contracts.ContractAttachments;
import org.salesbench.contracts.ContractDocuments;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.ContractLine;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.ContractTemplate;
import org.salesbench.contracts.internal.Messages;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.ValidationException;

/**
 * {@code contracts list|show|create|submit|sign|activate|complete|terminate|expire|cancel|renew|ageing-day|…}: contracts from the command
 * line, as the signed-in user. Arguments are checked before the database is opened; a refused step prints the service's
 * reason and changes nothing.
 */
public class ContractsCommand implements CliCommand {

    private static final Set<String> OPTIONS = Set.of("format", "status", "from-opportunity", "from-quote", "date", "reason", "out", "lang", "file",
            "template");
    private static final Set<String> FLAGS = Set.of("mine", "contract");
    private static final int PAGE = 10_000;

    @Override
    public String help() {
        return CliMessages.Contracts_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, OPTIONS, FLAGS);
        List<String> positional = args.positional();
        if (positional.isEmpty()) {
            throw CommandException.usage(CliMessages.Contracts_noAction);
        }
        String action = positional.get(0);
        if (action.equals("template")) {
            return template(positional, args, context);
        }
        if (action.equals("attach") || action.equals("attachments") || action.equals("extract")) {
            return attachments(action, positional, args, context);
        }
        if (action.equals("ageing-day")) {
            return ageingDay(context);
        }
        String format = args.choice("format", "table", "table", "csv", "json");
        String reference = switch (action) {
            case "show", "submit", "sign", "activate", "complete", "terminate", "expire", "cancel", "renew", "print", "generate" -> reference(positional, action);
            case "list", "create" -> null;
            default -> throw CommandException.usage(NLS.bind(CliMessages.Contracts_unknownAction, action));
        };
        ContractStatus status = action.equals("list") ? status(args.option("status")) : null;
        LocalDate date = action.equals("sign") ? date(args.option("date")) : null;
        String reason = args.option("reason");
        if ((action.equals("terminate") || action.equals("cancel")) && (reason == null || reason.isBlank())) {
            throw CommandException.usage(NLS.bind(CliMessages.Contracts_needsReason, action));
        }
        Long fromOpportunity = action.equals("create") ? id(args.option("from-opportunity"), "--from-opportunity") : null;
        Long fromQuote = action.equals("create") ? id(args.option("from-quote"), "--from-quote") : null;
        if (action.equals("create") && (fromOpportunity == null) == (fromQuote == null)) {
            throw CommandException.usage(CliMessages.Contracts_createFrom);
        }
        java.nio.file.Path out = null;
        if (action.equals("print")) {
            if (args.option("out") == null || args.option("out").isBlank()) {
                throw CommandException.usage(CliMessages.Contracts_printNeedsOut);
            }
            out = java.nio.file.Path.of(args.option("out").strip()).toAbsolutePath();
            if (out.getParent() == null || !java.nio.file.Files.isDirectory(out.getParent())) {
                throw CommandException.usage(NLS.bind(CliMessages.Contracts_noFolder, out.getParent()));
            }
        }
        ContractService contracts = context.service(ContractService.class);
        try {
            switch (action) {
                case "list" -> list(contracts, ContractFilter.all().mine(args.flag("mine")).withStatus(status), format, context.out());
                case "show" -> show(find(contracts, reference), format, context.out());
                case "create" -> done(context, fromOpportunity != null ? contracts.createFromOpportunity(fromOpportunity)
                        : contracts.createFromQuote(fromQuote));
                case "submit" -> {
                    // several contracts: each submitted in a transaction of its own, in the order given
                    for (String each : positional.subList(1, positional.size())) {
                        done(context, contracts.submitForApproval(find(contracts, each.strip()).getId()));
                    }
                }
                case "sign" -> done(context, contracts.sign(find(contracts, reference).getId(), date));
                case "activate" -> done(context, contracts.activate(find(contracts, reference).getId()));
                case "complete" -> done(context, contracts.complete(find(contracts, reference).getId()));
                case "terminate" -> done(context, contracts.terminate(find(contracts, reference).getId(), reason));
                case "expire" -> done(context, contracts.expire(find(contracts, reference).getId()));
                case "cancel" -> done(context, contracts.cancel(find(contracts, reference).getId(), reason));
                case "renew" -> {
                    Contract contract = find(contracts, reference);
                    if (args.flag("contract")) {
                        done(context, contracts.renew(contract.getId()));
                    } else {
                        org.salesbench.opportunities.Opportunity deal = contracts.createRenewalOpportunity(contract.getId());
                        context.out().println(NLS.bind(CliMessages.Contracts_renewalOpportunity, new Object[] { contract.getNumber(), deal.getId(),
                                deal.getName(), deal.getExpectedCloseDate() }));
                    }
                }
                case "print" -> {
                    Contract contract = find(contracts, reference);
                    ContractDocuments documents = context.service(ContractDocuments.class);
                    documents.renderPdf(contract.getId(), chosenTemplate(documents, args).id(), out);
                    context.out().println(out);
                    context.err().println(NLS.bind(CliMessages.Contracts_printed, contract.getNumber(), out));
                }
                case "generate" -> {
                    Contract contract = find(contracts, reference);
                    ContractDocuments documents = context.service(ContractDocuments.class);
                    ContractTemplate template = chosenTemplate(documents, args);
                    ContractAttachment archived = documents.archivePdf(contract.getId(), template.id());
                    context.out().println(archived.getId());
                    context.err().println(NLS.bind(CliMessages.Contracts_generated, new Object[] { contract.getNumber(), archived.getFileName(),
                            template.name() }));
                }
                default -> throw new IllegalStateException(action);
            }
        } catch (ValidationException e) {
            throw CommandException.usage(e.getErrors().stream().map(fe -> fe.message()).collect(Collectors.joining(System.lineSeparator())));
        } catch (AccessDeniedException e) {
            throw new CommandException(DATA, e.getMessage(), e);
        } catch (org.salesbench.documents.DocumentException e) {
            throw new CommandException(DATA, e.getMessage(), e);
        }
        return OK;
    }

    /** {@code attach CONTRACT --file F | attachments CONTRACT [--format] | extract ATTACHMENT_ID --out F}: signed scans and other files. */
    private static int attachments(String action, List<String> positional, Arguments args, CommandContext context) throws CommandException {
        String reference = reference(positional, action);
        String format = args.choice("format", "table", "table", "csv", "json");
        java.nio.file.Path file = null;
        if (!action.equals("attachments")) {
            String option = action.equals("attach") ? "file" : "out";
            if (args.option(option) == null || args.option(option).isBlank()) {
                throw CommandException.usage(NLS.bind(CliMessages.Contracts_needsOption, action, "--" + option));
            }
            file = java.nio.file.Path.of(args.option(option).strip()).toAbsolutePath();
        }
        ContractAttachments attachments = context.service(ContractAttachments.class);
        try {
            switch (action) {
                case "attach" -> {
                    byte[] bytes;
                    try {
                        bytes = java.nio.file.Files.readAllBytes(file);
                    } catch (java.io.IOException e) {
                        throw CommandException.usage(NLS.bind(CliMessages.Contracts_cannotRead, file, e.getMessage()));
                    }
                    String type;
                    try {
                        type = java.nio.file.Files.probeContentType(file);
                    } catch (java.io.IOException e) {
                        type = null;
                    }
                    long contract = find(context.service(ContractService.class), reference).getId();
                    ContractAttachment attached = attachments.attach(contract, file.getFileName().toString(), type, bytes);
                    context.out().println(attached.getId());
                    context.err().println(NLS.bind(CliMessages.Contracts_attached, new Object[] { attached.getFileName(), attached.getSize(), reference }));
                }
                case "attachments" -> {
                    long contract = find(context.service(ContractService.class), reference).getId();
                    List<List<String>> rows = new ArrayList<>();
                    for (ContractAttachment a : attachments.list(contract)) {
                        rows.add(List.of(String.valueOf(a.getId()), a.getFileName(), text(a.getContentType()), String.valueOf(a.getSize()),
                                text(a.getCreatedAt()), text(a.getCreatedBy())));
                    }
                    RowPrinter.print(format, List.of("id", "file_name", "content_type", "size", "attached_at", "attached_by"), rows, context.out());
                }
                default -> {
                    long id = id(reference, "extract");
                    byte[] bytes = attachments.content(id);
                    try {
                        org.salesbench.core.io.AtomicFiles.write(file, out -> out.write(bytes));
                    } catch (java.io.IOException e) {
                        throw new CommandException(DATA, NLS.bind(CliMessages.Contracts_cannotWrite, file, e.getMessage()), e);
                    }
                    context.out().println(file);
                }
            }
        } catch (ValidationException e) {
            throw CommandException.usage(e.getErrors().stream().map(fe -> fe.message()).collect(Collectors.joining(System.lineSeparator())));
        } catch (AccessDeniedException e) {
            throw new CommandException(DATA, e.getMessage(), e);
        }
        return OK;
    }

    /**
     * {@code ageing-day}: brings the receivables ageing by customer the database keeps to today, for a scheduler to run
     * shortly after midnight where no workbench runs overnight.
     */
    private static int ageingDay(CommandContext context) throws CommandException {
        org.salesbench.contracts.receivables.AgeingDayMove move = context.service(org.salesbench.contracts.receivables.ReceivablesService.class)
                .bringAgeingToToday();
        context.out().println(NLS.bind(CliMessages.Contracts_ageingDay, move.from(), move.to()));
        if (move.attempts() > 1) {
            context.err().println(NLS.bind(CliMessages.Contracts_ageingDayRetried, move.attempts()));
        }
        return OK;
    }

    /**
     * {@code template list | show [NAME] [--lang L] | new NAME --lang L --file F | copy NAME NEW | rename NAME NEW | set NAME --file F |
     * delete NAME | default NAME}: the named contract templates (shipped ones {@code shipped-en}, {@code shipped-zh_CN}).
     */
    private static int template(List<String> positional, Arguments args, CommandContext context) throws CommandException {
        String what = positional.size() < 2 ? "" : positional.get(1);
        List<String> names = positional.size() > 2 ? positional.subList(2, positional.size()) : List.of();
        int needed = switch (what) {
            case "list", "show" -> 0;
            case "new", "set", "delete", "default" -> 1;
            case "copy", "rename" -> 2;
            default -> throw CommandException.usage(CliMessages.Contracts_templateUsage);
        };
        if (names.size() < needed) {
            throw CommandException.usage(CliMessages.Contracts_templateUsage);
        }
        String body = null;
        if (what.equals("new") || what.equals("set")) {
            if (args.option("file") == null) {
                throw CommandException.usage(NLS.bind(CliMessages.Contracts_needsOption, "template " + what, "--file"));
            }
            java.nio.file.Path file = java.nio.file.Path.of(args.option("file").strip());
            try {
                body = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                throw CommandException.usage(NLS.bind(CliMessages.Contracts_cannotRead, file, e.getMessage()));
            }
        }
        if (what.equals("new") && args.option("lang") == null) {
            throw CommandException.usage(NLS.bind(CliMessages.Contracts_needsOption, "template new", "--lang en|zh_CN"));
        }
        ContractDocuments documents = context.service(ContractDocuments.class);
        try {
            switch (what) {
                case "list" -> {
                    List<List<String>> rows = new ArrayList<>();
                    for (ContractTemplate t : documents.templates()) {
                        rows.add(List.of(String.valueOf(t.id()), t.name(), t.lang(), String.valueOf(t.shipped()), String.valueOf(t.isDefault()),
                                text(t.updatedBy()), text(t.updatedAt())));
                    }
                    RowPrinter.print(args.choice("format", "table", "table", "csv", "json"),
                            List.of("id", "name", "lang", "shipped", "default", "updated_by", "updated_at"), rows, context.out());
                }
                case "show" -> context.out().print(names.isEmpty() ? documents.template(args.option("lang"))
                        : documents.templateBody(template(documents, names.get(0)).id()));
                case "new" -> context.out().println(documents.createTemplate(names.get(0), args.option("lang"), body).id());
                case "copy" -> {
                    ContractTemplate source = template(documents, names.get(0));
                    String lang = args.option("lang") != null ? args.option("lang") : source.lang();
                    context.out().println(documents.createTemplate(names.get(1), lang, documents.templateBody(source.id())).id());
                }
                case "rename" -> documents.renameTemplate(template(documents, names.get(0)).id(), names.get(1));
                case "set" -> documents.updateTemplate(template(documents, names.get(0)).id(), body);
                case "delete" -> documents.deleteTemplate(template(documents, names.get(0)).id());
                default -> documents.setDefaultTemplate(template(documents, names.get(0)).id());
            }
            if (!what.equals("list") && !what.equals("show")) {
                context.err().println(NLS.bind(CliMessages.Contracts_templateDone, what, String.join(" → ", names)));
            }
        } catch (ValidationException e) {
            throw CommandException.usage(e.getErrors().stream().map(fe -> fe.message()).collect(Collectors.joining(System.lineSeparator())));
        } catch (AccessDeniedException e) {
            throw new CommandException(DATA, e.getMessage(), e);
        }
        return OK;
    }

    /** {@code --template NAME}, else the default template of {@code --lang} (else of the user's language). */
    private static ContractTemplate chosenTemplate(ContractDocuments documents, Arguments args) throws CommandException {
        return args.option("template") != null ? template(documents, args.option("template").strip()) : documents.defaultTemplate(args.option("lang"));
    }

    /** A template by its name (any letter case). */
    private static ContractTemplate template(ContractDocuments documents, String name) throws CommandException {
        return documents.findTemplate(name).orElseThrow(() -> CommandException.usage(NLS.bind(CliMessages.Contracts_noTemplate, name,
                documents.templates().stream().map(ContractTemplate::name).collect(Collectors.joining(", ")))));
    }

    private static String reference(List<String> positional, String action) throws CommandException {
        if (positional.size() < 2 || positional.get(1).isBlank()) {
            throw CommandException.usage(NLS.bind(CliMessages.Contracts_needsContract, action));
        }
        return positional.get(1).strip();
    }

    /** A contract by its number, or by its id ({@code 42} or {@code #42}). */
    private static Contract find(ContractService contracts, String reference) throws CommandException {
        var byNumber = contracts.findByNumber(reference);
        if (byNumber.isPresent()) {
            return byNumber.get();
        }
        String digits = reference.replaceFirst("^#", "");
        if (digits.matches("\\d{1,18}")) {
            var byId = contracts.find(Long.parseLong(digits));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        throw CommandException.usage(NLS.bind(CliMessages.Contracts_notFound, reference));
    }

    private static ContractStatus status(String value) throws CommandException {
        if (value == null) {
            return null;
        }
        try {
            return ContractStatus.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(NLS.bind(CliMessages.Contracts_badStatus, value,
                    java.util.Arrays.stream(ContractStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
        }
    }

    private static LocalDate date(String value) throws CommandException {
        if (value == null || value.isBlank()) {
            throw CommandException.usage(CliMessages.Contracts_signNeedsDate);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw CommandException.usage(NLS.bind(CliMessages.Contracts_badDate, value));
        }
    }

    private static Long id(String value, String option) throws CommandException {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw CommandException.usage(NLS.bind(CliMessages.Contracts_badId, value, option));
        }
    }

    private static void done(CommandContext context, Contract contract) {
        context.out().println(NLS.bind(CliMessages.Contracts_done, new Object[] { contract.getNumber(), contract.getTitle(),
                Messages.status(contract.getStatus()), text(contract.getStatusNote()) }).strip());
    }

    private static final List<String> COLUMNS = List.of("id", "number", "title", "customer", "owner", "status", "amount", "currency",
            "signed_on", "start_date", "end_date");

    private static List<String> row(Contract c) {
        return List.of(String.valueOf(c.getId()), c.getNumber(), c.getTitle(), c.getCustomer().getName(), c.getOwner(),
                c.getStatus().name(), c.getAmount().getAmount().toPlainString(), c.getCurrency(), text(c.getSignedOn()),
                text(c.getStartDate()), text(c.getEndDate()));
    }

    private static void list(ContractService contracts, ContractFilter filter, String format, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        int offset = 0;
        List<Contract> page;
        do {
            page = contracts.list(filter, offset, PAGE);
            page.forEach(c -> rows.add(row(c)));
            offset += PAGE;
        } while (page.size() == PAGE);
        RowPrinter.print(format, COLUMNS, rows, out);
    }

    /** The contract's fields, then its lines. */
    private static void show(Contract contract, String format, PrintStream out) {
        RowPrinter.print(format, COLUMNS, List.of(row(contract)), out);
        List<List<String>> lines = new ArrayList<>();
        int position = 1;
        for (ContractLine line : contract.getLines()) {
            lines.add(List.of(String.valueOf(position++), line.getProduct() == null ? "" : line.getProduct().getCode(), line.getDescription(),
                    line.getQuantity().stripTrailingZeros().toPlainString(), line.getUnitPrice().stripTrailingZeros().toPlainString(),
                    line.getDiscountPercent().stripTrailingZeros().toPlainString(), line.getTaxRate().stripTrailingZeros().toPlainString(),
                    line.getAmount().getAmount().toPlainString()));
        }
        if (!format.equals("json")) {
            out.println();
        }
        RowPrinter.print(format, List.of("line", "product", "description", "quantity", "unit_price", "discount_percent", "tax_rate", "amount"),
                lines, out);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
