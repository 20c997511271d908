package org.salesbench.users.internal;

import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.core.settings.TeamSettings;

/** {@code settings [list] | set <name> <value> | reset <name>}: the team's settings, through {@link TeamSettings}. */
public class SettingsCommand implements CliCommand {

    @Override
    public String help() {
        return Messages.Settings_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        TeamSettings settings = context.service(TeamSettings.class);
        String action = raw.isEmpty() ? "list" : raw.get(0);
        Arguments args = Arguments.parse(raw.isEmpty() ? raw : raw.subList(1, raw.size()), Set.of(), Set.of());
        switch (action) {
            case "list" -> {
                args.expect();
                for (TeamSettings.Setting s : settings.settings()) {
                    // a setting of named values shows the value's name beside it (a template's name for its id)
                    int value = settings.value(s);
                    String name = settings.choices(s).get(value);
                    context.out().println(String.join("\t", s.name(), name == null ? Integer.toString(value) : value + " (" + name + ")",
                            settings.stored(s.name()).isPresent() ? Messages.Settings_set : Messages.Settings_default, s.description()));
                }
            }
            case "set" -> {
                List<String> p = args.expect(Messages.Arg_settingName, Messages.Arg_settingValue);
                int value;
                try {
                    value = Integer.parseInt(p.get(1).strip());
                } catch (NumberFormatException e) {
                    throw CommandException.usage(NLS.bind(Messages.Settings_notANumber, p.get(0), p.get(1)));
                }
                settings.set(p.get(0), value);
                context.out().println(NLS.bind(Messages.Settings_changed, p.get(0), value));
            }
            case "reset" -> {
                List<String> p = args.expect(Messages.Arg_settingName);
                settings.reset(p.get(0));
                context.out().println(NLS.bind(Messages.Settings_reset, p.get(0)));
            }
            default -> throw CommandException.usage(NLS.bind(Messages.Settings_unknownAction, action));
        }
        return OK;
    }
}
