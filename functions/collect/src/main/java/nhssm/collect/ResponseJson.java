package nhssm.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nhssm.core.response.Answer;
import nhssm.core.store.StoredResponse;
import nhssm.core.trust.Trust;
import nhssm.http.Json;

/** A stored response as the API shows it to its owner. */
final class ResponseJson {

    private ResponseJson() {
    }

    static String encode(StoredResponse response, Trust trust) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("id", response.key().id());
        root.put("round", response.key().round());
        ObjectNode trustNode = root.putObject("trust");
        trustNode.put("odsCode", trust.odsCode());
        trustNode.put("name", trust.name());
        root.put("kind", response.kind().name());
        root.put("status", response.status().name());
        root.put("version", response.version());
        root.put("definitionVersion", response.definitionVersion());
        ObjectNode answers = root.putObject("answers");
        response.answers().byQuestion().forEach((id, answer) -> {
            switch (answer) {
                case Answer.Code c -> answers.put(id, c.code());
                case Answer.Codes c -> {
                    ArrayNode codes = answers.putArray(id);
                    c.codes().forEach(codes::add);
                }
                case Answer.WholeNumber w -> answers.put(id, w.value());
                case Answer.DecimalNumber d -> answers.put(id, d.value());
                case Answer.ScalePoint p -> answers.put(id, p.value());
                case Answer.Text t -> answers.put(id, t.text());
            }
        });
        root.put("createdAt", response.createdAt().toString());
        root.put("updatedAt", response.updatedAt().toString());
        response.firstSubmitted().ifPresent(at -> root.put("submittedAt", at.toString()));
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    /** {@code body} with the writer's secret made for it: in the creating response only, never in a record. */
    static String withSecret(String body, String secret) {
        try {
            ObjectNode root = (ObjectNode) Json.MAPPER.readTree(body);
            root.put("responseSecret", secret);
            return Json.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a body this class wrote is JSON", e);
        }
    }

    static String etag(StoredResponse response) {
        return "\"" + response.version() + "\"";
    }
}
