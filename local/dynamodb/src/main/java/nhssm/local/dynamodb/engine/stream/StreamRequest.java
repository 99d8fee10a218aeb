package nhssm.local.dynamodb.engine.stream;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;

/**
 * A streams request's members, read with the API's constraints. A member of the wrong JSON type is a
 * SerializationException at once; broken constraints are gathered and refused together, worded as the
 * service words them ({@code 1 validation error detected: Value '0' at 'limit' failed to satisfy
 * constraint: …}); a member the operation does not have is refused by name rather than ignored.
 */
final class StreamRequest {

    private final JsonNode body;
    private final List<String> errors = new ArrayList<>();

    StreamRequest(String operation, JsonNode body, List<String> members) {
        if (body == null || !body.isObject()) {
            throw new DynamoDbError(ErrorType.SERIALIZATION, "The request body of " + operation + " must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!members.contains(name)) {
                throw DynamoDbError.validation("The parameter '" + name + "' is not part of " + operation
                        + ", which accepts " + String.join(", ", members));
            }
        }
        this.body = body;
    }

    Optional<String> string(String member, int minLength, int maxLength, boolean required) {
        JsonNode node = member(member);
        if (node == null) {
            if (required) {
                errors.add("Value null at '" + wireName(member) + "' failed to satisfy constraint: Member must not be null");
            }
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new DynamoDbError(ErrorType.SERIALIZATION, "Unexpected value type in the request: " + member
                    + " must be a string");
        }
        String value = node.textValue();
        if (value.length() < minLength) {
            errors.add(constraint(value, member, "Member must have length greater than or equal to " + minLength));
        } else if (value.length() > maxLength) {
            errors.add(constraint(value, member, "Member must have length less than or equal to " + maxLength));
        }
        return Optional.of(value);
    }

    Optional<String> oneOf(String member, List<String> values) {
        Optional<String> value = string(member, 0, Integer.MAX_VALUE, true);
        if (value.isPresent() && !values.contains(value.get())) {
            errors.add(constraint(value.get(), member, "Member must satisfy enum value set: [" + String.join(", ", values) + "]"));
        }
        return value;
    }

    Optional<Integer> integer(String member, int min, int max) {
        JsonNode node = member(member);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new DynamoDbError(ErrorType.SERIALIZATION, "Unexpected value type in the request: " + member
                    + " must be an integer");
        }
        int value = node.intValue();
        if (value < min) {
            errors.add(constraint(Integer.toString(value), member, "Member must have value greater than or equal to " + min));
        } else if (value > max) {
            errors.add(constraint(Integer.toString(value), member, "Member must have value less than or equal to " + max));
        }
        return Optional.of(value);
    }

    /** A constraint the API states in words rather than as a length or range. */
    void refuse(String value, String member, String constraint) {
        errors.add(constraint(value, member, constraint));
    }

    /** Refuses the request if any member broke a constraint. */
    void check() {
        if (!errors.isEmpty()) {
            throw DynamoDbError.validation(errors.size() + " validation error" + (errors.size() == 1 ? "" : "s")
                    + " detected: " + String.join("; ", errors));
        }
    }

    private JsonNode member(String member) {
        JsonNode node = body.get(member);
        return node == null || node.isNull() ? null : node;
    }

    private static String constraint(String value, String member, String constraint) {
        return "Value '" + value + "' at '" + wireName(member) + "' failed to satisfy constraint: " + constraint;
    }

    /** The service names members in its messages with a lower-case first letter. */
    private static String wireName(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
