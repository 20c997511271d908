package org.salesbench.ui.forms;

/**
 * The record selected in a list, by its kind and id, for the commands about any record (Show History): a list says which
 * record is selected through {@link RecordSelection}, so a command of another module acts on it without knowing the list.
 *
 * @param entity the record's kind as its module names it ("lead", "contact", "receipt")
 * @param name   what the user calls the record, for titles
 */
public record SelectedRecord(String entity, long id, String name) {
}
