package nhssm.local.bootstrap.crac;

/** A group of resources, itself notified as one. */
public abstract class Context<R extends Resource> implements Resource {

    public abstract void register(R resource);
}
