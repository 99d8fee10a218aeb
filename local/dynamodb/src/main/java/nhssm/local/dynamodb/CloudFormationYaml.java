package nhssm.local.dynamodb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a CloudFormation/SAM template written in YAML into a Jackson tree, turning the short-form
 * intrinsic tags into their long form: {@code !Ref X} becomes {@code {"Ref": "X"}},
 * {@code !GetAtt A.B} becomes {@code {"Fn::GetAtt": ["A", "B"]}}, and any other {@code !Name v}
 * becomes {@code {"Fn::Name": v}}. A plain YAML reader would keep the value and drop the tag, so
 * that {@code !Ref SurveyTable} would read as the string "SurveyTable".
 */
public final class CloudFormationYaml {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationYaml() {
    }

    /**
     * The template at {@code path} as a tree with long-form intrinsics.
     *
     * @throws LocalDynamoDbException if it cannot be read or is not a YAML mapping
     */
    public static JsonNode read(Path path) {
        try {
            return parse(Files.readString(path));
        } catch (IOException e) {
            throw new LocalDynamoDbException("cannot read the template " + path, e);
        } catch (IllegalArgumentException e) {
            throw new LocalDynamoDbException("the template " + path + " " + e.getMessage(), e);
        }
    }

    /** The YAML text as a tree with long-form intrinsics; IOException on malformed YAML. */
    static JsonNode parse(String yaml) throws IOException {
        try (JsonParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("is not a YAML mapping");
            }
            return value(parser);
        }
    }

    /** The value starting at the parser's current token, which it leaves on the value's last token. */
    private static JsonNode value(JsonParser parser) throws IOException {
        String tag = intrinsicTag(parser);
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            default -> YAML.readTree(parser);
        };
        return tag == null ? value : longForm(tag, value);
    }

    private static ObjectNode object(JsonParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, value(parser));
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser));
        }
        return array;
    }

    /** The local tag on the current token without its "!", or null; YAML's own tags are not intrinsics. */
    private static String intrinsicTag(JsonParser parser) throws IOException {
        if (!(parser.getTypeId() instanceof String tag) || tag.isEmpty() || tag.startsWith("tag:yaml.org,2002:")) {
            return null;
        }
        return tag;
    }

    private static JsonNode longForm(String tag, JsonNode value) {
        ObjectNode intrinsic = NODES.objectNode();
        if (tag.equals("Ref") || tag.equals("Condition")) {
            intrinsic.set(tag, value);
        } else if (tag.equals("GetAtt") && value.isTextual() && value.asText().contains(".")) {
            String text = value.asText();
            int dot = text.indexOf('.');
            intrinsic.set("Fn::GetAtt", NODES.arrayNode()
                    .add(text.substring(0, dot))
                    .add(text.substring(dot + 1)));
        } else {
            intrinsic.set("Fn::" + tag, value);
        }
        return intrinsic;
    }
}
