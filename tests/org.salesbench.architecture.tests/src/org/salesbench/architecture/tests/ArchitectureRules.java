package org.salesbench.architecture.tests;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.salesbench.architecture.tests.SourceTree.Bundle;
import org.salesbench.architecture.tests.SourceTree.Clause;
import org.salesbench.architecture.tests.SourceTree.JavaSource;
import org.salesbench.architecture.tests.SourceTree.Resource;

/**
 * The rules of docs/ARCHITECTURE.md, checked on a {@link SourceTree}. Each violation has a key that names what is
 * wrong without a line number (so a debt list survives edits elsewhere in a file) and the place it occurs.
 */
final class ArchitectureRules {

    enum Rule {
        UI_IN_MODEL, INTERNAL_PACKAGE, PRODUCTION_FRIEND, FOREIGN_TABLE_WRITE, UNUSED_DEPENDENCY, CYCLE, ENGINE_KNOWS_MODULE,
        EXTENSION_POINT_WITHOUT_CONTRIBUTOR
    }

    record Violation(Rule rule, String bundle, String key, Path file, int line) {
        @Override
        public String toString() {
            return key + "\n      at " + bundle + " " + file + ":" + line;
        }
    }

    /** The business modules, today's and those being built on the same rule. */
    static final List<String> MODULES = List.of("customers", "opportunities", "quotes", "users", "analytics", "workflow",
            "contracts", "performance");
    /** The engines: they know no module, modules contribute to them. */
    static final Set<String> ENGINES = Set.of("org.salesbench.importexport", "org.salesbench.cli", "org.salesbench.documents");
    /** Headless bundles that render pictures and documents, the only model bundles allowed AWT (and what draws with it). */
    static final Set<String> RENDERING_BUNDLES = Set.of("org.salesbench.analytics.output", "org.salesbench.documents");
    /**
     * Bundles other than tests (names ending in .tests) that may be friends of internal packages: the benchmarks, and the
     * demo, which makes made-up history that no public API should allow (a scorecard published before its period).
     */
    static final Set<String> FRIENDS_ALLOWED = Set.of("org.salesbench.benchmarks", "org.salesbench.demo");

    private static final Pattern UI_BUNDLE = Pattern.compile("org\\.eclipse\\.(?:swt|jface|ui|e4\\.ui)(?:\\..*)?");
    private static final Pattern AWT_PACKAGE = Pattern.compile("(?:java\\.awt|javax\\.swing|javax\\.imageio|org\\.jfree)(?:\\..*)?");
    private static final Pattern UI_REFERENCE = Pattern.compile(
            "\\b(org\\.eclipse\\.(?:swt|jface|ui|e4\\.ui)|java\\.awt|javax\\.swing|javax\\.imageio|org\\.jfree)(?:\\.\\w+)*");
    private static final Pattern SALESBENCH_NAME = Pattern.compile("\\borg\\.salesbench(?:\\.\\w+)+");
    private static final Pattern POINT = Pattern.compile("\\bpoint=\"([^\"]+)\"");
    private static final Pattern SQL_WRITE = Pattern.compile(
            "(?i)\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE(?:\\s+TABLE)?)\\s+(SB_\\w+)");
    private static final Pattern JPQL_WRITE = Pattern.compile("\\b(UPDATE|DELETE\\s+FROM)\\s+([A-Z][A-Za-z0-9]*)\\b");
    private static final Pattern LIQUIBASE_WRITE = Pattern.compile("<(?:\\w+:)?(insert|update|delete|loadData|loadUpdateData)\\s[^>]*\\btableName=\"(\\w+)\"");
    /** A string literal ending where the next begins after a {@code +}: joined, so "DELETE FROM " + "SB_X" reads as one. */
    private static final Pattern CONCATENATION = Pattern.compile("\"\\s*\\+\\s*\"");

    private final SourceTree tree;
    private final List<Violation> violations = new ArrayList<>();

    private ArchitectureRules(SourceTree tree) {
        this.tree = tree;
    }

    static List<Violation> check(SourceTree tree) {
        ArchitectureRules rules = new ArchitectureRules(tree);
        for (Bundle bundle : tree.bundles.values()) {
            rules.noUiInModel(bundle);
            rules.noForeignInternals(bundle);
            rules.onlyTestFriends(bundle);
            rules.writesOnlyOwnTables(bundle);
            rules.noUnusedDependencies(bundle);
            rules.enginesKnowNoModule(bundle);
        }
        rules.noCycles();
        rules.everyExtensionPointHasAContributor();
        return List.copyOf(rules.violations);
    }

