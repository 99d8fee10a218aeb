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
 * A function's hooks registered with org.crac run through the bootstrap's stand-in, in CRaC's order, as the
 * local function JVM is started (the system property before org.crac's Core is first used).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapStartHooksTest {

    static {
        System.setProperty("org.crac.Core.Compat", nhssm.local.bootstrap.crac.Core.class.getPackageName());
    }

    private static final List<String> CALLS = new ArrayList<>();
    /** Held strongly, as a function holds its resources: org.crac keeps only weak references. */
    private static final List<Resource> RESOURCES = new ArrayList<>();

    @Test
    @Order(1)
    void hooks_shouldNotRun_unlessAsked() throws Exception {
        register("first");
        register("second");

        SnapStartHooks.runIfAsked(Map.of(), new PrintStream(new ByteArrayOutputStream()));

        assertThat(CALLS).isEmpty();
    }

    @Test
    @Order(2)
    void hooks_shouldRunBeforeCheckpointLastFirst_thenAfterRestoreInOrder() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        SnapStartHooks.runIfAsked(Map.of(SnapStartHooks.VARIABLE, "1"), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(CALLS).containsExactly("before second", "before first", "after first", "after second");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SnapStart hooks ran in");
    }

    @Test
    @Order(3)
    void aFailingHook_shouldFailTheInit_asItWouldFailThePublish() {
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

        assertThatThrownBy(() -> SnapStartHooks.runIfAsked(Map.of(SnapStartHooks.VARIABLE, "1"),
                new PrintStream(new ByteArrayOutputStream())))
                .hasStackTraceContaining("cannot prime");
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
