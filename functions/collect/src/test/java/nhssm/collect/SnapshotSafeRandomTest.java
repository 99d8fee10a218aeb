package nhssm.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import nhssm.core.token.TokenSecret;
import org.junit.jupiter.api.Test;

class SnapshotSafeRandomTest {

    /**
     * Two environments restored from one snapshot hold the same generator state. A deterministic generator
     * seeded alike stands for that state here: its bytes would repeat in every restored environment.
     */
    private static SnapshotSafeRandom restoredCopyOfOneSnapshot() throws NoSuchAlgorithmException {
        SecureRandom state = SecureRandom.getInstance("SHA1PRNG");
        state.setSeed(2026L);
        return new SnapshotSafeRandom(state);
    }

    @Test
    void tokens_shouldRepeatAcrossCopiesOfOneSnapshot_whenTheRestoreHookHasNotRun() throws Exception {
        SnapshotSafeRandom first = restoredCopyOfOneSnapshot();
        SnapshotSafeRandom second = restoredCopyOfOneSnapshot();

        // The hazard the restore hook exists for: the same token drawn in two environments.
        assertThat(TokenSecret.generate(first).value()).isEqualTo(TokenSecret.generate(second).value());
    }

    @Test
    void tokens_shouldDifferAcrossCopiesOfOneSnapshot_afterTheRestoreHook() throws Exception {
        SnapshotSafeRandom first = restoredCopyOfOneSnapshot();
        SnapshotSafeRandom second = restoredCopyOfOneSnapshot();

        first.afterRestore(null);
        second.afterRestore(null);

        assertThat(TokenSecret.generate(first).value()).isNotEqualTo(TokenSecret.generate(second).value());
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        first.nextBytes(a);
        second.nextBytes(b);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void afterRestore_shouldReplaceTheGenerator_soTheSnapshotsSequenceIsNotContinued() throws Exception {
        SnapshotSafeRandom restored = restoredCopyOfOneSnapshot();
        SecureRandom snapshotState = SecureRandom.getInstance("SHA1PRNG");
        snapshotState.setSeed(2026L);
        byte[] continued = new byte[32];
        snapshotState.nextBytes(continued);

        restored.afterRestore(null);
        byte[] drawn = new byte[32];
        restored.nextBytes(drawn);

        assertThat(drawn).isNotEqualTo(continued);
        assertThat(restored.getAlgorithm()).isEqualTo(new SecureRandom().getAlgorithm());
    }

    @Test
    void everyCallingThread_shouldGetBytes_whileARestoreReplacesTheGenerator() throws Exception {
        SnapshotSafeRandom random = new SnapshotSafeRandom();
        Thread drawing = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 10_000; i++) {
                TokenSecret.generate(random);
            }
        });
        for (int i = 0; i < 100; i++) {
            random.afterRestore(null);
        }
        drawing.join();

        assertThat(TokenSecret.generate(random).value()).hasSizeGreaterThan(40);
    }
}
