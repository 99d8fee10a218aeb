/**
 * The part of a CRaC implementation that org.crac's {@code Core} looks for when the system property
 * {@code org.crac.Core.Compat} names this package: a global context that keeps the registered resources and
 * runs their hooks when {@link nhssm.local.bootstrap.crac.Core#checkpointRestore()} is called. It lets a local
 * function JVM run the SnapStart hooks (beforeCheckpoint, then afterRestore) where no JVM can checkpoint;
 * nothing is saved or restored.
 */
package nhssm.local.bootstrap.crac;
