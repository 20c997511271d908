package org.salesbench.users.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.Scope;
import org.salesbench.users.Role;
import org.salesbench.users.UserService;

/**
 * {@code users roles list|fields|create|grant|field|delete}: an administrator's own roles, changed through the
 * {@link UserService} so its validation (unknown entity or field) and permission checks apply. A grant or a field
 * rule replaces the role's rule for the same entity and action (or field).
 */
final class RoleCommands {

    static final Set<String> ACTIONS = Set.of("list", "fields", "create", "grant", "field", "delete");

    private RoleCommands() {
    }

    static int run(List<String> raw, CommandContext context) throws CommandException {
        List<String> rest = raw.subList(1, raw.size());
        UserService service = context.service(UserService.class);
        return switch (raw.get(0)) {
        case "list" -> list(Arguments.parse(rest, Set.of(), Set.of()), service, context);
        case "fields" -> fields(Arguments.parse(rest, Set.of(), Set.of()), service, context);
        case "create" -> create(Arguments.parse(rest, Set.of("description", "from"), Set.of()), service, context);
        case "grant" -> grant(Arguments.parse(rest, Set.of(), Set.of()), service, context);
        case "field" -> field(Arguments.parse(rest, Set.of(), Set.of()), service, context);
        case "delete" -> delete(Arguments.parse(rest, Set.of(), Set.of()), service, context);
        default -> throw new IllegalStateException(raw.get(0));
        };
    }

    /** One line per role, then its grants and field rules indented. */
    private static int list(Arguments args, UserService service, CommandContext context) throws CommandException {
        args.expect();
        for (Role role : service.roles()) {
            context.out().println(role.name() + "\t" + (role.builtIn() ? Messages.Roles_builtIn : Messages.Roles_own) + "\t"
                    + (role.description() == null ? "" : role.description()));
            for (Role.Grant g : role.grants()) {
                context.out().println("  " + Messages.Roles_grant + "\t" + g.entity() + "\t" + g.action() + "\t" + g.scope());
            }
            for (Role.FieldRule f : role.fields()) {
                context.out().println("  " + Messages.Roles_field + "\t" + f.entity() + "." + f.field() + "\t" + f.access());
            }
        }
        return CliCommand.OK;
    }

    /** What rules may name: every record kind and its fields, or one kind's. */
    private static int fields(Arguments args, UserService service, CommandContext context) throws CommandException {
        List<String> p = args.positional().isEmpty() ? List.of() : args.expect(Messages.Arg_entity);
        Map<String, List<String>> fields = service.securedFields();
        if (!p.isEmpty() && !fields.containsKey(p.get(0))) {
            throw CommandException.usage(NLS.bind(Messages.Role_unknownEntity, p.get(0), String.join(", ", fields.keySet())));
        }
        fields.forEach((entity, names) -> {
            if (p.isEmpty() || p.get(0).equals(entity)) {
                context.out().println(entity + "\t" + String.join(", ", names));
            }
        });
        return CliCommand.OK;
    }

    private static int create(Arguments args, UserService service, CommandContext context) throws CommandException {
        List<String> p = args.expect(Messages.Role_name);
        Role from = args.option("from") == null ? null : role(service, args.option("from"));
        service.createRole(new Role(p.get(0), args.option("description", from == null ? null : from.description()), false,
                from == null ? List.of() : from.grants(), from == null ? List.of() : from.fields()));
        context.out().println(NLS.bind(Messages.Roles_created, p.get(0)));
        return CliCommand.OK;
    }

    /** {@code grant ROLE ENTITY ACTION[,ACTION...] SCOPE}. */
    private static int grant(Arguments args, UserService service, CommandContext context) throws CommandException {
        List<String> p = args.expect(Messages.Role_name, Messages.Arg_entity, Messages.Arg_action, Messages.Arg_scope);
        Role role = role(service, p.get(0));
        Scope scope = choice(Scope.class, "scope", p.get(3));
        List<Role.Grant> grants = new ArrayList<>(role.grants());
        for (String a : p.get(2).split(",")) {
            Action action = choice(Action.class, "action", a.strip());
            grants.removeIf(g -> g.entity().equals(p.get(1)) && g.action() == action);
            grants.add(new Role.Grant(p.get(1), action, scope));
        }
        service.updateRole(new Role(role.name(), role.description(), false, grants, role.fields()));
        context.out().println(NLS.bind(Messages.Roles_granted, new Object[] {p.get(0), p.get(1) + " " + p.get(2), scope}));
        return CliCommand.OK;
    }

    /** {@code field ROLE ENTITY FIELD read|edit|hidden}: edit, the default, removes the rule. */
    private static int field(Arguments args, UserService service, CommandContext context) throws CommandException {
        List<String> p = args.expect(Messages.Role_name, Messages.Arg_entity, Messages.Arg_field, Messages.Arg_access);
        Role role = role(service, p.get(0));
        FieldAccess access = choice(FieldAccess.class, "access", p.get(3));
        List<Role.FieldRule> rules = new ArrayList<>(role.fields());
        rules.removeIf(f -> f.entity().equals(p.get(1)) && f.field().equals(p.get(2)));
        rules.add(new Role.FieldRule(p.get(1), p.get(2), access));
        service.updateRole(new Role(role.name(), role.description(), false, role.grants(), rules));
        context.out().println(NLS.bind(Messages.Roles_fieldSet, new Object[] {p.get(0), p.get(1) + "." + p.get(2), access}));
        return CliCommand.OK;
    }

    private static int delete(Arguments args, UserService service, CommandContext context) throws CommandException {
        List<String> p = args.expect(Messages.Role_name);
        service.deleteRole(p.get(0));
        context.out().println(NLS.bind(Messages.Roles_deleted, p.get(0)));
        return CliCommand.OK;
    }

    private static Role role(UserService service, String name) throws CommandException {
        return service.roles().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(
                () -> CommandException.data(NLS.bind(Messages.Role_unknown, Messages.Role_name, name), null));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String what, String text) throws CommandException {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E value : type.getEnumConstants()) {
                allowed.add(value.name().toLowerCase(Locale.ROOT));
            }
            throw CommandException.usage(NLS.bind(Messages.Roles_badChoice, new Object[] {what, text, String.join("|", allowed)}));
        }
    }
}