    private void report(Rule rule, Bundle bundle, String key, Path file, int line) {
        violations.add(new Violation(rule, bundle.name, rule + ": " + key, bundle.relative(file), line));
    }

    // ---- model bundles import no UI

    static boolean isModelBundle(Bundle bundle) {
        String name = bundle.name;
        return name.startsWith("org.salesbench.") && !name.endsWith(".ui") && !name.equals("org.salesbench.ui")
                && !name.startsWith("org.salesbench.nl.") && !bundle.isFragment();
    }

    private boolean forbiddenInModel(Bundle bundle, String name) {
        return UI_BUNDLE.matcher(name).matches()
                || AWT_PACKAGE.matcher(name).matches() && !RENDERING_BUNDLES.contains(bundle.name);
    }

    private void noUiInModel(Bundle bundle) {
        if (!isModelBundle(bundle)) {
            return;
        }
        for (Clause require : bundle.requires) {
            if (UI_BUNDLE.matcher(require.name()).matches()) {
                report(Rule.UI_IN_MODEL, bundle, bundle.name + " requires UI bundle " + require.name(), bundle.manifestFile, require.line());
            }
        }
        for (Clause imported : bundle.imports) {
            if (forbiddenInModel(bundle, imported.name())) {
                Matcher family = UI_REFERENCE.matcher(imported.name());
                family.lookingAt();
                report(Rule.UI_IN_MODEL, bundle, bundle.name + " imports packages of " + family.group(1), bundle.manifestFile,
                        imported.line());
            }
        }
        for (JavaSource source : bundle.sources) {
            Set<String> seen = new HashSet<>();
            Matcher m = UI_REFERENCE.matcher(source.codeWithoutStrings());
            while (m.find()) {
                String family = m.group(1);
                if (forbiddenInModel(bundle, m.group()) && seen.add(family)) {
                    report(Rule.UI_IN_MODEL, bundle, bundle.name + " uses " + family + " in " + source.javaPackage(), source.file(),
                            SourceTree.lineOf(source.code(), m.start()));
                }
            }
        }
    }

    // ---- no bundle uses another bundle's internal packages

    /** The longest prefix of a dotted name that is a package of some bundle in the tree, or {@code null}. */
    private String knownPackage(String dottedName) {
        String candidate = dottedName;
        while (true) {
            if (tree.ownerOfPackage(candidate) != null) {
                return candidate;
            }
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            candidate = candidate.substring(0, dot);
        }
    }

    private static boolean isInternal(String javaPackage) {
        return javaPackage.equals("internal") || javaPackage.contains(".internal.") || javaPackage.endsWith(".internal");
    }

    private void noForeignInternals(Bundle bundle) {
        for (JavaSource source : bundle.sources) {
            foreignInternals(bundle, source.file(), source.codeWithoutStrings(), source.code());
        }
        if (!bundle.pluginXmlText.isEmpty()) {
            foreignInternals(bundle, bundle.pluginXml, bundle.pluginXmlText, bundle.pluginXmlText);
        }
    }

    private void foreignInternals(Bundle bundle, Path file, String searched, String forLines) {
        Set<String> seen = new HashSet<>();
        Matcher m = SALESBENCH_NAME.matcher(searched);
        while (m.find()) {
            String javaPackage = knownPackage(m.group());
            if (javaPackage == null || !isInternal(javaPackage) || !seen.add(javaPackage)) {
                continue;
            }
            Bundle owner = tree.ownerOfPackage(javaPackage);
            if (owner != bundle) {
                report(Rule.INTERNAL_PACKAGE, bundle, bundle.name + " uses internal package " + javaPackage + " of " + owner.name,
                        file, SourceTree.lineOf(forLines, m.start()));
            }
        }
    }

    // ---- x-friends only for tests and the benchmarks

    private void onlyTestFriends(Bundle bundle) {
        for (Clause export : bundle.exports) {
            String friends = export.parameter("x-friends");
            if (friends == null) {
                continue;
            }
            for (String friend : friends.split(",")) {
                friend = friend.trim();
                if (!friend.isEmpty() && !friend.endsWith(".tests") && !FRIENDS_ALLOWED.contains(friend)) {
                    report(Rule.PRODUCTION_FRIEND, bundle, bundle.name + " exports " + export.name() + " to production bundle " + friend,
                            bundle.manifestFile, export.line());
                }
            }
        }
    }

    // ---- a bundle writes only its own tables

    private Map<String, Bundle> tableOwners() {
        Map<String, Bundle> owners = new HashMap<>();
        for (Bundle bundle : tree.bundles.values()) {
            for (String table : bundle.ownedTables) {
                owners.putIfAbsent(table, bundle);
            }
        }
        return owners;
    }

