package org.salesbench.users.imports;

import java.util.List;

import org.salesbench.core.validation.FieldError;
import org.salesbench.importexport.targets.NameLookup;
import org.salesbench.importexport.targets.TargetMessages;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * How every module's import target finds the user a row names as owner, manager or assignee, for one import run: by login, e-mail or display name,
 * ignoring case and surrounding spaces, never by a guess at a spelling.
 */
public final class OwnerLookup {

    private final UserService users;
    private NameLookup<String> logins;

    public OwnerLookup(UserService users) {
        this.users = users;
    }

    /** The login of the user {@code text} names, or a {@link FieldError} on {@code field}. */
    public Object login(String field, String text) {
        if (logins == null) {
            logins = new NameLookup<>(users.users(false), User::getLogin, List.of(User::getLogin, User::getEmail, User::getDisplayName),
                    TargetMessages.Owner_unknown, TargetMessages.Owner_ambiguous);
        }
        return logins.find(field, text);
    }

    /** Forgets the users read so far (after the run added some). */
    public void usersChanged() {
        logins = null;
    }
}
