package nhssm.http;

/** A request no correct client sends (bad base64, bad percent-encoding, invalid UTF-8): a 400. */
public final class MalformedRequestException extends RuntimeException {

    public MalformedRequestException(String message) {
        super(message);
    }
}
