package nhssm.collect;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import org.crac.Context;
import org.crac.Resource;

/**
 * The collect function's source of tokens and nonces: a {@link SecureRandom} whose generator is created anew
 * after a SnapStart restore. A generator made before the snapshot is copied, state and all, into every
 * execution environment restored from it, so each would draw the same "random" bytes unless its generator
 * mixes in fresh entropy on every call; which generators do depends on the JDK's configuration, so this one
 * does not rely on it. Register it with the CRaC global context (the SnapStart runtime hooks) and hold it:
 * the context keeps its resources only weakly.
 */
final class SnapshotSafeRandom extends SecureRandom implements Resource {

    private final Delegate delegate;

    /** A generator made now with {@code new SecureRandom()}, replaced after each restore. */
    SnapshotSafeRandom() {
        this(new SecureRandom());
    }

    /** Starts with {@code initial}; after each restore, a fresh {@code new SecureRandom()}. */
    SnapshotSafeRandom(SecureRandom initial) {
        this(new Delegate(initial));
    }

    private SnapshotSafeRandom(Delegate delegate) {
        super(delegate, null);
        this.delegate = delegate;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // Nothing to do: whatever the snapshot holds is replaced after the restore.
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        delegate.generator = new SecureRandom();
    }

    @Override
    public String getAlgorithm() {
        return delegate.generator.getAlgorithm();
    }

    /** Every call goes to the current generator, read once per call. */
    private static final class Delegate extends SecureRandomSpi {

        private volatile SecureRandom generator;

        Delegate(SecureRandom generator) {
            this.generator = generator;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            generator.setSeed(seed);
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            generator.nextBytes(bytes);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            return generator.generateSeed(numBytes);
        }
    }
}
