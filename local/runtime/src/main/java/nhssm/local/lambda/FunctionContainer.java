package nhssm.local.lambda;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;

import nhssm.local.bootstrap.LambdaBootstrap;
import nhssm.local.bootstrap.crac.Core;
import nhssm.local.template.FunctionDefinition;

/**
 * One execution environment of one function: a child JVM running {@link LambdaBootstrap} against
 * its own {@link LambdaRuntimeApi}, one invocation at a time, as a Lambda sandbox.
 *
 * <p>The JVM is {@code <java.home>/bin/java} with the Lambda Java runtime's flags
 * ({@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto}) and a
 * heap of 85% of the function's MemorySize. Its class path is the function's artifact (its
 * directory and {@code lib/*}, as {@code sam build} lays it out) followed by the bootstrap,
 * aws-lambda-java-serialization and joda-time, which play the runtime's part (the serialization
 * library's Jackson registers a Joda module, so the runtime provides joda-time): nothing else of this JVM's class
 * path, so a dependency missing from the artifact fails here as on AWS. Its working directory is
 * the artifact (Lambda's /var/task) and its environment is exactly {@link #environment}: a SnapStart function's
 * credentials come only from its {@link ContainerCredentials} endpoint, served beside its Runtime API. Amazon's
 * runtime interface client can play the runtime's part instead of the bootstrap ({@link ContainerRuntime}).
 *
 * <p>The child's stdout and stderr are copied line by line to {@code out} and {@code err},
 * prefixed {@code [LogicalId] }. An invocation is bounded by the function's Timeout from the moment
 * the runtime takes it (the handler's initialisation gets {@link #INIT_LIMIT} more, as Lambda's
 * init phase): past it the process is killed and the container is no longer usable.
 */
public final class FunctionContainer implements AutoCloseable {

    /** Lambda's limit on the init phase (JVM start and the handler's constructor). */
    public static final Duration INIT_LIMIT = Duration.ofSeconds(10);
    /**
     * Lambda's limit on a SnapStart function's init and beforeCheckpoint hooks, which run when a version is published,
     * before the snapshot, not at a cold start: only what follows the restore counts against {@link #INIT_LIMIT}.
     */
    public static final Duration SNAPSTART_INIT_LIMIT = Duration.ofMinutes(15);
    public static final String DEFAULT_REGION = "eu-west-2";
    /** The PATH Lambda's java21 runtime sets. */
    public static final String LAMBDA_PATH = "/usr/local/bin:/usr/bin/:/bin:/opt/bin";
    public static final String ACCOUNT_ID = "123456789012";

    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final FunctionDefinition function;
    private final LambdaRuntimeApi api;
    private final ContainerCredentials credentials;
    private final Process process;
    private final PrintStream err;
    private final List<Thread> pumps;
    private final AtomicBoolean usable = new AtomicBoolean(true);
    private final Instant started = Instant.now();

    private FunctionContainer(FunctionDefinition function, LambdaRuntimeApi api, ContainerCredentials credentials,
                              Process process, PrintStream out, PrintStream err) {
        this.function = function;
        this.api = api;
        this.credentials = credentials;
        this.process = process;
        this.err = err;
        String prefix = "[" + function.logicalId() + "] ";
        this.pumps = List.of(
                pump(process.getInputStream(), out, prefix, "out"),
                pump(process.getErrorStream(), err, prefix, "err"));
        process.onExit().thenAccept(p -> {
            usable.set(false);
            api.fail(new Invocation.Failed("Runtime.ExitError",
                    "Runtime exited with error: " + exitDescription(p.exitValue()), List.of()));
        });
    }

    /**
     * Starts a container: its Runtime API and its JVM. Returns at once; the handler initialises in
     * the background ({@link #awaitReady}), and the first invocation waits for it.
     *
     * @param artifactDir          the function's artifact: classes at the root, jars in lib/
     * @param environmentOverrides set after the function's own Environment (e.g. AWS_ENDPOINT_URL_DYNAMODB,
     *                             AWS_REGION); the variables Lambda reserves are set after them
     * @param out                  receives the function's stdout, line by line
     * @param err                  receives its stderr, and this container's own notices
     * @throws IOException              if the JVM cannot be started
     * @throws IllegalArgumentException if the function's runtime is not Java or its artifact is missing
     */
    public static FunctionContainer start(FunctionDefinition function, Path artifactDir,
                                          Map<String, String> environmentOverrides, PrintStream out, PrintStream err)
            throws IOException {
        return start(function, artifactDir, environmentOverrides, ContainerRuntime.BOOTSTRAP, out, err);
    }

