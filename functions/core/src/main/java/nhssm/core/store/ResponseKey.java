package nhssm.core.store;

/** Where a response lives: its trust's partition in a round, and its id. */
public record ResponseKey(String round, String odsCode, String id) {
}
