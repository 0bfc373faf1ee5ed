package dev.ecoscan.adapter.redis;

import dev.ecoscan.testservers.LocalServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A throwaway Redis for tests: {@code /usr/bin/redis-server} as a child process on a free loopback
 * port, without persistence, in a temporary folder. Missing binary: skipped locally, a failure in CI.
 * Other modules' tests use it through this module's test jar.
 */
public final class RedisServer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final int port;
    private final Path folder;
    private final List<String> extraArguments;
    private Process process;

    private RedisServer(int port, Path folder, List<String> extraArguments) {
        this.port = port;
        this.folder = folder;
        this.extraArguments = extraArguments;
    }

    public static RedisServer start() {
        return start(List.of());
    }

    /** A server that wants {@code password} from every client ({@code requirepass}). */
    public static RedisServer startWithPassword(String password) {
        return start(List.of("--requirepass", password));
    }

    private static RedisServer start(List<String> extraArguments) {
        if (!Files.isExecutable(BINARY)) {
            throw LocalServers.missing(BINARY.toString(), "redis-server");
        }
        try {
            RedisServer server = new RedisServer(
                    LocalServers.freeLoopbackPort(), Files.createTempDirectory("eco-scan-redis"), extraArguments);
            server.launch();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start redis-server: " + e, e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server, as an outage would. */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts it again on the same port, empty. */
    public void restart() {
        stop();
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException("could not restart redis-server: " + e, e);
        }
    }

    private void launch() throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                BINARY.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no"));
        command.addAll(extraArguments);
        process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("redis.log").toFile())
                .start();
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited: " + Files.readString(folder.resolve("redis.log")));
            }
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for redis-server", e);
            }
        }
        stop();
        throw new IOException("redis-server did not answer PING within 10 s");
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, reply.length);
            String answer = new String(reply, 0, read, StandardCharsets.US_ASCII);
            // A server with requirepass answers NOAUTH, which shows it is up just as well.
            return answer.startsWith("+PONG") || answer.startsWith("-NOAUTH");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
        LocalServers.deleteRecursively(folder);
    }
}
