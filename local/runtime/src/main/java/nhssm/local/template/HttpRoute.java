package nhssm.local.template;

/** An HttpApi event: a method and a path template such as {@code /api/rounds/{round}/responses}. */
public record HttpRoute(String method, String path) {

    /** The route key API Gateway puts in the event, e.g. {@code POST /api/rounds/{round}/responses}. */
    public String routeKey() {
        return method + " " + path;
    }
}