    private void writesOnlyOwnTables(Bundle bundle) {
        Map<String, Bundle> owners = tableOwners();
        Map<String, Bundle> entityOwners = new HashMap<>();
        Map<String, String> entityTables = new HashMap<>();
        for (Bundle other : tree.bundles.values()) {
            other.entityTables.forEach((entity, table) -> {
                entityOwners.putIfAbsent(entity, other);
                entityTables.putIfAbsent(entity, table);
            });
        }
        for (JavaSource source : bundle.sources) {
            String sql = joinConcatenations(source.code());
            Matcher m = SQL_WRITE.matcher(sql);
            while (m.find()) {
                foreignWrite(bundle, m.group(2).toUpperCase(), owners.get(m.group(2).toUpperCase()), source.file(),
                        SourceTree.lineOf(sql, m.start()));
            }
            Matcher jpql = JPQL_WRITE.matcher(sql);
            while (jpql.find()) {
                Bundle owner = entityOwners.get(jpql.group(2));
                if (owner != null) {
                    foreignWrite(bundle, entityTables.get(jpql.group(2)), owner, source.file(), SourceTree.lineOf(sql, jpql.start()));
                }
            }
        }
        for (Resource resource : bundle.resources) {
            String name = resource.file().getFileName().toString();
            if (!name.endsWith(".sql") && !name.endsWith(".xml")) {
                continue;
            }
            for (Pattern pattern : List.of(SQL_WRITE, LIQUIBASE_WRITE)) {
                Matcher m = pattern.matcher(resource.text());
                while (m.find()) {
                    String table = m.group(2).toUpperCase();
                    if (table.startsWith("SB_")) {
                        foreignWrite(bundle, table, owners.get(table), resource.file(), SourceTree.lineOf(resource.text(), m.start()));
                    }
                }
            }
        }
    }

    private void foreignWrite(Bundle bundle, String table, Bundle owner, Path file, int line) {
        if (owner != bundle) {
            report(Rule.FOREIGN_TABLE_WRITE, bundle,
                    bundle.name + " writes " + table + " (owned by " + (owner == null ? "no bundle" : owner.name) + ")", file, line);
        }
    }

