package org.salesbench.performance.targets;

import java.util.Optional;

/**
 * Whose target it is.
 *
 * @param kind company, team or person
 * @param key  {@code *} for the company, the team's id for a team, the login for a person
 */
public record Subject(SubjectKind kind, String key) implements Comparable<Subject> {

    public static final String COMPANY_KEY = "*";

    public Subject {
        if (kind == null || key == null || key.isBlank()) {
            throw new IllegalArgumentException(kind + " " + key);
        }
    }

    public static Subject company() {
        return new Subject(SubjectKind.COMPANY, COMPANY_KEY);
    }

    public static Subject team(long teamId) {
        return new Subject(SubjectKind.TEAM, Long.toString(teamId));
    }

    public static Subject person(String login) {
        return new Subject(SubjectKind.PERSON, login);
    }

    /** The team's id, for a team. */
    public long teamId() {
        return Long.parseLong(key);
    }

    /** Reads {@code company}, {@code team:12} or {@code person:li.na}; empty for anything else. */
    public static Optional<Subject> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("company")) {
            return Optional.of(company());
        }
        int colon = t.indexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            return Optional.empty();
        }
        String kind = t.substring(0, colon).toLowerCase();
        String key = t.substring(colon + 1).trim();
        if (kind.equals("team") && key.matches("\\d{1,18}")) {
            return Optional.of(team(Long.parseLong(key)));
        }
        if (kind.equals("person") && !key.isEmpty()) {
            return Optional.of(person(key));
        }
        return Optional.empty();
    }

    @Override
    public int compareTo(Subject o) {
        int c = kind.compareTo(o.kind);
        if (c != 0) {
            return c;
        }
        if (kind == SubjectKind.TEAM) {
            return Long.compare(teamId(), o.teamId());
        }
        return key.compareTo(o.key);
    }

    /** {@code company}, {@code team:12} or {@code person:li.na}: what {@link #parse} reads. */
    @Override
    public String toString() {
        return switch (kind) {
            case COMPANY -> "company";
            case TEAM -> "team:" + key;
            case PERSON -> "person:" + key;
        };
    }
}
