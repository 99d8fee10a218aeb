package nhssm.core.store.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nhssm.core.reconcile.Distribution;
import nhssm.core.reconcile.FreeText;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answer;
import nhssm.core.response.ResponseKind;

/**
 * A trust record as one JSON document. Every answer carries its type ({@code {"code":…}},
 * {@code {"decimal":"3.5"}}, …), so a record reads back without the survey definition, which matters
 * because a median of scale points need not be a scale point. Keys are sorted, so the same record
 * always gives the same bytes.
 *
 * <p>Public so that a measurement outside the store (the reports benchmark) can hand a fresh JVM the
 * records in exactly the form the store keeps and reads them with the store's own code.
 */
public final class TrustRecordJson {

    static final int FORMAT = 1;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private TrustRecordJson() {
    }

    /** The record as the JSON document its item holds (one line: no indentation, sorted keys). */
    public static String encode(TrustRecord r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("round", r.round());
        root.put("odsCode", r.odsCode());
        root.put("definitionVersion", r.definitionVersion());
        if (r.officialSubmittedAt() != null) {
            root.put("officialSubmittedAt", r.officialSubmittedAt().toString());
        }
        root.put("individualResponses", r.individualResponses());
        ObjectNode roles = root.putObject("individualRoles");
        new TreeMap<>(r.individualRoles()).forEach(roles::put);
        ObjectNode values = root.putObject("values");
        new TreeMap<>(r.values()).forEach((id, value) -> values.set(id, reconciled(value)));
        ObjectNode distributions = root.putObject("distributions");
        new TreeMap<>(r.distributions()).forEach((id, d) -> {
            ObjectNode node = distributions.putObject(id);
            node.put("answering", d.answering());
            ObjectNode counts = node.putObject("counts");
            new TreeMap<>(d.counts()).forEach(counts::put);
        });
        ArrayNode texts = root.putArray("freeText");
        r.freeText().forEach(t -> texts.addObject()
                .put("question", t.question())
                .put("from", t.from().name())
                .put("text", t.text())
                .put("consentToQuote", t.consentToQuote()));
        if (r.lastResponseAt() != null) {
            root.put("lastResponseAt", r.lastResponseAt().toString());
        }
        root.put("watermark", r.watermark());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    /** A record read back from its stored document; refuses a document of another format. */
    public static TrustRecord decode(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored trust record is not JSON", e);
        }
        if (root.path("format").asInt() != FORMAT) {
            throw new IllegalStateException("stored trust record has format " + root.path("format") + ", expected " + FORMAT);
        }
        Map<String, Integer> roles = new LinkedHashMap<>();
        root.path("individualRoles").fields().forEachRemaining(e -> roles.put(e.getKey(), e.getValue().asInt()));
        Map<String, Reconciled> values = new LinkedHashMap<>();
        root.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), reconciled(e.getValue())));
        Map<String, Distribution> distributions = new LinkedHashMap<>();
        root.path("distributions").fields().forEachRemaining(e -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            e.getValue().path("counts").fields().forEachRemaining(c -> counts.put(c.getKey(), c.getValue().asInt()));
            distributions.put(e.getKey(), new Distribution(counts, e.getValue().path("answering").asInt()));
        });
        List<FreeText> texts = new ArrayList<>();
        root.path("freeText").forEach(t -> texts.add(new FreeText(t.path("question").asText(),
                ResponseKind.valueOf(t.path("from").asText()), t.path("text").asText(), t.path("consentToQuote").asBoolean())));
        return new TrustRecord(
                root.path("round").asText(),
                root.path("odsCode").asText(),
                root.path("definitionVersion").asText(),
                instant(root, "officialSubmittedAt"),
                root.path("individualResponses").asInt(),
                roles, values, distributions, texts,
                instant(root, "lastResponseAt"),
                root.path("watermark").asLong());
    }

    private static ObjectNode reconciled(Reconciled value) {
        ObjectNode node = JSON.createObjectNode();
        node.put("provenance", value.provenance().name());
        switch (value) {
            case Reconciled.FromOfficial o -> node.set("answer", answer(o.answer()));
            case Reconciled.ByMajority m -> node.put("answering", m.answering()).set("answer", answer(m.answer()));
            case Reconciled.ByMedian m -> node.put("answering", m.answering()).set("answer", answer(m.answer()));
            case Reconciled.Conflict c -> {
                node.put("answering", c.answering());
                ObjectNode split = node.putObject("split");
                new TreeMap<>(c.split()).forEach(split::put);
            }
        }
        return node;
    }

    private static Reconciled reconciled(JsonNode node) {
        return switch (node.path("provenance").asText()) {
            case "OFFICIAL" -> new Reconciled.FromOfficial(answer(node.path("answer")));
            case "MAJORITY" -> new Reconciled.ByMajority(answer(node.path("answer")), node.path("answering").asInt());
            case "MEDIAN" -> new Reconciled.ByMedian(answer(node.path("answer")), node.path("answering").asInt());
            case "CONFLICT" -> {
                Map<String, Integer> split = new LinkedHashMap<>();
                node.path("split").fields().forEachRemaining(e -> split.put(e.getKey(), e.getValue().asInt()));
                yield new Reconciled.Conflict(split, node.path("answering").asInt());
            }
            default -> throw new IllegalStateException("unknown provenance in stored record: " + node.path("provenance"));
        };
    }

    private static ObjectNode answer(Answer answer) {
        ObjectNode node = JSON.createObjectNode();
        switch (answer) {
            case Answer.Code c -> node.put("code", c.code());
            case Answer.Codes c -> c.codes().forEach(node.putArray("codes")::add);
            case Answer.WholeNumber w -> node.put("whole", w.value());
            case Answer.DecimalNumber d -> node.put("decimal", d.value().toPlainString());
            case Answer.ScalePoint p -> node.put("scale", p.value());
            case Answer.Text t -> node.put("text", t.text());
        }
        return node;
    }

    private static Answer answer(JsonNode node) {
        if (node.has("code")) {
            return new Answer.Code(node.get("code").asText());
        } else if (node.has("codes")) {
            List<String> codes = new ArrayList<>();
            node.get("codes").forEach(c -> codes.add(c.asText()));
            return new Answer.Codes(codes);
        } else if (node.has("whole")) {
            return new Answer.WholeNumber(node.get("whole").asLong());
        } else if (node.has("decimal")) {
            return new Answer.DecimalNumber(new BigDecimal(node.get("decimal").asText()));
        } else if (node.has("scale")) {
            return new Answer.ScalePoint(node.get("scale").asInt());
        } else if (node.has("text")) {
            return new Answer.Text(node.get("text").asText());
        }
        throw new IllegalStateException("stored answer of unknown type: " + node);
    }

    private static Instant instant(JsonNode root, String field) {
        return root.hasNonNull(field) ? Instant.parse(root.get(field).asText()) : null;
    }
}