    private static String joinConcatenations(String code) {
        StringBuilder out = new StringBuilder(code);
        Matcher m = CONCATENATION.matcher(code);
        while (m.find()) {
            for (int k = m.start(); k < m.end(); k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
        }
        return out.toString();
    }

    // ---- every org.salesbench dependency is used

    /** The bundles and packages of the tree this bundle's files refer to: sources, plugin.xml and resources. */
    private Set<String> referencedPackages(Bundle bundle) {
        Set<String> packages = new HashSet<>();
        List<String> texts = new ArrayList<>();
        bundle.sources.forEach(source -> texts.add(source.code()));
        texts.add(bundle.pluginXmlText);
        bundle.resources.forEach(resource -> texts.add(resource.text()));
        for (String text : texts) {
            Matcher m = SALESBENCH_NAME.matcher(text);
            while (m.find()) {
                String javaPackage = knownPackage(m.group());
                if (javaPackage != null) {
                    packages.add(javaPackage);
                }
            }
        }
        return packages;
    }

    private Set<Bundle> referencedExtensionPointOwners(Bundle bundle) {
        Set<Bundle> owners = new HashSet<>();
        Matcher m = POINT.matcher(bundle.pluginXmlText);
        while (m.find()) {
            Bundle owner = tree.ownerOfExtensionPoint(m.group(1));
            if (owner != null) {
                owners.add(owner);
            }
        }
        return owners;
    }

    private void noUnusedDependencies(Bundle bundle) {
        if (!bundle.name.startsWith("org.salesbench.") || bundle.isFragment()) {
            return;
        }
        Set<String> packages = referencedPackages(bundle);
        Set<Bundle> usedBundles = referencedExtensionPointOwners(bundle);
        for (String javaPackage : packages) {
            usedBundles.add(tree.ownerOfPackage(javaPackage));
        }
        for (Clause require : bundle.requires) {
            Bundle required = tree.bundles.get(require.name());
            if (required != null && !usedBundles.contains(required)) {
                report(Rule.UNUSED_DEPENDENCY, bundle, bundle.name + " requires " + required.name
                        + " but uses none of its packages or extension points", bundle.manifestFile, require.line());
            }
        }
        for (Clause imported : bundle.imports) {
            if (imported.name().startsWith("org.salesbench.") && !packages.contains(imported.name())) {
                report(Rule.UNUSED_DEPENDENCY, bundle, bundle.name + " imports package " + imported.name() + " but never uses it",
                        bundle.manifestFile, imported.line());
            }
        }
    }

    // ---- engines know no module

    static boolean isModuleBundle(String name) {
        for (String module : MODULES) {
            String bundle = "org.salesbench." + module;
            if (name.equals(bundle) || name.startsWith(bundle + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Every bundle of the tree this one depends on (Require-Bundle, and Import-Package resolved to the exporter), with the clause. */
    private Map<Bundle, Clause> dependencies(Bundle bundle) {
        Map<Bundle, Clause> result = new LinkedHashMap<>();
        for (Clause require : bundle.requires) {
            Bundle required = tree.bundles.get(require.name());
            if (required != null) {
                result.putIfAbsent(required, require);
            }
        }
        for (Clause imported : bundle.imports) {
            for (Bundle exporter : tree.bundles.values()) {
                if (exporter != bundle && exporter.exports.stream().anyMatch(export -> export.name().equals(imported.name()))) {
                    result.putIfAbsent(exporter, imported);
                }
            }
        }
        return result;
    }

    private void enginesKnowNoModule(Bundle bundle) {
        if (!ENGINES.contains(bundle.name)) {
            return;
        }
        dependencies(bundle).forEach((dependency, clause) -> {
            if (isModuleBundle(dependency.name)) {
                report(Rule.ENGINE_KNOWS_MODULE, bundle, "engine " + bundle.name + " depends on module bundle " + dependency.name,
                        bundle.manifestFile, clause.line());
            }
        });
    }

    // ---- every extension point has a production contributor (or is removed)

    private void everyExtensionPointHasAContributor() {
        Set<String> contributed = new HashSet<>();
        for (Bundle bundle : tree.bundles.values()) {
            Matcher m = POINT.matcher(bundle.pluginXmlText);
            while (m.find()) {
                contributed.add(m.group(1));
            }
        }
        for (Bundle bundle : tree.bundles.values()) {
            Matcher m = SourceTree.EXTENSION_POINT_DECLARATION.matcher(bundle.pluginXmlText);
            while (m.find()) {
                String id = bundle.extensionPointId(m.group(1));
                if (!contributed.contains(id)) {
                    report(Rule.EXTENSION_POINT_WITHOUT_CONTRIBUTOR, bundle, "extension point " + id + " has no production contributor",
                            bundle.pluginXml, SourceTree.lineOf(bundle.pluginXmlText, m.start()));
                }
            }
        }
    }

    // ---- no cycles (Tarjan's strongly connected components)

    private void noCycles() {
        Map<Bundle, Map<Bundle, Clause>> graph = new LinkedHashMap<>();
        tree.bundles.values().forEach(bundle -> graph.put(bundle, dependencies(bundle)));
        Map<Bundle, Integer> index = new HashMap<>();
        Map<Bundle, Integer> low = new HashMap<>();
        Deque<Bundle> stack = new ArrayDeque<>();
        Set<Bundle> onStack = new HashSet<>();
        int[] counter = {0};
        for (Bundle bundle : graph.keySet()) {
            if (!index.containsKey(bundle)) {
                strongConnect(bundle, graph, index, low, stack, onStack, counter);
            }
        }
    }

    private void strongConnect(Bundle bundle, Map<Bundle, Map<Bundle, Clause>> graph, Map<Bundle, Integer> index,
            Map<Bundle, Integer> low, Deque<Bundle> stack, Set<Bundle> onStack, int[] counter) {
        index.put(bundle, counter[0]);
        low.put(bundle, counter[0]);
        counter[0]++;
        stack.push(bundle);
        onStack.add(bundle);
        for (Bundle next : graph.get(bundle).keySet()) {
            if (!index.containsKey(next)) {
                strongConnect(next, graph, index, low, stack, onStack, counter);
                low.put(bundle, Math.min(low.get(bundle), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(bundle, Math.min(low.get(bundle), index.get(next)));
            }
        }
        if (low.get(bundle).equals(index.get(bundle))) {
            Set<Bundle> component = new LinkedHashSet<>();
            Bundle member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (member != bundle);
            if (component.size() > 1) {
                Set<String> names = new TreeSet<>();
                component.forEach(b -> names.add(b.name));
                String key = "cycle among " + String.join(", ", names);
                component.stream().sorted(Comparator.comparing(b -> b.name)).forEach(from -> graph.get(from).forEach((to, clause) -> {
                    if (component.contains(to)) {
                        report(Rule.CYCLE, from, key, from.manifestFile, clause.line());
                    }
                }));
            }
        }
    }
}
