package org.salesbench.importexport.internal.targets;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import org.salesbench.core.validation.FieldError;
import org.salesbench.importexport.targets.NameLookup;
import org.salesbench.importexport.targets.TargetMessages;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * Finds the users rows name, for one import run: by login, e-mail or display name, ignoring case and surrounding
 * spaces, never by a guess at a spelling.
 */
final class Relations {

    private final UserService users;
    private NameLookup<String> logins;

    Relations(UserService users) {
        this.users = users;
    }

    /** The login of the user {@code text} names, or a {@link FieldError} on {@code field}. */
    Object login(String field, String text) {
        if (logins == null) {
            logins = new NameLookup<>(users.users(false), User::getLogin, List.of(User::getLogin, User::getEmail, User::getDisplayName),
                    TargetMessages.Owner_unknown, TargetMessages.Owner_ambiguous);
        }
        return logins.find(field, text);
    }

    /** Forgets the users read so far (after the run added some). */
    void usersChanged() {
        logins = null;
    }
    /** A login made from a display name: "Darcel Schlecht" becomes darcel.schlecht; {@code null} if nothing usable remains. */
    static String loginFrom(String displayName) {
        String ascii = Normalizer.normalize(displayName.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String login = ascii.replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.+|\\.+$", "");
        if (login.length() > 64) {
            login = login.substring(0, 64).replaceAll("\\.+$", "");
        }
        return login.length() < 2 ? null : login;
    }
}
