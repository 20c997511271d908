package org.salesbench.architecture.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's source tree, which the rules read (the built bundles do not hold the Java sources). */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /**
     * The root the build names in {@code salesbench.repository.root}, else the nearest directory above the working
     * directory that holds {@code bundles/} and {@code tests/pom.xml}.
     */
    static Path find() {
        String configured = System.getProperty("salesbench.repository.root");
        if (configured != null && isRoot(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (bundles/ and tests/pom.xml) above " + Path.of("").toAbsolutePath()
                + "; set -Dsalesbench.repository.root");
    }

    /** A fixture tree of the tests of the test: {@code fixtures/<name>} in this test bundle's source folder. */
    static Path fixture(String name) {
        Path fixture = find().resolve("tests/org.salesbench.architecture.tests/fixtures").resolve(name);
        if (!Files.isDirectory(fixture.resolve("bundles"))) {
            throw new IllegalStateException("No fixture tree " + fixture);
        }
        return fixture;
    }

    private static boolean isRoot(Path dir) {
        return Files.isDirectory(dir.resolve("bundles")) && Files.isRegularFile(dir.resolve("tests/pom.xml"));
    }
}
