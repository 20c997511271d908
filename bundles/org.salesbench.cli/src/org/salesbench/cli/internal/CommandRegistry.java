package org.salesbench.cli.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.salesbench.cli.CliCommand;
import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;

/** The commands contributed to {@code org.salesbench.cli.commands}, read once, lazily, in order. */
public final class CommandRegistry {

    public static final String EXTENSION_POINT = "org.salesbench.cli.commands";

    /** A contributed command; its class is created when it is run or its help is shown. */
    public record Descriptor(String name, String description, int order, boolean fallback, String contributor,
            LazyContribution<CliCommand> command) {

        static Descriptor of(IConfigurationElement element) {
            String name = ExtensionRegistryReader.requiredAttribute(element, "name");
            if (!name.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("command name '" + name + "' is not lower case letters, digits and dashes");
            }
            return new Descriptor(name, ExtensionRegistryReader.requiredAttribute(element, "description"),
                    ExtensionRegistryReader.intAttribute(element, "order", 1000), Boolean.parseBoolean(element.getAttribute("fallback")),
                    element.getContributor().getName(), new LazyContribution<>(element, "class", CliCommand.class));
        }

        public Optional<CliCommand> create() {
            return command.get();
        }
    }

    private static final ExtensionRegistryReader<Descriptor> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "command",
            Descriptor::of, Comparator.comparingInt(Descriptor::order).thenComparing(Descriptor::name));

    private CommandRegistry() {
    }

    /** One command a name: a real contribution wins over a stand-in ({@code fallback="true"}); of two real ones the first. */
    public static List<Descriptor> commands() {
        Map<String, Descriptor> byName = new LinkedHashMap<>();
        for (Descriptor d : READER.descriptors()) {
            Descriptor known = byName.get(d.name());
            if (known == null || known.fallback() && !d.fallback()) {
                byName.put(d.name(), d);
            } else if (!d.fallback()) {
                ILog.of(CommandRegistry.class).warn("Command '" + d.name() + "' of " + d.contributor() + " is ignored: "
                        + known.contributor() + " contributes it too");
            }
        }
        List<Descriptor> result = new ArrayList<>(byName.values());
        result.sort(Comparator.comparingInt(Descriptor::order).thenComparing(Descriptor::name));
        return List.copyOf(result);
    }

    public static Optional<Descriptor> command(String name) {
        return commands().stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
