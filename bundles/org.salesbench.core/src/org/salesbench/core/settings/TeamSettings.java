package org.salesbench.core.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the whole team, kept in the database (not in a client's preferences or properties), so every workbench
 * and command line of a team server follows the same rule. Everyone reads them; only an administrator sets them. Each
 * setting is declared by the module whose rule it is ({@link Setting}); the users module stores them.
 */
public interface TeamSettings {

    /** A setting a module declares: its name, what it is, its default and the whole numbers it may take. */
    record Setting(String name, String description, int defaultValue, int min, int max) {
    }

    /**
     * How a module declares its settings: a DS service of this type, whose settings the users module lists after the
     * built-in ones (contracts declares the default contract template of each language).
     */
    interface Declared {

        /** The module's settings, in the order they are listed. */
        List<Setting> settings();

        /**
         * The values {@code setting} may take, each named in the user's language, in the order to offer them (the
         * settings page shows the names instead of a number); empty when it takes any whole number of its range.
         */
        default Map<Integer, String> choices(Setting setting) {
            return Map.of();
        }
    }

    /** The settings there are, with their defaults. */
    List<Setting> settings();

    /** The named values of {@code setting}, from the module that declares it ({@link Declared#choices}); empty for a plain number. */
    default Map<Integer, String> choices(Setting setting) {
        return Map.of();
    }

    /** The stored value of {@code name}, empty while an administrator has set none. */
    Optional<Integer> stored(String name);

    /** The value of {@code name}: the stored one, or the setting's default. */
    default int value(Setting setting) {
        return stored(setting.name()).orElse(setting.defaultValue());
    }

    /**
     * Sets {@code name} for the whole team (administrators only), refused with a validation error naming the setting
     * when it is unknown or the value is out of its range.
     */
    void set(String name, int value);

    /** Forgets the stored value of {@code name}: the default applies again (administrators only). */
    void reset(String name);
}
