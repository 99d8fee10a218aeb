/**
 * The part of a CRaC implementation that org.crac's {@code Core} looks for when the system property
 * {@code org.crac.Core.Compat} names this package: a global context that keeps the registered resources and
 * runs their hooks: the bootstrap runs them around the restore of a SnapStart function (beforeCheckpoint, then
 * afterRestore), and {@link nhssm.local.bootstrap.crac.Core#checkpointRestore()} runs both at once. It lets a local
 * function JVM run the SnapStart hooks where no JVM can checkpoint; nothing is saved or restored.
 */
package nhssm.local.bootstrap.crac;
