package org.salesbench.documents.templates;

/** Something wrong in a template: its line (1 is the first) and a message that names it. */
public record TemplateProblem(int line, String message) {

    @Override
    public String toString() {
        return message;
    }
}
