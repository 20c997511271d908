package org.salesbench.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.internal.Messages;

/**
 * A command's arguments: options ({@code --name value}, {@code --name=value} or a flag {@code --name})
 * and positional arguments; {@code --} ends the options. Unknown options and missing values are
 * usage errors that name the option.
 */
public final class Arguments {

    private final Map<String, String> options;
    private final List<String> positional;

    private Arguments(Map<String, String> options, List<String> positional) {
        this.options = options;
        this.positional = positional;
    }

    /**
     * @param valueOptions the options that take a value, without the dashes (e.g. {@code mode})
     * @param flags        the options that take none (e.g. {@code force})
     */
    public static Arguments parse(List<String> args, Set<String> valueOptions, Set<String> flags) throws CommandException {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (valueOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw CommandException.usage(NLS.bind(Messages.Usage_missingValue, "--" + name));
                    }
                    value = args.get(++i);
                }
            } else if (flags.contains(name)) {
                if (value != null) {
                    throw CommandException.usage(NLS.bind(Messages.Usage_flagWithValue, "--" + name));
                }
                value = "true";
            } else {
                throw CommandException.usage(NLS.bind(Messages.Usage_unknownOption, arg));
            }
            if (options.put(name, value) != null) {
                throw CommandException.usage(NLS.bind(Messages.Usage_optionTwice, "--" + name));
            }
        }
        return new Arguments(Collections.unmodifiableMap(options), List.copyOf(positional));
    }

    /** The option's value, or {@code null} when it was not given. */
    public String option(String name) {
        return options.get(name);
    }

    public String option(String name, String defaultValue) {
        return options.getOrDefault(name, defaultValue);
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    /** One of the allowed values (compared ignoring case), or the default when the option was not given. */
    public String choice(String name, String defaultValue, String... allowed) throws CommandException {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value.strip())) {
                return a;
            }
        }
        throw CommandException.usage(NLS.bind(Messages.Usage_badChoice, new Object[] { "--" + name, value, String.join(", ", allowed) }));
    }

    public List<String> positional() {
        return positional;
    }

    /**
     * Exactly the named positional arguments.
     *
     * @param names what each one is, for the message when it is missing (e.g. "entity", "file")
     */
    public List<String> expect(String... names) throws CommandException {
        if (positional.size() < names.length) {
            throw CommandException.usage(NLS.bind(Messages.Usage_missingArgument, names[positional.size()]));
        }
        if (positional.size() > names.length) {
            throw CommandException.usage(NLS.bind(Messages.Usage_extraArgument, positional.get(names.length)));
        }
        return positional;
    }
}
