package org.salesbench.cli.internal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.RowPrinter;
import org.salesbench.cli.internal.Messages;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;

/**
 * {@code picklists list [<list>] | add <list> <english> <chinese> [--code C] | rename <list> <code> [--en E] [--zh Z] |
 * deactivate|activate <list> <code> | move <list> <code> <position>}: the editable picklists of every module, through the
 * {@link Picklists} service (reading is everyone's, changing an administrator's).
 */
public class PicklistsCommand implements CliCommand {

    @Override
    public String help() {
        return Messages.Picklists_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, Set.of("code", "en", "zh", "format"), Set.of());
        List<String> positional = args.positional();
        if (positional.isEmpty()) {
            throw CommandException.usage(Messages.Picklists_help);
        }
        Picklists picklists = context.service(Picklists.class);
        String action = positional.get(0);
        String format = args.choice("format", "table", "table", "csv", "json");
        try {
            switch (action) {
                case "list" -> {
                    if (positional.size() > 2) {
                        throw CommandException.usage(NLS.bind(Messages.Usage_extraArgument, positional.get(2)));
                    }
                    if (positional.size() == 1) {
                        List<List<String>> rows = new ArrayList<>();
                        for (String list : picklists.lists()) {
                            List<PicklistValue> values = picklists.values(list);
                            rows.add(List.of(list, Integer.toString(values.size()),
                                    Long.toString(values.stream().filter(PicklistValue::active).count())));
                        }
                        RowPrinter.print(format, List.of(Messages.Picklists_columnList, Messages.Picklists_columnValues,
                                Messages.Picklists_columnActive), rows, context.out());
                    } else {
                        print(context, format, values(picklists, positional.get(1)));
                    }
                }
                case "add" -> {
                    List<String> p = args.expect(Messages.Arg_action, Messages.Arg_list, Messages.Arg_english, Messages.Arg_chinese);
                    PicklistValue added = picklists.add(p.get(1), args.option("code"), p.get(2), p.get(3));
                    context.err().println(NLS.bind(Messages.Picklists_added, added.code(), added.list()));
                    print(context, format, List.of(added));
                }
                case "rename" -> {
                    List<String> p = args.expect(Messages.Arg_action, Messages.Arg_list, Messages.Arg_code);
                    if (args.option("en") == null && args.option("zh") == null) {
                        throw CommandException.usage(Messages.Picklists_renameWhat);
                    }
                    print(context, format, List.of(picklists.rename(p.get(1), p.get(2), args.option("en"), args.option("zh"))));
                }
                case "deactivate", "activate" -> {
                    List<String> p = args.expect(Messages.Arg_action, Messages.Arg_list, Messages.Arg_code);
                    print(context, format, List.of(picklists.setActive(p.get(1), p.get(2), action.equals("activate"))));
                }
                case "move" -> {
                    List<String> p = args.expect(Messages.Arg_action, Messages.Arg_list, Messages.Arg_code, Messages.Arg_position);
                    int position;
                    try {
                        position = Integer.parseInt(p.get(3).strip());
                    } catch (NumberFormatException e) {
                        throw CommandException.usage(NLS.bind(Messages.Picklists_badPosition, p.get(3)));
                    }
                    if (position < 1) {
                        throw CommandException.usage(NLS.bind(Messages.Picklists_badPosition, p.get(3)));
                    }
                    print(context, format, picklists.move(p.get(1), p.get(2), position - 1));
                }
                default -> throw CommandException.usage(NLS.bind(Messages.Picklists_unknownAction, action));
            }
        } catch (IllegalArgumentException | AccessDeniedException e) {
            throw CommandException.data(e.getMessage(), e);
        }
        return OK;
    }

    private static List<PicklistValue> values(Picklists picklists, String list) throws CommandException {
        List<PicklistValue> values = picklists.values(list);
        if (values.isEmpty()) {
            throw CommandException.data(NLS.bind(Messages.Picklists_unknownList, list, String.join(", ", picklists.lists())), null);
        }
        return values;
    }

    private static void print(CommandContext context, String format, List<PicklistValue> values) {
        List<List<String>> rows = new ArrayList<>();
        for (PicklistValue v : values) {
            rows.add(List.of(v.code(), v.labelEn(), v.labelZh(), Integer.toString(v.position()),
                    v.active() ? Messages.Picklists_yes : Messages.Picklists_no));
        }
        RowPrinter.print(format, List.of(Messages.Picklists_columnCode, Messages.Picklists_columnEnglish, Messages.Picklists_columnChinese,
                Messages.Picklists_columnPosition, Messages.Picklists_columnActive), rows, context.out());
    }
}
