package org.salesbench.audit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.audit.AuditEntry;
import org.salesbench.audit.AuditQuery;
import org.salesbench.audit.AuditTrail;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;

/** {@code audit [--entity E [--id N]] [--user U] [--since T] [--until T] [--field F] [--limit N]}: prints entries, newest first. */
public class AuditCommand implements CliCommand {

    private static final int DEFAULT_LIMIT = 100;

    @Override
    public String help() {
        return Messages.Audit_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, Set.of("entity", "id", "user", "since", "until", "field", "limit"), Set.of());
        args.expect();
        String entity = args.option("entity");
        if (entity != null && !AuditedTables.entities().contains(entity)) {
            throw CommandException.usage(NLS.bind(Messages.Audit_unknownEntity, entity, String.join(", ", AuditedTables.entities())));
        }
        Long id = null;
        if (args.option("id") != null) {
            if (entity == null) {
                throw CommandException.usage(Messages.Audit_idWithoutEntity);
            }
            id = positiveNumber("--id", args.option("id"));
        }
        int limit = Math.toIntExact(Math.min(Integer.MAX_VALUE, positiveNumber("--limit", args.option("limit", Integer.toString(DEFAULT_LIMIT)))));
        AuditQuery query = AuditQuery.all().withEntity(entity).withRecord(id).withUser(args.option("user"))
                .withPeriod(instant("--since", args.option("since")), instant("--until", args.option("until")))
                .withField(args.option("field")).withPage(0, limit);
        List<AuditEntry> entries = context.service(AuditTrail.class).search(query);
        context.out().println(String.join("\t", Messages.Column_when, Messages.Column_user, Messages.Column_client, Messages.Column_entity,
                Messages.Column_record, Messages.Column_event, Messages.Column_field, Messages.Column_oldValue, Messages.Column_newValue,
                Messages.Column_details));
        for (AuditEntry e : entries) {
            context.out().println(String.join("\t", e.at().toString(), e.user(), text(e.client()), e.entity(),
                    e.recordId() == null ? "" : e.recordId().toString(), AuditLabels.kind(e.kind()), text(e.field()),
                    oneLine(e.oldValue()), oneLine(e.newValue()), oneLine(e.details())));
        }
        if (entries.isEmpty()) {
            context.err().println(Messages.Audit_none);
        }
        return OK;
    }

    private static long positiveNumber(String option, String value) throws CommandException {
        try {
            long n = Long.parseLong(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CommandException.usage(NLS.bind(Messages.Audit_badNumber, option, value));
    }

    /** A date (the start of that day here) or a date and time, local or with an offset. */
    static Instant instant(String option, String value) throws CommandException {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return LocalDateTime.parse(v).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return java.time.OffsetDateTime.parse(v).toInstant();
                } catch (DateTimeParseException e) {
                    throw CommandException.usage(NLS.bind(Messages.Audit_badTime, option, value));
                }
            }
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace("\r", "").replace('\n', ' ');
    }
}
