package org.salesbench.workflow.ui.internal.tasks;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/** A choice among the active users (name and login), read in a job from the users API. */
final class UserCombo {

    private final Combo combo;
    private List<User> users = List.of();

    /**
     * @param preselect the login chosen once the users are read, or null
     * @param loaded    runs when the choice can be made (the dialog enables OK)
     */
    UserCombo(Composite parent, String preselect, Runnable loaded) {
        combo = new Combo(parent, SWT.READ_ONLY);
        combo.setEnabled(false);
        combo.add(Messages.Loading);
        combo.select(0);
        Jobs.load(combo, Messages.Job_load, () -> withPreselected(Services.get(UserService.class).users(true), preselect), read -> {
            users = read;
            combo.removeAll();
            read.forEach(u -> combo.add(u.getDisplayName() + " (" + u.getLogin() + ")")); //$NON-NLS-1$ //$NON-NLS-2$
            for (int i = 0; i < read.size(); i++) {
                if (read.get(i).getLogin().equalsIgnoreCase(preselect)) {
                    combo.select(i);
                }
            }
            combo.setEnabled(true);
            combo.getParent().layout(true);
            loaded.run();
        }, e -> {
            combo.removeAll();
            combo.add(Jobs.message(e));
            combo.select(0);
        });
    }

    /** The owner of an embedded database has no user row: they are offered first all the same. */
    private static List<User> withPreselected(List<User> active, String preselect) {
        if (preselect == null || active.stream().anyMatch(u -> u.getLogin().equalsIgnoreCase(preselect))) {
            return active;
        }
        List<User> all = new ArrayList<>();
        all.add(new User(preselect, preselect));
        all.addAll(active);
        return all;
    }

    Combo control() {
        return combo;
    }

    /** The chosen user's login, or null. */
    String login() {
        int index = combo.getSelectionIndex();
        return combo.isEnabled() && index >= 0 && index < users.size() ? users.get(index).getLogin() : null;
    }
}
