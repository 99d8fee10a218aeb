package nhssm.local.dynamodb.engine.expression;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues (null: not given), tracking which ones
 * its expressions used. Refuses empty maps and keys without their {@code #} or {@code :} on construction, as
 * the service does before it looks at any expression.
 */
public final class ExpressionInputs {

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final boolean namesGiven;
    private final boolean valuesGiven;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();
    private int expressionsParsed;

    public ExpressionInputs(Map<String, String> names, Map<String, AttributeValue> values) {
        if (names != null && names.isEmpty()) {
            throw DynamoDbError.validation("ExpressionAttributeNames must not be empty");
        }
        if (values != null && values.isEmpty()) {
            throw DynamoDbError.validation("ExpressionAttributeValues must not be empty");
        }
        if (names != null) {
            for (Map.Entry<String, String> entry : names.entrySet()) {
                requireKey("ExpressionAttributeNames", entry.getKey(), '#');
                if (entry.getValue() == null || entry.getValue().isEmpty()) {
                    throw DynamoDbError.validation("ExpressionAttributeNames contains invalid value: Empty attribute name"
                            + " for key " + entry.getKey());
                }
            }
        }
        if (values != null) {
            for (String key : values.keySet()) {
                requireKey("ExpressionAttributeValues", key, ':');
            }
        }
        this.names = names == null ? Map.of() : Map.copyOf(names);
        this.values = values == null ? Map.of() : Map.copyOf(values);
        this.namesGiven = names != null;
        this.valuesGiven = values != null;
    }

    /** No inputs: for a request that gave neither map. */
    public static ExpressionInputs none() {
        return new ExpressionInputs(null, null);
    }

    private static void requireKey(String parameter, String key, char prefix) {
        if (key.length() < 2 || key.charAt(0) != prefix || !isWord(key.substring(1))) {
            throw DynamoDbError.validation(parameter + " contains invalid key: Syntax error; key: \"" + key + "\"");
        }
    }

    private static boolean isWord(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** The attribute name {@code placeholder} stands for, marking it used; null if undefined. */
    String name(String placeholder) {
        String name = names.get(placeholder);
        if (name != null) {
            usedNames.add(placeholder);
        }
        return name;
    }

    /** The value {@code placeholder} stands for, marking it used; null if undefined. */
    AttributeValue value(String placeholder) {
        AttributeValue value = values.get(placeholder);
        if (value != null) {
            usedValues.add(placeholder);
        }
        return value;
    }

    void countParsed() {
        expressionsParsed++;
    }

    /**
     * After every expression of the request has been parsed: refuses names or values the request gave
     * but no expression used, with the service's ValidationException.
     */
    public void requireAllUsed() {
        if (expressionsParsed == 0) {
            // Inside the service's envelope, and without naming the parameters that are missing.
            if (namesGiven) {
                throw DynamoDbError.validation(InvalidExpression.ENVELOPE
                        + "ExpressionAttributeNames can only be specified when using expressions");
            }
            if (valuesGiven) {
                throw DynamoDbError.validation(InvalidExpression.ENVELOPE
                        + "ExpressionAttributeValues can only be specified when using expressions");
            }
            return;
        }
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoDbError.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoDbError.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }
}
