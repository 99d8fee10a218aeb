package nhssm.local.bootstrap.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * The global context, and the checkpoint that only runs the hooks. The order is the CRaC one: beforeCheckpoint
 * from the last registered resource to the first, afterRestore from the first to the last.
 */
public final class Core {

    private static final GlobalContext GLOBAL = new GlobalContext();

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /** Runs every registered resource's beforeCheckpoint, then (no snapshot being possible here) its afterRestore. */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        GLOBAL.beforeCheckpoint(null);
        GLOBAL.afterRestore(null);
    }

    private static final class GlobalContext extends Context<Resource> {

        private final List<Resource> resources = new ArrayList<>();

        @Override
        public synchronized void register(Resource resource) {
            resources.add(resource);
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
            CheckpointException failed = new CheckpointException();
            for (Resource resource : snapshot().reversed()) {
                try {
                    resource.beforeCheckpoint(this);
                } catch (Exception e) {
                    failed.addSuppressed(e);
                }
            }
            if (failed.getSuppressed().length > 0) {
                throw failed;
            }
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) throws RestoreException {
            RestoreException failed = new RestoreException();
            for (Resource resource : snapshot()) {
                try {
                    resource.afterRestore(this);
                } catch (Exception e) {
                    failed.addSuppressed(e);
                }
            }
            if (failed.getSuppressed().length > 0) {
                throw failed;
            }
        }

        private synchronized List<Resource> snapshot() {
            return List.copyOf(resources);
        }
    }
}
