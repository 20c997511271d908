package org.salesbench.performance.scorecards;

/** A scorecard template is edited as a draft and read-only once published. */
public enum TemplateStatus {
    DRAFT, PUBLISHED
}
