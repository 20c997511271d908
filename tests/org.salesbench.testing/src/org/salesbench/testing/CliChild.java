package org.salesbench.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command that starts {@code salesbench cli} in a JVM and OSGi framework of its own, with the bundles of the
 * running test (or benchmark) runtime: its configuration, copied without the test application, into a folder of the
 * caller's. The crash harness kills such children; the move-in benchmark times them from start to exit.
 */
public final class CliChild {

    private CliChild() {
    }

    /**
     * @param dir the caller's folder: the child's configuration, workspace and {@code derby.log} go there
     * @param databaseUrl the JDBC URL the child opens
     * @param jvmOptions more options of the child's JVM (after the defaults, so they win)
     * @param arguments the command and its arguments, e.g. {@code import customers file.csv}
     */
    public static List<String> command(Path dir, String databaseUrl, List<String> jvmOptions, List<String> arguments) throws IOException {
        Path configuration = dir.resolve("configuration");
        if (!Files.exists(configuration.resolve("config.ini"))) {
            Path ours = Path.of(URI.create(System.getProperty("osgi.configuration.area")));
            String ini = Files.readAllLines(ours.resolve("config.ini"), StandardCharsets.ISO_8859_1).stream()
                    .filter(l -> !l.startsWith("eclipse.application") && !l.startsWith("eclipse.product") && !l.startsWith("eclipse.ignoreApp")
                            && !l.startsWith("osgi.noShutdown") && !l.startsWith("osgi.instance.area") && !l.startsWith("osgi.configuration.area"))
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.createDirectories(configuration);
            Files.writeString(configuration.resolve("config.ini"), ini, StandardCharsets.ISO_8859_1);
        }
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-Djava.awt.headless=true", "-Dlog4j2.statusLoggerLevel=OFF",
                "-Dosgi.noShutdown=false", "-Declipse.application=org.salesbench.cli.application", "-Dsalesbench.db.url=" + databaseUrl,
                "-Dderby.stream.error.file=" + dir.resolve("derby.log")));
        // a new database is made as in the calling JVM, from the build's migrated template (DerbyTemplates) where it has
        // one, rather than by every change set: the harness is about what a kill leaves, migrations are the persistence tests' concern
        for (String property : List.of("salesbench.derby.templates", "salesbench.derby.templates.folder")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                command.add("-D" + property + "=" + value);
            }
        }
        // the children share one class data archive, made as the first finished child exits (a killed one never writes
        // it), as the product's own starts do (.mvn/jvm-options.sh): each later child starts with its classes parsed
        command.addAll(List.of("-XX:SharedArchiveFile=" + dir.resolve("children.jsa"), "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off"));
        command.addAll(jvmOptions);
        // the module options this JVM was started with (Tycho's argLine), never its agents or debugger
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("--enable-native-access")).forEach(command::add);
        command.addAll(List.of("-cp", classPath,
                classPath.contains("org.eclipse.equinox.launcher") ? "org.eclipse.equinox.launcher.Main" : "org.eclipse.core.runtime.adaptor.EclipseStarter"));
        String install = System.getProperty("osgi.install.area");
        if (install != null) {
            command.addAll(List.of("-install", install));
        }
        command.addAll(List.of("-configuration", configuration.toUri().toString(), "-data", dir.resolve("workspace").toString()));
        String dev = System.getProperty("osgi.dev");
        if (dev != null && !dev.isBlank()) {
            command.addAll(List.of("-dev", dev));
        }
        command.addAll(List.of("-application", "org.salesbench.cli.application"));
        command.addAll(arguments);
        return command;
    }

    /**
     * This JVM's JIT compiler and garbage collector flags, for a child that is to run as the calling test JVM does: the
     * test JVMs' {@code salesbench.test.jvm} (C1 only and the serial collector, which cost a short-lived JVM on two cores
     * less CPU than C2's compile threads and G1's workers). Empty where this JVM runs with the defaults.
     */
    public static List<String> compilerAndCollectorFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:TieredStopAtLevel=") || a.equals("-XX:-TieredCompilation") || a.startsWith("-XX:CICompilerCount=")
                        || a.matches("-XX:\\+Use\\w+GC"))
                .toList();
    }

    /**
     * User and system CPU seconds of this JVM's children that have ended and been waited for (Linux's /proc; -1 elsewhere):
     * around a child run alone (and waited for), the difference is its own CPU time, start-up, work and shutdown.
     */
    public static double endedChildrenCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The load average over 1, 5 and 15 minutes (Linux's /proc; "-" elsewhere), to print beside a child's times. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }
}
