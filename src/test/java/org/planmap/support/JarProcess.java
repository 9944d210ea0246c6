package org.planmap.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app ({@code target/planmap-*.jar}, path in system property {@code planmap.jar}, set by Failsafe)
 * started as its own JVM, as an operator would start it: its output goes to a log file the test can read.
 */
public final class JarProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;

    private JarProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static Path jar() {
        String jar = System.getProperty("planmap.jar");
        if (jar == null) throw new IllegalStateException("system property planmap.jar is not set: run with mvn verify (Failsafe)");
        return Path.of(jar);
    }

    /** Starts {@code java <jvmArgs> -jar planmap.jar --server.port=<free> <appArgs>} in {@code dir}. */
    public static JarProcess start(Path dir, List<String> jvmArgs, List<String> appArgs, Path log) throws IOException {
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar().toAbsolutePath().toString());
        cmd.add("--server.port=" + port);
        cmd.addAll(appArgs);
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new JarProcess(p, log, port);
    }

    private static JarProcess shared;

    /**
     * The one packaged app the {@code *JarIntegrationTests} of a run share, as an operator starts it ({@code -Xmx512m
     * -XX:+ExitOnOutOfMemoryError}, an H2GIS file database under {@code target/jar-app/}, log
     * {@code target/jar-app/app.log}): started on first use, stopped when the test JVM exits. Starting it is most of
     * such a class's time (45 s on a loaded machine), so it is started once. Returned at once, not yet ready: the
     * caller may prepare meanwhile, then {@link #awaitReady}.
     */
    public static synchronized JarProcess shared() throws IOException {
        if (shared == null) {
            Path dir = Path.of("target", "jar-app").toAbsolutePath();
            Path db = dir.resolve("db");
            if (Files.exists(db)) {
                try (var files = Files.walk(db)) {
                    for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
                }
            }
            JarProcess app = start(Path.of("").toAbsolutePath(), List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"),
                    List.of("--spring.datasource.url=jdbc:h2:file:" + db + "/planmap"), dir.resolve("app.log"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    app.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-shared-jar"));
            shared = app;
        }
        return shared;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until {@code /actuator/health/readiness} answers 200, or fails with the log's tail. */
    public JarProcess awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) throw new AssertionError("the app exited with " + process.exitValue() + ":\n" + tail(60));
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return this;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the app was not ready within " + timeout + ":\n" + tail(60));
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
