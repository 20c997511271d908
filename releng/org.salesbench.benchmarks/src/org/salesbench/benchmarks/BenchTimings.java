package org.salesbench.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/** Timing of the queries the opportunity and analytics benchmarks measure, printed as wall-clock and CPU percentiles. */
final class BenchTimings {

    private BenchTimings() {
    }

    /** Wall-clock samples, then CPU samples of this thread (embedded Derby runs the query in the caller's thread). */
    static double[][] repeat(int times, Supplier<?> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] samples = new double[2][times];
        for (int i = 0; i < times; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.get();
            samples[0][i] = (System.nanoTime() - start) / 1e6;
            samples[1][i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        }
        return samples;
    }

    /**
     * Prints wall-clock and CPU percentiles: on a shared, loaded machine the wall clock mostly measures
     * waiting for a core, the CPU time what the query costs.
     */
    static void report(String what, double[][] samples) {
        double[] wall = samples[0].clone();
        double[] cpu = samples[1].clone();
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("BENCH %s: wall p50 %.1f ms, p90 %.1f ms, p95 %.1f ms, max %.1f ms; cpu p50 %.1f ms, p95 %.1f ms (%d samples)%n", what,
                wall[(wall.length - 1) / 2], wall[(int) Math.ceil(0.90 * wall.length) - 1], wall[(int) Math.ceil(0.95 * wall.length) - 1],
                wall[wall.length - 1], cpu[(cpu.length - 1) / 2],
                cpu[(int) Math.ceil(0.95 * cpu.length) - 1], wall.length);
    }

    /** The median of samples (the lower middle one of an even number), as {@link #report} prints it as p50. */
    static double p50(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    /** The machine's load average (Linux), printed beside the figures: these machines are shared. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
