/**
 * Conformance tests of the engine, written from the Amazon DynamoDB API Reference and Developer Guide
 * rather than from the engine's code: one class per operation or topic, each through the unchanged AWS SDK
 * v2 clients over loopback to one in-memory engine per class ({@link nhssm.local.dynamodb.conformance.EngineExtension}),
 * each test on tables of its own.
 *
 * <p>They assert what the service documents or is known to do, so they hold against the service too, with
 * these exceptions: {@code UnsupportedFeaturesTest} (tagged {@code engine-only}) checks that what the engine
 * leaves out is refused by name; {@code ProtocolTest} and {@code BadInputPropertyTest} send raw HTTP with a
 * signature of the right shape but no real one, which the service would refuse; the TTL tests wait two
 * minutes for a deletion the service makes within days.
 *
 * <p>Run them with
 * {@code mvn -B -pl local/dynamodb -am test -Dtest='nhssm.local.dynamodb.conformance.**' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
package nhssm.local.dynamodb.conformance;
