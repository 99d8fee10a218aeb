package nhssm.local.bootstrap;

import java.io.PrintStream;
import java.util.Map;

import nhssm.local.bootstrap.crac.Core;

/**
 * What the Lambda Java runtime does after the init of a function started with
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}: every registered resource's {@code beforeCheckpoint} (last
 * registered first), then {@code GET restore/next}, which on Lambda returns once the snapshot has been restored, then
 * every {@code afterRestore} (first registered first), and only then the invocations. No JVM here can checkpoint, so
 * the restore is the same process carrying on; the hooks run through org.crac with this bootstrap's stand-in
 * ({@link nhssm.local.bootstrap.crac}), so that the first request after them is the first request after a restore.
 */
final class SnapStartHooks {

    static final String VARIABLE = "AWS_LAMBDA_INITIALIZATION_TYPE";
    static final String SNAP_START = "snap-start";

    /** The wait for the restore: {@code GET restore/next} on the Runtime API. */
    interface Restore {
        void next() throws Exception;
    }

    /** A hook failed: before the checkpoint it fails the init; after the restore, the restore. */
    static final class HookFailure extends Exception {
        final boolean restore;

        HookFailure(Exception cause, boolean restore) {
            super(cause.getMessage(), cause);
            this.restore = restore;
        }
    }

    private SnapStartHooks() {
    }

    static boolean snapStart(Map<String, String> env) {
        return SNAP_START.equals(env.get(VARIABLE));
    }

    /** Runs the hooks around the restore if the function was started as a SnapStart one; else does nothing. */
    static void run(Map<String, String> env, Restore restore, PrintStream err) throws Exception {
        if (!snapStart(env)) {
            return;
        }
        long start = System.nanoTime();
        try {
            Core.getGlobalContext().beforeCheckpoint(null);
        } catch (Exception e) {
            throw new HookFailure(e, false);
        }
        long before = System.nanoTime();
        restore.next();
        long restored = System.nanoTime();
        try {
            Core.getGlobalContext().afterRestore(null);
        } catch (Exception e) {
            throw new HookFailure(e, true);
        }
        err.println("nhssm bootstrap: SnapStart: beforeCheckpoint hooks " + (before - start) / 1_000_000
                + " ms, afterRestore hooks " + (System.nanoTime() - restored) / 1_000_000
                + " ms (no snapshot is taken here)");
    }
}
