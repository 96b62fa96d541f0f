package bitalloc.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bitalloc serve} in a child JVM, run from this test's own java and class path as {@code bitalloc.boot.Main}
 * with a private data directory (so its token file is the test's alone). Its output is kept for failure messages.
 */
final class ServeChild implements AutoCloseable {

    private static final Pattern API_URL = Pattern.compile("serves the live game at (http://\\S+)/api/v1");
    /** A JVM killed by a signal exits with 128 + the signal's number. */
    static final int KILLED_BY_SIGKILL = 128 + 9;

    private final String name;
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<URI> started = new CompletableFuture<>();

    private ServeChild(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::readOutput, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts serve on {@code port} (0: any free one) over the H2 file {@code database}. */
    static ServeChild start(String name, Path home, Path database, int port, List<String> options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A small quick JVM: the machine running the tests may have two cores for everything.
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", String.valueOf(port), "--remote-api-port", "0",
                "--db", "jdbc:h2:file:" + database));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BITALLOC_HOME", home.toString());
        builder.environment().remove("XDG_DATA_HOME");
        try {
            return new ServeChild(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append(System.lineSeparator());
                Matcher url = API_URL.matcher(line);
                if (url.find()) {
                    started.complete(URI.create(url.group(1)));
                }
            }
        } catch (IOException ended) {
            output.append("(output ended: ").append(ended.getMessage()).append(')');
        }
        started.completeExceptionally(new IllegalStateException(name + " ended before it served"));
    }

    /** The API's base URL (ending in /api/v1) once serve printed it. */
    URI awaitApi(Duration patience) {
        try {
            return URI.create(started.get(patience.toMillis(), TimeUnit.MILLISECONDS) + "/api/v1");
        } catch (TimeoutException | ExecutionException e) {
            throw new AssertionError(name + " did not start within " + patience + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** SIGKILL (kill -9) and the exit code it died with. */
    int killAbruptly() {
        process.destroyForcibly();
        return exitCode();
    }

    /** SIGTERM, the way a player stops it; the history is flushed. */
    int stop() {
        if (!process.isAlive()) {
            return process.exitValue();
        }
        process.destroy();
        return exitCode();
    }

    private int exitCode() {
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " did not end");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String output() {
        return "---- " + name + " said:" + System.lineSeparator() + output;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
