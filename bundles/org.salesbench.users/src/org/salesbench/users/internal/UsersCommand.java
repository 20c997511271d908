package org.salesbench.users.internal;

import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.users.Role;
import org.salesbench.users.Share;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/** {@code users list|add|roles|sign-in|share|unshare|deactivate} ({@code users roles list|create|grant|field|delete|fields}: {@link RoleCommands}): through the {@link UserService}, so its validation and permission checks apply. */
public class UsersCommand implements CliCommand {

    /** Where a script hands over a new user's password. */
    static final String PASSWORD_VARIABLE = "SALESBENCH_NEW_USER_PASSWORD";

    @Override
    public String help() {
        return Messages.Users_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        if (raw.isEmpty()) {
            throw CommandException.usage(NLS.bind(Messages.Usage_missingArgument, "list|add|roles|sign-in|share|unshare|deactivate"));
        }
        String action = raw.get(0);
        List<String> rest = raw.subList(1, raw.size());
        return switch (action) {
        case "list" -> list(Arguments.parse(rest, Set.of(), Set.of("all")), context);
        case "add" -> add(Arguments.parse(rest, Set.of("email", "manager", "role"), Set.of("sign-in")), context);
        case "roles" -> !rest.isEmpty() && RoleCommands.ACTIONS.contains(rest.get(0)) ? RoleCommands.run(rest, context)
                : roles(Arguments.parse(rest, Set.of(), Set.of()), context);
        case "sign-in" -> signIn(Arguments.parse(rest, Set.of(), Set.of()), context);
        case "share" -> share(Arguments.parse(rest, Set.of("account-role"), Set.of("edit")), context);
        case "unshare" -> unshare(Arguments.parse(rest, Set.of(), Set.of()), context);
        case "deactivate" -> deactivate(Arguments.parse(rest, Set.of(), Set.of()), context);
        default -> throw CommandException.usage(NLS.bind(Messages.Users_unknownAction, action));
        };
    }

    private static int list(Arguments args, CommandContext context) throws CommandException {
        args.expect();
        List<User> users = context.service(UserService.class).users(!args.flag("all"));
        for (User u : users) {
            context.out().println(String.join("\t", u.getLogin(), u.getDisplayName(), nullToEmpty(u.getEmail()),
                    nullToEmpty(u.getManager()), u.isActive() ? Messages.Users_active : Messages.Users_inactive,
                    String.join(",", context.service(UserService.class).rolesOf(u.getLogin()))));
        }
        return OK;
    }

    private static int add(Arguments args, CommandContext context) throws CommandException {
        List<String> p = args.expect(Messages.Arg_login, Messages.Arg_displayName);
        UserService service = context.service(UserService.class);
        if (service.findUser(p.get(0)).isPresent()) {
            throw CommandException.data(NLS.bind(Messages.Users_exists, p.get(0)), null);
        }
        User user = new User(p.get(0), p.get(1));
        user.setEmail(args.option("email"));
        user.setManager(args.option("manager"));
        service.createUser(user);
        String roles = args.option("role", Role.SALES_REP);
        service.setRoles(p.get(0), roleList(roles));
        context.out().println(NLS.bind(Messages.Users_added, p.get(0), roles));
        if (args.flag("sign-in")) {
            enableSignIn(service, p.get(0), context);
        }
        return OK;
    }

    private static int roles(Arguments args, CommandContext context) throws CommandException {
        List<String> p = args.expect(Messages.Arg_login, Messages.Arg_roles);
        context.service(UserService.class).setRoles(p.get(0), roleList(p.get(1)));
        context.out().println(NLS.bind(Messages.Users_rolesSet, p.get(0), p.get(1)));
        return OK;
    }

    private static int share(Arguments args, CommandContext context) throws CommandException {
        List<String> p = args.expect(Messages.Arg_entity, Messages.Arg_id, Messages.Arg_grantee);
        context.service(UserService.class).share(new Share(p.get(0), recordId(p.get(1)), grantee(p.get(2), context), args.flag("edit"),
                args.option("account-role")));
        context.out().println(NLS.bind(Messages.Users_shared, new Object[] {p.get(0), p.get(1), p.get(2)}));
        return OK;
    }

    private static int unshare(Arguments args, CommandContext context) throws CommandException {
        List<String> p = args.expect(Messages.Arg_entity, Messages.Arg_id, Messages.Arg_grantee);
        context.service(UserService.class).unshare(p.get(0), recordId(p.get(1)), grantee(p.get(2), context));
        context.out().println(NLS.bind(Messages.Users_unshared, new Object[] {p.get(0), p.get(1), p.get(2)}));
        return OK;
    }

    private static long recordId(String text) throws CommandException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw CommandException.usage(NLS.bind(Messages.Users_badId, text));
        }
    }

    /** A login, or {@code team:NAME} for a team by its name. */
    private static String grantee(String text, CommandContext context) throws CommandException {
        if (!text.startsWith("team:")) {
            return text;
        }
        String name = text.substring("team:".length());
        return context.service(UserService.class).teams().stream().filter(t -> t.getName().equals(name)).findFirst()
                .map(t -> Share.team(t.getId())).orElseThrow(() -> CommandException.data(NLS.bind(Messages.Users_unknownTeam, name), null));
    }

    private static int signIn(Arguments args, CommandContext context) throws CommandException {
        List<String> p = args.expect(Messages.Arg_login);
        enableSignIn(context.service(UserService.class), p.get(0), context);
        return OK;
    }

    /**
     * The new user's password comes from {@value #PASSWORD_VARIABLE} (for scripts) or is asked for twice at the
     * terminal: never from an argument, which {@code ps} would show.
     */
    private static void enableSignIn(UserService service, String login, CommandContext context) throws CommandException {
        char[] password;
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        if (fromEnvironment != null) {
            password = fromEnvironment.toCharArray();
        } else if (System.console() != null) {
            password = System.console().readPassword(NLS.bind(Messages.Users_passwordPrompt, login));
            char[] again = System.console().readPassword(Messages.Users_passwordAgain);
            if (password == null || !java.util.Arrays.equals(password, again)) {
                throw CommandException.usage(Messages.Users_passwordsDiffer);
            }
        } else {
            throw CommandException.usage(NLS.bind(Messages.Users_noPassword, PASSWORD_VARIABLE));
        }
        try {
            service.enableSignIn(login, password);
        } finally {
            java.util.Arrays.fill(password, ' ');
        }
        context.out().println(NLS.bind(Messages.Users_signInEnabled, login));
    }

    private static List<String> roleList(String roles) {
        return java.util.Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    }

    private static int deactivate(Arguments args, CommandContext context) throws CommandException {
        List<String> p = args.expect(Messages.Arg_login);
        UserService service = context.service(UserService.class);
        User user = service.findUser(p.get(0)).orElseThrow(() -> CommandException.data(NLS.bind(Messages.Users_unknown, p.get(0)), null));
        if (user.isActive()) {
            user.setActive(false);
            service.updateUser(user);
        }
        context.out().println(NLS.bind(Messages.Users_deactivated, p.get(0)));
        return OK;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
