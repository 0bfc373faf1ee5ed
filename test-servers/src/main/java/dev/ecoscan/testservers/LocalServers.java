package dev.ecoscan.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** What the tests' throwaway servers share: the rule for a missing server, a port, cleaning up. */
public final class LocalServers {

    private LocalServers() {}

    /**
     * Ends the calling test because {@code what} is not installed. With {@code CI=true} that is a
     * broken CI image, so the test fails rather than pass as skipped; elsewhere it is skipped with
     * the command that installs the server. Never returns normally.
     */
    public static AssertionError missing(String what, String debianPackage) {
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(what + " is missing: .ci/run must install it (apt-get install -y " + debianPackage
                    + ") before running the tests");
        }
        Assumptions.abort(what + " is missing, so this test is skipped. To run it: apt-get install -y " + debianPackage
                + " (as root), then run the tests again; the test starts and stops its own server");
        throw new AssertionError("unreachable: Assumptions.abort always throws");
    }

    /**
     * A loopback port free right now. Another process could take it before the server binds it; on
     * a test machine that race is rare, and the fixture's readiness wait reports it with the server's log.
     */
    public static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Deletes a server's temporary folder and everything below it; a folder already gone is fine. */
    public static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + folder, e);
        }
    }
}
