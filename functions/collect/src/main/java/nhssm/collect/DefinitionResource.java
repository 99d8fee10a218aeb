package nhssm.collect;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.token.Sha256;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;

/** Serves a round's survey definition as JSON, with an ETag so clients can revalidate cheaply. */
final class DefinitionResource {

    private record Rendered(String json, String etag) {
    }

    private final ConcurrentMap<String, Rendered> rendered = new ConcurrentHashMap<>();

    HttpResponse get(HttpRequest request, SurveyDefinition definition) {
        Rendered r = rendered.computeIfAbsent(definition.round(), round -> {
            String json = SurveyDefinitions.toJson(definition);
            return new Rendered(json, "\"" + Sha256.hex(json).substring(0, 32) + "\"");
        });
        Optional<String> ifNoneMatch = request.header("if-none-match");
        HttpResponse response = ifNoneMatch.isPresent() && ifNoneMatch.get().contains(r.etag())
                ? HttpResponse.empty(304)
                : HttpResponse.json(200, r.json());
        return response.withHeader("etag", r.etag()).withHeader("cache-control", "public, max-age=300");
    }
}
