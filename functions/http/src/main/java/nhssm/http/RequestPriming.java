package nhssm.http;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.crac.Context;
import org.crac.Resource;

/**
 * Sends an HTTP function a few read-only requests of its own before a SnapStart snapshot, so the snapshot
 * holds the code they use loaded and compiled (Jackson, the AWS SDK's client, the renderers) and a restored
 * function answers its first request without paying for that first use.
 *
 * <p>It never fails the snapshot: an unreachable table only makes a request answer 503, and anything else is
 * logged. It runs only at the checkpoint; at a cold start without SnapStart it would add its time to the
 * first request's.
 */
public final class RequestPriming implements Resource {

    private static final System.Logger LOG = System.getLogger(RequestPriming.class.getName());

    private final String function;
    private final Consumer<Function<HttpRequest, HttpResponse>> requests;
    private final Function<HttpRequest, HttpResponse> handler;

    /**
     * @param function what to call the function in the log
     * @param handler  the function's request handling
     * @param requests sends the priming requests to the handler it is given
     */
    public RequestPriming(String function, Function<HttpRequest, HttpResponse> handler,
            Consumer<Function<HttpRequest, HttpResponse>> requests) {
        this.function = function;
        this.handler = handler;
        this.requests = requests;
    }

    /** A request as API Gateway would deliver it for {@code routeKey}, marked as priming in its request id. */
    public static HttpRequest request(String routeKey, String path, Map<String, String> pathParameters,
            Map<String, String> headers, byte[] body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        return new HttpRequest(routeKey, method, path, "", pathParameters, headers, List.of(), body, "snapshot-priming");
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long start = System.nanoTime();
        try {
            requests.accept(request -> {
                HttpResponse response = handler.apply(request);
                response.toEvent(); // encoded too, as the runtime would
                return response;
            });
            LOG.log(System.Logger.Level.INFO, function + " primed for the snapshot in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, function + " priming failed (requests are served as usual)", e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the primed code is in the restored snapshot.
    }
}