    /** As {@link #start(FunctionDefinition, Path, Map, PrintStream, PrintStream)}, with the given runtime in the JVM. */
    public static FunctionContainer start(FunctionDefinition function, Path artifactDir,
                                          Map<String, String> environmentOverrides, ContainerRuntime runtime,
                                          PrintStream out, PrintStream err) throws IOException {
        if (function.runtime() == null || !function.runtime().toLowerCase(Locale.ROOT).startsWith("java")) {
            throw new IllegalArgumentException(function.logicalId() + ": Runtime " + function.runtime()
                    + " cannot run locally; only the java runtimes can");
        }
        if (!Files.isDirectory(artifactDir)) {
            throw new IllegalArgumentException(function.logicalId() + ": its artifact directory " + artifactDir
                    + " does not exist (lay it out with FunctionArtifacts, after mvn -B -DskipTests package)");
        }
        String region = environmentOverrides.getOrDefault("AWS_REGION", DEFAULT_REGION);
        String arn = "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + function.logicalId();
        LambdaRuntimeApi api = LambdaRuntimeApi.start(arn, function.timeout());
        ContainerCredentials credentials = new ContainerCredentials();
        api.serve(ContainerCredentials.PATH, credentials);
        try {
            ProcessBuilder builder = new ProcessBuilder(command(function, artifactDir, runtime))
                    .directory(artifactDir.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment(function, environmentOverrides, api.address(), credentials));
            Process process = builder.start();
            process.getOutputStream().close();
            return new FunctionContainer(function, api, credentials, process, out, err);
        } catch (IOException | RuntimeException e) {
            api.close();
            throw e;
        }
    }

