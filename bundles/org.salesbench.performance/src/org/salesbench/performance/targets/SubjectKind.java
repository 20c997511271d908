package org.salesbench.performance.targets;

/** Whose target it is: the whole company, a team, or one person. */
public enum SubjectKind {
    COMPANY, TEAM, PERSON
}
