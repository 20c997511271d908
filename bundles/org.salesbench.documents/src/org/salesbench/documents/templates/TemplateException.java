package org.salesbench.documents.templates;

import java.util.List;
import java.util.stream.Collectors;

import org.salesbench.documents.DocumentException;

/** A template was refused: its problems, each with its line; the message lists them all. */
public class TemplateException extends DocumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<TemplateProblem> problems;

    public TemplateException(List<TemplateProblem> problems) {
        super(problems.stream().map(TemplateProblem::message).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<TemplateProblem> problems() {
        return problems;
    }
}
