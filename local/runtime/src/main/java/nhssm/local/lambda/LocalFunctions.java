package nhssm.local.lambda;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import nhssm.local.template.FunctionDefinition;
import nhssm.local.template.SamTemplate;

/**
 * The template's functions, each run in {@link FunctionContainer}s as Lambda runs them: a pool per
 * function, containers started on demand and reused while warm, one invocation at a time per
 * container, at most {@code maxConcurrency} at once per function (further invocations wait for
 * one to finish). A container that timed out, died or failed its init is discarded, and the next
 * invocation starts a fresh one.
 *
 * <p>Safe to use from many threads. {@link #close()} stops every child process; it is idempotent
 * and may run in a shutdown hook ({@link #closeOnShutdown()} registers one).
 */
public final class LocalFunctions implements FunctionInvoker, AutoCloseable {

    public static final int DEFAULT_MAX_CONCURRENCY = 4;
    /** How long {@link #prewarm()} waits for a function's first container. */
    public static final Duration PREWARM_LIMIT = Duration.ofSeconds(60);

    private final Map<String, Pool> pools = new LinkedHashMap<>();
    private final List<String> functionIds;
    private final PrintStream out;
    private final PrintStream err;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread shutdownHook;

    /** Runs every function of {@code template} with up to {@value #DEFAULT_MAX_CONCURRENCY} containers each, logging to System.out/err. */
    public LocalFunctions(SamTemplate template, Map<String, Path> artifactDirs, Map<String, String> environmentOverrides) {
        this(template, artifactDirs, environmentOverrides, DEFAULT_MAX_CONCURRENCY, System.out, System.err);
    }

    /**
     * @param artifactDirs         logical id → the function's artifact directory (classes + lib/)
     * @param environmentOverrides set in every function's environment after its own variables
     * @param maxConcurrency       containers per function at most
     * @param out                  receives the functions' stdout lines, prefixed [LogicalId]
     * @param err                  receives their stderr lines and the containers' notices
     */
    public LocalFunctions(SamTemplate template, Map<String, Path> artifactDirs, Map<String, String> environmentOverrides,
                          int maxConcurrency, PrintStream out, PrintStream err) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, not " + maxConcurrency);
        }
        Map<String, String> overrides = Map.copyOf(environmentOverrides);
        for (FunctionDefinition f : template.functions()) {
            pools.put(f.logicalId(), new Pool(f, artifactDirs.get(f.logicalId()), overrides, maxConcurrency));
        }
        this.functionIds = List.copyOf(pools.keySet());
        this.out = out;
        this.err = err;
    }

    @Override
    public Invocation invoke(String functionLogicalId, String eventJson) {
        Pool pool = pools.get(functionLogicalId);
        if (pool == null) {
            return new Invocation.Failed("ResourceNotFoundException", "Function not found: " + functionLogicalId
                    + " (the template's functions are " + functionIds + ")", List.of());
        }
        return pool.invoke(eventJson);
    }

    /**
     * Starts one container for each function that has none, and waits until each is initialised.
     *
     * @return the functions whose container failed to start or initialise, with why (empty if all are ready)
     */
    public Map<String, Invocation.Failed> prewarm() {
        Map<String, FunctionContainer> starting = new LinkedHashMap<>();
        Map<String, Invocation.Failed> failures = new LinkedHashMap<>();
        for (Pool pool : pools.values()) {
            if (pool.live.isEmpty()) {
                try {
                    starting.put(pool.function.logicalId(), pool.start());
                } catch (StartFailure e) {
                    failures.put(pool.function.logicalId(), e.failed);
                }
            }
        }
        starting.forEach((id, container) -> {
            Pool pool = pools.get(id);
            container.awaitReady(PREWARM_LIMIT).ifPresentOrElse(failed -> {
                failures.put(id, failed);
                pool.discard(container);
            }, () -> pool.release(container));
        });
        return failures;
    }

    /** How many containers of the function are running (idle or busy). */
    public int containers(String functionLogicalId) {
        Pool pool = pools.get(functionLogicalId);
        return pool == null ? 0 : (int) pool.live.stream().filter(FunctionContainer::isUsable).count();
    }

    /** Registers a JVM shutdown hook that closes this, so that no child process outlives the JVM. */
    public LocalFunctions closeOnShutdown() {
        Thread hook = new Thread(this::close, "nhssm-local-functions-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        shutdownHook = hook;
        return this;
    }

    /** Stops every container; invocations in flight end as Failed. Idempotent; safe in a shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Thread hook = shutdownHook;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        List<FunctionContainer> all = new ArrayList<>();
        for (Pool pool : pools.values()) {
            synchronized (pool) {
                pool.idle.clear();
            }
            all.addAll(pool.live);
            pool.live.clear();
        }
        all.forEach(FunctionContainer::terminate);
        all.forEach(FunctionContainer::close);
    }

    /** A container that could not be started, carrying the failure to report. */
    private static final class StartFailure extends RuntimeException {
        final Invocation.Failed failed;

        StartFailure(Invocation.Failed failed) {
            super(failed.errorMessage(), null, false, false);
            this.failed = failed;
        }
    }

    private final class Pool {
        final FunctionDefinition function;
        final Path artifactDir;
        final Map<String, String> overrides;
        final Semaphore permits;
        final Deque<FunctionContainer> idle = new ArrayDeque<>(); // guarded by this
        final Set<FunctionContainer> live = ConcurrentHashMap.newKeySet();

        Pool(FunctionDefinition function, Path artifactDir, Map<String, String> overrides, int maxConcurrency) {
            this.function = function;
            this.artifactDir = artifactDir;
            this.overrides = overrides;
            this.permits = new Semaphore(maxConcurrency, true);
        }

        Invocation invoke(String eventJson) {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Invocation.Failed("Runtime.Interrupted", "interrupted while waiting for a container of "
                        + function.logicalId(), List.of());
            }
            try {
                if (closed.get()) {
                    return shuttingDown();
                }
                FunctionContainer container = takeIdle();
                if (container == null) {
                    try {
                        container = start();
                    } catch (StartFailure e) {
                        return e.failed;
                    }
                }
                Invocation result = container.invoke(eventJson);
                release(container);
                return result;
            } finally {
                permits.release();
            }
        }

        FunctionContainer start() {
            if (artifactDir == null) {
                throw new StartFailure(new Invocation.Failed("Runtime.StartError", "no artifact directory was"
                        + " given for " + function.logicalId(), List.of()));
            }
            try {
                FunctionContainer container = FunctionContainer.start(function, artifactDir, overrides, out, err);
                live.add(container);
                if (closed.get()) {
                    discard(container);
                    throw new StartFailure(shuttingDown());
                }
                return container;
            } catch (StartFailure e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new StartFailure(new Invocation.Failed("Runtime.StartError", "cannot start a container of "
                        + function.logicalId() + ": " + e.getMessage(), List.of()));
            }
        }

        synchronized FunctionContainer takeIdle() {
            while (!idle.isEmpty()) {
                FunctionContainer c = idle.pop();
                if (c.isUsable()) {
                    return c;
                }
                discard(c);
            }
            return null;
        }

        void release(FunctionContainer c) {
            synchronized (this) {
                if (c.isUsable() && !closed.get()) {
                    idle.push(c);
                    return;
                }
            }
            discard(c);
        }

        void discard(FunctionContainer c) {
            live.remove(c);
            c.close();
        }

        Invocation.Failed shuttingDown() {
            return new Invocation.Failed("Runtime.Closed", "the local runtime is shutting down", List.of());
        }
    }
}
