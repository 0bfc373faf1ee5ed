package dev.ecoscan.bootstrap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A process's CPU time so far (user and system, all threads) and, where the OS tells (Linux's
 * {@code /proc}), the part its JIT compiler threads used: at a few scans a second the JIT is still
 * compiling minutes after start, and a report that shows how much of a scan's CPU that is tells a
 * warm-up cost from a per-scan one.
 *
 * @param total    all the process's CPU time
 * @param compiler the CPU time of the compiler threads alive when read, if known
 */
public record ProcessCpu(Duration total, Optional<Duration> compiler) {

    static final ProcessCpu NONE = new ProcessCpu(Duration.ZERO, Optional.of(Duration.ZERO));

    /** Linux reports thread times in USER_HZ ticks, which is 100 a second on every architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** The CPU used between {@code earlier} and this reading. */
    ProcessCpu minus(ProcessCpu earlier) {
        return new ProcessCpu(
                total.minus(earlier.total),
                // HotSpot stops idle compiler threads (and their time goes with them), so a
                // difference that came out negative is unknown rather than zero.
                compiler.flatMap(now -> earlier.compiler.map(now::minus)).filter(d -> !d.isNegative()));
    }

    /** The CPU time of process {@code pid}'s threads named C1/C2 CompilerThread, from /proc. */
    static Optional<Duration> compilerThreads(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                ticks += compilerTicks(thread);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(ticks * NANOS_PER_TICK));
    }

    private static long compilerTicks(Path thread) {
        try {
            // HotSpot names them "C1 CompilerThread0", "C2 CompilerThread1" (cut to 15 characters).
            if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                return 0;
            }
            // The name field may hold spaces and parentheses; the fields after its last ')' are fixed:
            // state is the 3rd field of the line, utime the 14th and stime the 15th.
            String stat = Files.readString(thread.resolve("stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(after[11]) + Long.parseLong(after[12]);
        } catch (IOException | RuntimeException e) {
            // The thread ended between the listing and the read: it adds nothing.
            return 0;
        }
    }
}
