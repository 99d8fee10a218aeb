package nhssm.collect;

/** The URL path of a stored response. */
final class ResponseLocation {

    private ResponseLocation() {
    }

    static String of(String round, String id) {
        return "/api/rounds/" + round + "/responses/" + id;
    }
}
