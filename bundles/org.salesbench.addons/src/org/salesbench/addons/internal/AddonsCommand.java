package org.salesbench.addons.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.addons.AddonException;
import org.salesbench.addons.Addons;
import org.salesbench.addons.Addons.Addon;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;

/**
 * {@code addons list | install <site> <feature> | uninstall <feature>}: the installation's features through
 * {@link Addons}. Needs no database. {@code list} prints one feature a line, tab-separated: id, version, "add-on"
 * or "-", name.
 */
public class AddonsCommand implements CliCommand {

    @Override
    public String help() {
        return Messages.Command_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, Set.of(), Set.of());
        List<String> positional = args.positional();
        String action = positional.isEmpty() ? "" : positional.get(0);
        try {
            switch (action) {
                case "list" -> {
                    args.expect("list");
                    for (Addon addon : Addons.ofRunningInstallation().installed()) {
                        context.out().println(addon.id() + '\t' + addon.version() + '\t' + (addon.root() ? "add-on" : "-") + '\t' + addon.name());
                    }
                }
                case "install" -> {
                    List<String> given = args.expect("install", "site", "feature");
                    URI site = site(given.get(1));
                    Addon addon = Addons.ofRunningInstallation().install(site, given.get(2), null);
                    context.out().println(NLS.bind(Messages.Command_installed, addon.id(), addon.version()));
                }
                case "uninstall" -> {
                    List<String> given = args.expect("uninstall", "feature");
                    Addons.ofRunningInstallation().uninstall(given.get(1), null);
                    context.out().println(NLS.bind(Messages.Command_uninstalled, given.get(1)));
                }
                default -> throw CommandException.usage(NLS.bind(Messages.Command_unknownAction, action));
            }
        } catch (AddonException e) {
            throw CommandException.data(e.getMessage(), e);
        }
        return OK;
    }

    /** An address as given, or an existing folder as a file: address. */
    static URI site(String given) throws CommandException {
        String lower = given.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("file:") || lower.startsWith("http:") || lower.startsWith("https:")) {
            try {
                return new URI(given);
            } catch (java.net.URISyntaxException e) {
                throw CommandException.usage(NLS.bind(Messages.Command_noSite, given));
            }
        }
        Path folder = Paths.get(given).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw CommandException.usage(NLS.bind(Messages.Command_noSite, given));
        }
        return folder.toUri();
    }
}
