package nhssm.local.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A function's hooks registered with org.crac run through the bootstrap's stand-in, in CRaC's order and around the
 * restore, as the local function JVM is started (the system property before org.crac's Core is first used).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapStartHooksTest {

    static {
        System.setProperty("org.crac.Core.Compat", nhssm.local.bootstrap.crac.Core.class.getPackageName());
    }

    private static final Map<String, String> SNAP_START = Map.of(SnapStartHooks.VARIABLE, SnapStartHooks.SNAP_START);
    private static final List<String> CALLS = new ArrayList<>();
    /** Held strongly, as a function holds its resources: org.crac keeps only weak references. */
    private static final List<Resource> RESOURCES = new ArrayList<>();

    @Test
    @Order(1)
    void hooks_shouldNotRun_forAnOnDemandInit() throws Exception {
        register("first");
        register("second");

        SnapStartHooks.run(Map.of(SnapStartHooks.VARIABLE, "on-demand"), () -> CALLS.add("restore"), quiet());
        SnapStartHooks.run(Map.of(), () -> CALLS.add("restore"), quiet());

        assertThat(CALLS).isEmpty();
    }

    @Test
    @Order(2)
    void hooks_shouldRunBeforeCheckpointLastFirst_thenWaitForTheRestore_thenAfterRestoreInOrder() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        SnapStartHooks.run(SNAP_START, () -> CALLS.add("restore"), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(CALLS).containsExactly("before second", "before first", "restore", "after first", "after second");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SnapStart: beforeCheckpoint hooks");
    }

    @Test
    @Order(3)
    void aFailingBeforeCheckpoint_shouldFailTheInit_beforeAnyRestore() {
        Resource failing = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                throw new IllegalStateException("cannot prime");
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
            }
        };
        RESOURCES.add(failing);
        Core.getGlobalContext().register(failing);
        CALLS.clear();

        assertThatThrownBy(() -> SnapStartHooks.run(SNAP_START, () -> CALLS.add("restore"), quiet()))
                .isInstanceOfSatisfying(SnapStartHooks.HookFailure.class, f -> assertThat(f.restore).isFalse())
                .hasStackTraceContaining("cannot prime");
        assertThat(CALLS).doesNotContain("restore");
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }

    private static void register(String name) {
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                CALLS.add("before " + name);
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                CALLS.add("after " + name);
            }
        };
        RESOURCES.add(resource);
        Core.getGlobalContext().register(resource);
    }
}
