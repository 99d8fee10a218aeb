package nhssm.local.bootstrap.crac;

/** A resource notified around a checkpoint, as org.crac's proxies call it. */
public interface Resource {

    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
