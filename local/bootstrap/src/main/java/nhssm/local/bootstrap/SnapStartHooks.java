package nhssm.local.bootstrap;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * Runs a function's SnapStart hooks once after its init, when {@value #VARIABLE} is 1: what Lambda does when it
 * publishes a version with SnapStart (beforeCheckpoint, then the snapshot), and at each restore (afterRestore).
 * No JVM here can checkpoint, so nothing is saved or restored; the hooks run, through org.crac with this
 * bootstrap's stand-in ({@link nhssm.local.bootstrap.crac}), so that the first request after them can be timed.
 */
final class SnapStartHooks {

    static final String VARIABLE = "NHSSM_SNAPSTART_HOOKS";

    private SnapStartHooks() {
    }

    /** Runs the hooks if asked; a hook that fails is an init failure, as it would fail Lambda's publish. */
    static void runIfAsked(Map<String, String> env, PrintStream err) throws Exception {
        if (!"1".equals(env.get(VARIABLE))) {
            return;
        }
        Class<?> core;
        try {
            core = Class.forName("org.crac.Core", true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            err.println("nhssm bootstrap: " + VARIABLE + "=1 but the function has no org.crac: no hooks to run");
            return;
        }
        long start = System.nanoTime();
        try {
            core.getMethod("checkpointRestore").invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        err.println("nhssm bootstrap: SnapStart hooks ran in " + (System.nanoTime() - start) / 1_000_000
                + " ms (beforeCheckpoint, then afterRestore; no snapshot is taken here)");
    }
}
