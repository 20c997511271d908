package org.salesbench.users.internal;

import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/** {@code users list|add|deactivate}: through the {@link UserService}, so its validation and permission checks apply. */
public class UsersCommand implements CliCommand {

    @Override
    public String help() {
        return Messages.Users_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        if (raw.isEmpty()) {
            throw CommandException.usage(NLS.bind(Messages.Usage_missingArgument, "list|add|deactivate"));
        }
        String action = raw.get(0);
        List<String> rest = raw.subList(1, raw.size());
        return switch (action) {
        case "list" -> list(Arguments.parse(rest, Set.of(), Set.of("all")), context);
        case "add" -> add(Arguments.parse(rest, Set.of("email", "manager"), Set.of()), context);
        case "deactivate" -> deactivate(Arguments.parse(rest, Set.of(), Set.of()), context);
        default -> throw CommandException.usage(NLS.bind(Messages.Users_unknownAction, action));
        };
    }

    private static int list(Arguments args, CommandContext context) throws CommandException {
        args.expect();
        List<User> users = context.service(UserService.class).users(!args.flag("all"));
        for (User u : users) {
            context.out().println(String.join("\t", u.getLogin(), u.getDisplayName(), nullToEmpty(u.getEmail()),
                    nullToEmpty(u.getManager()), u.isActive() ? Messages.Users_active : Messages.Users_inactive));
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
        context.out().println(NLS.bind(Messages.Users_added, p.get(0)));
        return OK;
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
