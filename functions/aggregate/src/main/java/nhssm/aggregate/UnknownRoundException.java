package nhssm.aggregate;

/** A stream record names a round this deployment has no survey definition for. */
final class UnknownRoundException extends RuntimeException {

    UnknownRoundException(String round) {
        super("no survey definition for round " + round);
    }
}