    /** The child JVM's command line. */
    static List<String> command(FunctionDefinition function, Path artifactDir, ContainerRuntime runtime) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+TieredCompilation");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-Xmx" + Math.max(16, function.memoryMb() * 85 / 100) + "m");
        switch (runtime) {
            case ContainerRuntime.Bootstrap bootstrap -> {
                // org.crac finds the bootstrap's stand-in for the CRaC the Lambda runtime has, so SnapStart hooks can run.
                command.add("-Dorg.crac.Core.Compat=" + Core.class.getPackageName());
                command.add("-cp");
                command.add(String.join(File.pathSeparator,
                        artifactDir.toAbsolutePath().toString(),
                        artifactDir.toAbsolutePath().resolve("lib") + File.separator + "*",
                        codeSource(LambdaBootstrap.class).toString(),
                        codeSource(PojoSerializer.class).toString(),
                        codeSource(org.joda.time.DateTime.class).toString()));
                command.add(LambdaBootstrap.class.getName());
            }
            case ContainerRuntime.InterfaceClient client -> {
                // The client's native part is loaded through JNI.
                command.add("--enable-native-access=ALL-UNNAMED");
                command.add("-Dorg.crac.Core.Compat=" + ContainerRuntime.InterfaceClient.CRAC);
                command.add("-D" + ContainerRuntime.InterfaceClient.NATIVE_LIBRARY_PROPERTY + "="
                        + client.nativeLibrary().toAbsolutePath());
                command.add("-cp");
                command.add(String.join(File.pathSeparator,
                        client.jars().stream().map(j -> j.toAbsolutePath().toString()).toList()));
                command.add(ContainerRuntime.InterfaceClient.MAIN);
                command.add(function.handler());
            }
        }
        return command;
    }

    /** The access-key variables, which Lambda sets for an on-demand function only. */
    static final List<String> ACCESS_KEY_VARIABLES = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN");

    /**
     * Exactly the child's environment: the function's Environment, then the overrides, then what
     * Lambda sets itself (AWS_LAMBDA_RUNTIME_API, _HANDLER, AWS_LAMBDA_FUNCTION_NAME,
     * AWS_LAMBDA_FUNCTION_MEMORY_SIZE, AWS_LAMBDA_FUNCTION_VERSION, AWS_LAMBDA_INITIALIZATION_TYPE, AWS_REGION,
     * AWS_DEFAULT_REGION, the log format and level, TZ, LANG, PATH) and the credentials: for a SnapStart function
     * only the container credentials endpoint and its token, for another a set of access keys. Nothing of this JVM's
     * environment is passed on, and no access key from the function's or the overrides' variables.
     */
    static Map<String, String> environment(FunctionDefinition function, Map<String, String> overrides,
                                           String runtimeApi, ContainerCredentials credentials) {
        Map<String, String> env = new LinkedHashMap<>(function.environment());
        env.putAll(overrides);
        ACCESS_KEY_VARIABLES.forEach(env::remove);
        env.keySet().removeIf(name -> name.startsWith("AWS_CONTAINER_"));
        String region = overrides.getOrDefault("AWS_REGION", DEFAULT_REGION);
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("_HANDLER", function.handler());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", function.snapStart() ? "1" : "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", function.snapStart() ? "snap-start" : "on-demand");
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", overrides.getOrDefault("AWS_DEFAULT_REGION", region));
        env.put("AWS_LAMBDA_LOG_FORMAT", function.logging().json() ? "JSON" : "TEXT");
        function.logging().applicationLevel().ifPresent(level -> env.put("AWS_LAMBDA_LOG_LEVEL", level));
        if (function.snapStart()) {
            env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://" + runtimeApi + ContainerCredentials.PATH);
            env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", credentials.authorizationToken());
        } else {
            ContainerCredentials.Issued keys = credentials.issue();
            env.put("AWS_ACCESS_KEY_ID", keys.accessKeyId());
            env.put("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey());
            env.put("AWS_SESSION_TOKEN", keys.sessionToken());
        }
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", LAMBDA_PATH);
        return env;
    }

    /** Where a class was loaded from: a jar, or a classes directory. */
    static Path codeSource(Class<?> cls) {
        try {
            return Path.of(cls.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot locate the jar or directory of " + cls.getName(), e);
        }
    }

    public FunctionDefinition function() {
        return function;
    }

    /** This container's credentials endpoint: how often it answered, and refused. */
    public ContainerCredentials credentials() {
        return credentials;
    }

    /** Whether the runtime has asked for the restore (a SnapStart function, after its beforeCheckpoint hooks). */
    public boolean restored() {
        return api.restored().isDone();
    }

    public long pid() {
        return process.pid();
    }

    /** False once the process has exited, been killed after a timeout, failed its init, or been closed. */
    public boolean isUsable() {
        return usable.get() && process.isAlive() && !api.failed();
    }

    /**
     * Waits until the handler is initialised (the runtime asks for its first invocation).
     *
     * @return empty when ready; the failure if the init failed or the process died; a
     *         {@code Sandbox.Timedout} failure if not ready within {@code limit} (the container is left as it is)
     */
    public Optional<Invocation.Failed> awaitReady(Duration limit) {
        try {
            return api.ready().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.of(new Invocation.Failed("Sandbox.Timedout",
                    function.logicalId() + " was not initialised within " + seconds(limit) + " seconds", List.of()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(interrupted());
        } catch (ExecutionException e) {
            return Optional.of(new Invocation.Failed("Runtime.Unknown", String.valueOf(e.getCause()), List.of()));
        }
    }

    /**
     * Invokes the handler once and waits for the outcome, at most the function's Timeout after the
     * runtime took the event ({@link #INIT_LIMIT} more while the handler initialises; for a SnapStart function, up
     * to {@link #SNAPSTART_INIT_LIMIT} for its init and beforeCheckpoint hooks, then {@link #INIT_LIMIT} from the
     * restore).
     */
    public Invocation invoke(String eventJson) {
        if (!isUsable()) {
            return api.failure().orElseGet(() -> new Invocation.Failed("Runtime.ExitError",
                    function.logicalId() + "'s container is no longer running", List.of()));
        }
        LambdaRuntimeApi.Pending pending = api.submit(eventJson);
        Duration timeout = function.timeout();
        try {
            if (function.snapStart()) {
                CompletableFuture.anyOf(api.restored(), pending.result)
                        .get(SNAPSTART_INIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            CompletableFuture.anyOf(pending.dispatched, pending.result)
                    .get(INIT_LIMIT.plus(timeout).toMillis(), TimeUnit.MILLISECONDS);
            if (!pending.result.isDone()) {
                Instant deadline = pending.dispatched.join().plus(timeout);
                long remaining = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                pending.result.get(remaining, TimeUnit.MILLISECONDS);
            }
            return pending.result.join();
        } catch (TimeoutException e) {
            return timedOut(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return interrupted();
        } catch (ExecutionException e) {
            return new Invocation.Failed("Runtime.Unknown", String.valueOf(e.getCause()), List.of());
        }
    }

    private Invocation timedOut(LambdaRuntimeApi.Pending pending) {
        Invocation.TimedOut timedOut = new Invocation.TimedOut(function.timeout());
        if (!pending.result.complete(timedOut)) {
            return pending.result.join(); // answered in the same instant
        }
        err.println("[" + function.logicalId() + "] " + Instant.now() + " " + pending.requestId + " Task timed out after "
                + seconds(function.timeout()) + " seconds");
        api.abandon(pending);
        kill();
        return timedOut;
    }

    /** Kills the process at once, as Lambda does past the Timeout; the container is then unusable. */
    private void kill() {
        usable.set(false);
        process.destroyForcibly();
    }

    /** Asks the process to stop, without waiting. */
    void terminate() {
        usable.set(false);
        process.destroy();
    }

    /** Stops the process (forcibly if it does not stop within 3 s) and the Runtime API. Idempotent. */
    @Override
    public void close() {
        terminate();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (Thread pump : pumps) {
                pump.join(1_000);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            api.close();
        }
    }

    @Override
    public String toString() {
        return function.logicalId() + " container (pid " + process.pid() + ", started " + started + ")";
    }

    private Invocation.Failed interrupted() {
        return new Invocation.Failed("Runtime.Interrupted", "the invocation of " + function.logicalId()
                + " was interrupted", List.of());
    }

    private static Thread pump(InputStream from, PrintStream to, String prefix, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    to.println(prefix + line);
                }
            } catch (IOException e) {
                // the process is gone
            } finally {
                to.flush();
            }
        }, "nhssm-" + prefix.strip() + "-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String exitDescription(int status) {
        return status > 128 ? "signal " + (status - 128) + " (exit status " + status + ")" : "exit status " + status;
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toMillis() / 1000.0);
    }
}
