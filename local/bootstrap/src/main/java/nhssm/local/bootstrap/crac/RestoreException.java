package nhssm.local.bootstrap.crac;

/** A resource failed after the restore; its failures are suppressed exceptions of this one. */
public class RestoreException extends Exception {
}
