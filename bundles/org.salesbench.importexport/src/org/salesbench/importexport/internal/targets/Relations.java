package org.salesbench.importexport.internal.targets;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.validation.FieldError;
import org.salesbench.opportunities.quotes.Product;
import org.salesbench.opportunities.quotes.ProductService;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * Finds the users and products rows name, for one import run: a user by login, display name or e-mail,
 * a product by code or name, ignoring case and surrounding spaces, never by a guess at a spelling.
 */
final class Relations {

    private static final String AMBIGUOUS = "\u0000ambiguous";

    private final UserService users;
    private final ProductService products;
    private Map<String, String> loginByKey;
    private Map<String, Long> productByKey;

    Relations(UserService users, ProductService products) {
        this.users = users;
        this.products = products;
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /** The login of the user {@code text} names, or a {@link FieldError} on {@code field}. */
    Object login(String field, String text) {
        if (loginByKey == null) {
            loginByKey = new HashMap<>();
            List<User> all = users.users(false);
            for (User u : all) {
                loginByKey.put(key(u.getLogin()), u.getLogin());
            }
            for (User u : all) {
                if (u.getEmail() != null && !u.getEmail().isBlank()) {
                    loginByKey.putIfAbsent(key(u.getEmail()), u.getLogin());
                }
            }
            Map<String, List<String>> loginsByName = new HashMap<>();
            all.forEach(u -> loginsByName.computeIfAbsent(key(u.getDisplayName()), n -> new java.util.ArrayList<>()).add(u.getLogin()));
            loginsByName.forEach((name, logins) -> loginByKey.putIfAbsent(name, logins.size() == 1 ? logins.get(0) : AMBIGUOUS));
        }
        String login = loginByKey.get(key(text));
        if (login == null) {
            return new FieldError(field, NLS.bind(SalesMessages.Owner_unknown, text.strip()), text);
        }
        if (login == AMBIGUOUS) {
            long count = users.users(false).stream().filter(u -> key(u.getDisplayName()).equals(key(text))).count();
            return new FieldError(field, NLS.bind(SalesMessages.Owner_ambiguous, text.strip(), count), text);
        }
        return login;
    }

    /** Forgets the users read so far (after the run added some). */
    void usersChanged() {
        loginByKey = null;
    }

    /** The product {@code text} names by code or name, or a {@link FieldError} on {@code field}. */
    Object product(String field, String text) {
        if (productByKey == null) {
            productByKey = new HashMap<>();
            List<Product> all = products.list(false);
            all.forEach(p -> productByKey.put(key(p.getCode()), p.getId()));
            all.forEach(p -> productByKey.putIfAbsent(key(p.getName()), p.getId()));
        }
        Long id = productByKey.get(key(text));
        if (id == null) {
            return new FieldError(field, NLS.bind(SalesMessages.Product_unknown, text.strip()), text);
        }
        return id;
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
