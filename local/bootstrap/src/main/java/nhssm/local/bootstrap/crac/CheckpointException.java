package nhssm.local.bootstrap.crac;

/** A resource failed before the checkpoint; its failures are suppressed exceptions of this one. */
public class CheckpointException extends Exception {
}
