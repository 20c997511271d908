package org.salesbench.ui.forms;

/**
 * A record that can be shared with other users (see {@code org.salesbench.users.Share}), by its kind and id: the
 * inputs of editors of such records adapt to it, so a command of another module can act on the record an editor shows
 * without knowing the editor.
 *
 * @param entity the record's kind as its module names it ("customer", "opportunity")
 * @param name what the user calls the record (its name), for titles
 */
public record SharedRecord(String entity, long id, String name) {
}
