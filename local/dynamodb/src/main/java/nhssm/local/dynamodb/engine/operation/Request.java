package nhssm.local.dynamodb.engine.operation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;
import nhssm.local.dynamodb.engine.expression.ExpressionInputs;
import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.AttributeValueJson;

/**
 * A request body (or one of its structures) with the parameters its operation accepts. Any other member is
 * refused by name, never ignored: code that passed here would fail on AWS. The getters check types and
 * constraints with the service's messages ("1 validation error detected: Value null at 'tableName' …").
 */
public final class Request {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final Map<String, String> LEGACY = Map.of(
            "Expected", "ConditionExpression",
            "AttributesToGet", "ProjectionExpression",
            "AttributeUpdates", "UpdateExpression",
            "KeyConditions", "KeyConditionExpression",
            "QueryFilter", "FilterExpression",
            "ScanFilter", "FilterExpression",
            "ConditionalOperator", "ConditionExpression or FilterExpression");

    private final String context;
    private final JsonNode body;
    private final String path;

    private Request(String context, JsonNode body, String path, Set<String> accepted) {
        this.context = context;
        this.body = body;
        this.path = path;
        if (!body.isObject()) {
            throw serialization("Expected a JSON object" + (path.isEmpty() ? "" : " at '" + path + "'"));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (accepted.contains(name)) {
                continue;
            }
            if (LEGACY.containsKey(name)) {
                throw DynamoDbError.validation("The legacy parameter " + name + " of " + context
                        + " is not supported: use " + LEGACY.get(name));
            }
            throw DynamoDbError.validation("Unsupported parameter " + name + " in " + context + "; accepted: "
                    + new TreeSet<>(accepted));
        }
    }

    /** The top-level request of {@code operation}. */
    public static Request of(String operation, JsonNode body, Set<String> accepted) {
        return new Request(operation, body, "", accepted);
    }

    /** A structure inside this request ({@code Put} of a transaction item, say), with its own members. */
    public Request structure(String name, Set<String> accepted) {
        return new Request(context + " " + name, required(name), member(name), accepted);
    }

    /** A structure given as a JSON node of this request (an element of a list). */
    public Request structure(JsonNode node, String name, Set<String> accepted) {
        return new Request(context + " " + name, node, member(name), accepted);
    }

    public String operation() {
        return context;
    }

    public boolean has(String name) {
        JsonNode node = body.get(name);
        return node != null && !node.isNull();
    }

    public Optional<JsonNode> node(String name) {
        return has(name) ? Optional.of(body.get(name)) : Optional.empty();
    }

    public JsonNode required(String name) {
        return node(name).orElseThrow(() -> DynamoDbError.validation(
                "1 validation error detected: Value null at '" + member(name) + "' failed to satisfy constraint: Member must not be null"));
    }

    public Optional<String> string(String name) {
        return node(name).map(n -> {
            if (!n.isTextual()) {
                throw serialization(name + " must be a string");
            }
            return n.textValue();
        });
    }

    public String requiredString(String name) {
        required(name);
        return string(name).orElseThrow();
    }

    /** A table name (or a table ARN, as the service also accepts), checked as the service checks it. */
    public String tableName() {
        return tableName("TableName");
    }

    public String tableName(String name) {
        String value = requiredString(name);
        int slash = value.indexOf(":table/");
        if (value.startsWith("arn:") && slash > 0) {
            value = value.substring(slash + ":table/".length());
        }
        return checkedName(name, value);
    }

    /** A table or index name's constraints: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'. */
    public String checkedName(String name, String value) {
        if (value.length() < 3) {
            throw constraint(name, value, "Member must have length greater than or equal to 3");
        }
        if (value.length() > 255) {
            throw constraint(name, value, "Member must have length less than or equal to 255");
        }
        if (!NAME.matcher(value).matches()) {
            throw constraint(name, value, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return value;
    }

    public Optional<Boolean> bool(String name) {
        return node(name).map(n -> {
            if (!n.isBoolean()) {
                throw serialization(name + " must be a boolean");
            }
            return n.booleanValue();
        });
    }

    public Optional<Long> integer(String name, long min, long max) {
        return node(name).map(n -> {
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw serialization(name + " must be an integer");
            }
            long value = n.longValue();
            if (value < min) {
                throw constraint(name, Long.toString(value), "Member must have value greater than or equal to " + min);
            }
            if (value > max) {
                throw constraint(name, Long.toString(value), "Member must have value less than or equal to " + max);
            }
            return value;
        });
    }

    /** One of {@code values}, or {@code fallback} if absent. */
    public String enumeration(String name, List<String> values, String fallback) {
        String value = string(name).orElse(fallback);
        if (!values.contains(value)) {
            throw constraint(name, value, "Member must satisfy enum value set: " + values);
        }
        return value;
    }

    public List<JsonNode> list(String name) {
        return node(name).map(n -> {
            if (!n.isArray()) {
                throw serialization(name + " must be a list");
            }
            List<JsonNode> elements = new ArrayList<>();
            n.forEach(elements::add);
            return elements;
        }).orElse(List.of());
    }

    public List<String> stringList(String name) {
        return list(name).stream().map(n -> {
            if (!n.isTextual()) {
                throw serialization(name + " must be a list of strings");
            }
            return n.textValue();
        }).toList();
    }

    /** An item or key of attribute values. */
    public Map<String, AttributeValue> item(String name) {
        return AttributeValueJson.item(required(name), name);
    }

    public Optional<Map<String, AttributeValue>> optionalItem(String name) {
        return node(name).map(n -> AttributeValueJson.item(n, name));
    }

    /**
     * The ExpressionAttributeNames and ExpressionAttributeValues (each null if not given); the expressions'
     * own rules refuse empty, unused and undefined ones.
     */
    public ExpressionInputs expressionInputs() {
        Map<String, String> names = node("ExpressionAttributeNames").map(n -> {
            if (!n.isObject()) {
                throw serialization("ExpressionAttributeNames must be a map of strings");
            }
            Map<String, String> map = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw serialization("ExpressionAttributeNames must be a map of strings");
                }
                map.put(e.getKey(), e.getValue().textValue());
            });
            return map;
        }).orElse(null);
        Map<String, AttributeValue> values = node("ExpressionAttributeValues")
                .map(n -> AttributeValueJson.item(n, "ExpressionAttributeValues")).orElse(null);
        return new ExpressionInputs(names, values);
    }

    /** The service's constraint message for this request's member {@code name}. */
    public DynamoDbError constraint(String name, String value, String constraint) {
        return DynamoDbError.validation("1 validation error detected: Value '" + value + "' at '" + member(name)
                + "' failed to satisfy constraint: " + constraint);
    }

    private String member(String name) {
        String camel = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        return path.isEmpty() ? camel : path + "." + camel;
    }

    private static DynamoDbError serialization(String message) {
        return new DynamoDbError(ErrorType.SERIALIZATION, message);
    }
}
