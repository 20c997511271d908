package org.salesbench.architecture.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bundles of a source tree ({@code <root>/bundles/*}) as the architecture rules see them: manifest headers
 * with their line numbers, plugin.xml, Java sources without comments, text resources, the tables each bundle
 * creates in its Liquibase changelogs or maps with JPA. Read from the files only, so the rules run on the
 * repository and on the small fixture trees of the tests of the test alike.
 */
final class SourceTree {

    static final Pattern EXTENSION_POINT_DECLARATION = Pattern.compile("<extension-point\\s[^>]*\\bid=\"([^\"]+)\"");

    final Path root;
    final Map<String, Bundle> bundles = new TreeMap<>();

    private SourceTree(Path root) {
        this.root = root;
    }

    static SourceTree read(Path root) {
        SourceTree tree = new SourceTree(root);
        Path bundlesDir = root.resolve("bundles");
        try (Stream<Path> dirs = Files.list(bundlesDir)) {
            for (Path dir : dirs.sorted().toList()) {
                if (Files.isRegularFile(dir.resolve("META-INF/MANIFEST.MF"))) {
                    Bundle bundle = new Bundle(tree, dir);
                    tree.bundles.put(bundle.name, bundle);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    /** The bundle whose sources hold {@code javaPackage}, or else the one exporting it, or {@code null}. */
    Bundle ownerOfPackage(String javaPackage) {
        for (Bundle bundle : bundles.values()) {
            if (bundle.packages.contains(javaPackage)) {
                return bundle;
            }
        }
        for (Bundle bundle : bundles.values()) {
            for (Clause export : bundle.exports) {
                if (export.name.equals(javaPackage)) {
                    return bundle;
                }
            }
        }
        return null;
    }

    /** The bundle that declares extension point {@code pointId}, or {@code null}. */
    Bundle ownerOfExtensionPoint(String pointId) {
        for (Bundle bundle : bundles.values()) {
            if (bundle.extensionPoints.contains(pointId)) {
                return bundle;
            }
        }
        return null;
    }

    static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** One clause of a manifest header, e.g. {@code org.salesbench.core;bundle-version="[0.1.0,1.0.0)"}. */
    record Clause(String name, String parameters, int line) {

        /** The value of a directive or attribute ({@code x-friends:=}, {@code version=}), unquoted, or {@code null}. */
        String parameter(String key) {
            Matcher m = Pattern.compile("(?:^|;)\\s*" + Pattern.quote(key) + "\\s*:?=\\s*(\"[^\"]*\"|[^;]*)").matcher(parameters);
            if (!m.find()) {
                return null;
            }
            String value = m.group(1).trim();
            return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
        }
    }

    /** A Java source file: its text without comments (strings kept, line breaks kept) and its package. */
    record JavaSource(Path file, String code, String codeWithoutStrings, String javaPackage) {
    }

    /** A text file of the bundle other than Java, the manifest and the build files: plugin.xml, changelogs, properties, SQL. */
    record Resource(Path file, String text) {
    }

    static final class Bundle {
        final SourceTree tree;
        final Path dir;
        final String name;
        final Path manifestFile;
        final List<Clause> requires;
        final List<Clause> imports;
        final List<Clause> exports;
        final String fragmentHost;
        final List<JavaSource> sources = new ArrayList<>();
        final List<Resource> resources = new ArrayList<>();
        final Set<String> packages = new LinkedHashSet<>();
        final Set<String> extensionPoints = new LinkedHashSet<>();
        /** Tables this bundle creates in its changelogs or maps with its JPA entities. */
        final Set<String> ownedTables = new LinkedHashSet<>();
        /** Simple names of the JPA entities declared here, to their table (or the entity name when unknown). */
        final Map<String, String> entityTables = new LinkedHashMap<>();
        final Path pluginXml;
        final String pluginXmlText;

        Bundle(SourceTree tree, Path dir) {
            this.tree = tree;
            this.dir = dir;
            this.manifestFile = dir.resolve("META-INF/MANIFEST.MF");
            Map<String, List<Clause>> headers = parseManifest(readString(manifestFile));
            List<Clause> symbolicName = headers.getOrDefault("Bundle-SymbolicName", List.of());
            this.name = symbolicName.isEmpty() ? dir.getFileName().toString() : symbolicName.get(0).name();
            this.requires = headers.getOrDefault("Require-Bundle", List.of());
            this.imports = headers.getOrDefault("Import-Package", List.of());
            this.exports = headers.getOrDefault("Export-Package", List.of());
            List<Clause> host = headers.getOrDefault("Fragment-Host", List.of());
            this.fragmentHost = host.isEmpty() ? null : host.get(0).name();
            this.pluginXml = dir.resolve("plugin.xml");
            this.pluginXmlText = Files.isRegularFile(pluginXml) ? readString(pluginXml) : "";
            readFiles();
            readExtensionPoints();
            readOwnedTables();
        }

        Path relative(Path file) {
            return tree.root.relativize(file);
        }

        private void readFiles() {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    Path inBundle = dir.relativize(file);
                    String first = inBundle.getName(0).toString();
                    // build output and generated files are not the bundle's sources
                    if (first.equals("target") || first.equals("bin") || first.equals("lib") || first.startsWith(".")) {
                        continue;
                    }
                    String fileName = file.getFileName().toString();
                    if (fileName.endsWith(".java")) {
                        String code = withoutComments(readString(file));
                        String javaPackage = packageOf(code);
                        sources.add(new JavaSource(file, code, withoutStrings(code), javaPackage));
                        packages.add(javaPackage);
                    } else if (isTextResource(fileName) && !file.equals(manifestFile)) {
                        resources.add(new Resource(file, readString(file)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static boolean isTextResource(String fileName) {
            return fileName.endsWith(".xml") || fileName.endsWith(".exsd") || fileName.endsWith(".properties")
                    || fileName.endsWith(".sql") || fileName.endsWith(".e4xmi") || fileName.endsWith(".product");
        }

        private void readExtensionPoints() {
            Matcher m = EXTENSION_POINT_DECLARATION.matcher(pluginXmlText);
            while (m.find()) {
                extensionPoints.add(extensionPointId(m.group(1)));
            }
        }

        /** The changelogs this bundle contributes to {@code org.salesbench.persistence.entities}. */
        List<Path> changelogs() {
            List<Path> result = new ArrayList<>();
            Matcher extension = Pattern.compile("<extension\\s[^>]*point=\"org\\.salesbench\\.persistence\\.entities\"[^>]*>(.*?)</extension>",
                    Pattern.DOTALL).matcher(pluginXmlText);
            while (extension.find()) {
                Matcher changelog = Pattern.compile("<changelog\\s[^>]*path=\"([^\"]+)\"").matcher(extension.group(1));
                while (changelog.find()) {
                    result.add(dir.resolve(changelog.group(1)));
                }
            }
            return result;
        }

        private void readOwnedTables() {
            Pattern created = Pattern.compile("(?:createTable|createView)\\s[^>]*\\b(?:tableName|viewName)=\"(\\w+)\""
                    + "|(?i:CREATE\\s+(?:TABLE|VIEW))\\s+(\\w+)");
            for (Path changelog : changelogs()) {
                if (!Files.isRegularFile(changelog)) {
                    continue;
                }
                Matcher m = created.matcher(readString(changelog));
                while (m.find()) {
                    ownedTables.add((m.group(1) != null ? m.group(1) : m.group(2)).toUpperCase());
                }
            }
            Pattern mapped = Pattern.compile("@(?:Table|CollectionTable|JoinTable)\\s*\\(\\s*name\\s*=\\s*\"(\\w+)\"");
            Pattern entity = Pattern.compile("@Entity\\b(?:\\s*\\(\\s*name\\s*=\\s*\"(\\w+)\"\\s*\\))?[^{]*?\\bclass\\s+(\\w+)", Pattern.DOTALL);
            for (JavaSource source : sources) {
                Matcher m = mapped.matcher(source.code());
                String firstTable = null;
                while (m.find()) {
                    String table = m.group(1).toUpperCase();
                    ownedTables.add(table);
                    if (firstTable == null) {
                        firstTable = table;
                    }
                }
                Matcher e = entity.matcher(source.code());
                if (e.find()) {
                    String entityName = e.group(1) != null ? e.group(1) : e.group(2);
                    entityTables.put(entityName, firstTable != null ? firstTable : entityName);
                }
            }
        }

        /** The full id of an extension point this bundle declares with {@code id}. */
        String extensionPointId(String id) {
            return id.contains(".") ? id : name + "." + id;
        }

        boolean isFragment() {
            return fragmentHost != null;
        }
    }

    // ---- manifest

    /** Header name to its clauses; continuation lines joined, each clause with the line it starts on. */
    static Map<String, List<Clause>> parseManifest(String text) {
        Map<String, List<Clause>> headers = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        StringBuilder value = new StringBuilder();
        List<Integer> lineOfChar = new ArrayList<>();
        String header = null;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            if (i < lines.length && line.startsWith(" ") && header != null) {
                append(value, lineOfChar, line.substring(1), i + 1);
                continue;
            }
            if (header != null) {
                headers.put(header, splitClauses(value.toString(), lineOfChar));
                header = null;
            }
            int colon = line.indexOf(':');
            if (i < lines.length && colon > 0) {
                header = line.substring(0, colon).trim();
                value.setLength(0);
                lineOfChar.clear();
                append(value, lineOfChar, line.substring(colon + 1), i + 1);
            }
        }
        return headers;
    }

    private static void append(StringBuilder value, List<Integer> lineOfChar, String part, int line) {
        value.append(part);
        for (int k = 0; k < part.length(); k++) {
            lineOfChar.add(line);
        }
    }

    private static List<Clause> splitClauses(String value, List<Integer> lineOfChar) {
        List<Clause> clauses = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : ',';
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                String clause = value.substring(start, i);
                int lead = 0;
                while (lead < clause.length() && Character.isWhitespace(clause.charAt(lead))) {
                    lead++;
                }
                if (!clause.isBlank()) {
                    int semicolon = clause.indexOf(';');
                    String name = (semicolon < 0 ? clause : clause.substring(0, semicolon)).trim();
                    String parameters = semicolon < 0 ? "" : clause.substring(semicolon + 1);
                    clauses.add(new Clause(name, parameters, lineOfChar.get(Math.min(start + lead, lineOfChar.size() - 1))));
                }
                start = i + 1;
            }
        }
        return clauses;
    }

    // ---- Java text

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private static String packageOf(String code) {
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? m.group(1) : "";
    }

    /** The source with comments blanked out (line breaks kept, so offsets and lines stay), strings and text blocks kept. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i, c);
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(out, i, end);
                i = end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(out, i, end);
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** Comment-free code with the contents of string literals and text blocks blanked out too. */
    static String withoutStrings(String code) {
        StringBuilder out = new StringBuilder(code);
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                blank(out, i + 3, end);
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                int end = endOfLiteral(code, i, c);
                blank(out, i + 1, Math.max(i + 1, end - 1));
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static int endOfLiteral(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int k = from; k < to && k < out.length(); k++) {
            if (out.charAt(k) != '\n') {
                out.setCharAt(k, ' ');
            }
        }
    }
}
