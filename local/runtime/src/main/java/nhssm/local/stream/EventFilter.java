package nhssm.local.stream;

import nhssm.local.dynamodb.StreamEventJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The FilterCriteria of an event source mapping: Lambda event filtering applied to each record's JSON
 * (the shape of {@link StreamEventJson#record}). A record passes if it matches at least one pattern; with
 * no patterns every record passes.
 *
 * <p>A pattern mirrors the record's structure. Fields of an object are ANDed; a field's value is either a
 * nested pattern (an object) or an array of rules, ORed; {@code "$or": [pattern, …]} ORs whole patterns.
 * Rules, as the Lambda developer guide documents them:
 * <ul>
 *   <li>{@code "text"}, {@code 5}, {@code true}, {@code null}: equals (numbers compared as numbers; {@code ""} is
 *       the empty string; {@code null} matches a present null, never a missing field)</li>
 *   <li>{@code {"prefix": "RESP#"}}, {@code {"suffix": ".png"}} (either also as
 *       {@code {"equals-ignore-case": "…"}}), {@code {"equals-ignore-case": "alice"}}: strings only</li>
 *   <li>{@code {"anything-but": "x" | 5 | ["x", "y"] | {"prefix": "x"}}}: a present value that is none of them</li>
 *   <li>{@code {"numeric": [">", 0, "<=", 5]}} with {@code = < <= > >=}, one or two conditions. Numbers, and
 *       strings that are numbers, since DynamoDB stream records carry {@code N} values as strings</li>
 *   <li>{@code {"exists": true|false}}: a leaf is present / absent. As on AWS, only leaves exist: an attribute
 *       value such as {@code {"S": "x"}} is an object, so test {@code "attr": {"S": [{"exists": true}]}}</li>
 * </ul>
 * When the record's value is an array, a rule matches if it matches any scalar element. Anything else
 * (wildcard, cidr, anything-but with suffix or ignore-case, …) is refused by {@link #compile} with an error
 * that names the operator and where it is, rather than silently filtering differently from AWS.
 */
public final class EventFilter {

    private static final String SUPPORTED = "exact values, prefix, suffix, equals-ignore-case, anything-but "
            + "(values or prefix), numeric, exists, $or";

    private final List<Pattern> patterns;

    private EventFilter(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * Compiles the patterns of a FilterCriteria.
     *
     * @throws IllegalArgumentException naming the pattern (1-based), the path in it and the operator, for
     *                                  anything that is not a pattern or uses an operator not supported here
     */
    public static EventFilter compile(List<JsonNode> patterns) {
        List<Pattern> compiled = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            try {
                compiled.add(pattern(patterns.get(i), "", "pattern"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("FilterCriteria pattern " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new EventFilter(compiled);
    }

    /** True if there are no patterns, so every record passes. */
    public boolean acceptsAll() {
        return patterns.isEmpty();
    }

    /** True if {@code record} matches at least one pattern (or there are none). */
    public boolean matches(JsonNode record) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matches(record)) {
                return true;
            }
        }
        return false;
    }

    // ---- compiling ------------------------------------------------------------------------------

    private static Pattern pattern(JsonNode json, String path, String what) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException(where(path) + what + " must be a JSON object, not " + kind(json));
        }
        if (json.isEmpty()) {
            throw new IllegalArgumentException(where(path) + what + " is an empty object");
        }
        List<Field> fields = new ArrayList<>();
        List<List<Pattern>> ors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            String at = path.isEmpty() ? name : path + "." + name;
            if (name.equals("$or")) {
                if (!value.isArray() || value.size() < 2) {
                    throw new IllegalArgumentException(where(at) + "$or must be an array of at least two patterns");
                }
                List<Pattern> alternatives = new ArrayList<>();
                for (JsonNode alternative : value) {
                    alternatives.add(pattern(alternative, path, "each $or alternative"));
                }
                ors.add(alternatives);
            } else if (value.isObject()) {
                fields.add(new Nested(name, pattern(value, at, "a nested pattern")));
            } else if (value.isArray()) {
                if (value.isEmpty()) {
                    throw new IllegalArgumentException(where(at) + "an empty array of rules matches nothing");
                }
                List<Rule> rules = new ArrayList<>();
                for (JsonNode rule : value) {
                    rules.add(rule(rule, at));
                }
                fields.add(new Leaf(name, rules));
            } else {
                throw new IllegalArgumentException(where(at) + "a field's value must be an array of rules or a "
                        + "nested pattern, not " + kind(value) + " (write [" + value + "])");
            }
        }
        return new Pattern(fields, ors);
    }

    private static Rule rule(JsonNode rule, String path) {
        if (rule.isTextual() || rule.isNumber() || rule.isBoolean() || rule.isNull()) {
            return new Equals(rule);
        }
        if (!rule.isObject() || rule.size() != 1) {
            throw new IllegalArgumentException(where(path) + "a rule must be a value or an object with one operator, "
                    + "not " + rule);
        }
        Map.Entry<String, JsonNode> operator = rule.fields().next();
        String name = operator.getKey();
        JsonNode operand = operator.getValue();
        return switch (name) {
            case "prefix" -> new Prefix(text(operand, path, name, true), ignoresCase(operand));
            case "suffix" -> new Suffix(text(operand, path, name, true), ignoresCase(operand));
            case "equals-ignore-case" -> new EqualsIgnoreCase(text(operand, path, name, false));
            case "exists" -> {
                if (!operand.isBoolean()) {
                    throw new IllegalArgumentException(where(path) + "exists takes true or false, not " + operand);
                }
                yield new Exists(operand.booleanValue());
            }
            case "numeric" -> numeric(operand, path);
            case "anything-but" -> anythingBut(operand, path);
            default -> throw new IllegalArgumentException(where(path) + "unsupported operator \"" + name
                    + "\" (supported: " + SUPPORTED + ")");
        };
    }

    private static String text(JsonNode operand, String path, String operator, boolean ignoreCaseAllowed) {
        if (operand.isTextual()) {
            return operand.textValue();
        }
        if (ignoreCaseAllowed && operand.isObject() && operand.size() == 1
                && operand.path("equals-ignore-case").isTextual()) {
            return operand.get("equals-ignore-case").textValue();
        }
        throw new IllegalArgumentException(where(path) + "unsupported operand for " + operator + ": " + operand
                + " (a string" + (ignoreCaseAllowed ? " or {\"equals-ignore-case\": string}" : "") + ")");
    }

    private static boolean ignoresCase(JsonNode operand) {
        return operand.isObject();
    }

    private static Rule numeric(JsonNode operand, String path) {
        if (!operand.isArray() || (operand.size() != 2 && operand.size() != 4)) {
            throw new IllegalArgumentException(where(path) + "numeric takes [op, number] or [op, number, op, number], "
                    + "not " + operand);
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < operand.size(); i += 2) {
            JsonNode op = operand.get(i);
            JsonNode number = operand.get(i + 1);
            if (!op.isTextual() || !List.of("=", "<", "<=", ">", ">=").contains(op.textValue())) {
                throw new IllegalArgumentException(where(path) + "unsupported numeric operator " + op
                        + " (=, <, <=, >, >=)");
            }
            if (!number.isNumber()) {
                throw new IllegalArgumentException(where(path) + "numeric compares with numbers, not " + number);
            }
            comparisons.add(new Comparison(op.textValue(), number.decimalValue()));
        }
        if (comparisons.size() == 2 && (comparisons.get(0).op().equals("=") || comparisons.get(1).op().equals("="))) {
            throw new IllegalArgumentException(where(path) + "numeric \"=\" cannot be combined with a second condition");
        }
        return new Numeric(comparisons);
    }

    private static Rule anythingBut(JsonNode operand, String path) {
        if (operand.isTextual() || operand.isNumber()) {
            return new AnythingBut(List.of(operand), null);
        }
        if (operand.isArray() && !operand.isEmpty()) {
            List<JsonNode> values = new ArrayList<>();
            for (JsonNode value : operand) {
                if (!value.isTextual() && !value.isNumber()) {
                    throw new IllegalArgumentException(where(path) + "anything-but lists strings or numbers, not "
                            + value);
                }
                values.add(value);
            }
            return new AnythingBut(values, null);
        }
        if (operand.isObject() && operand.size() == 1 && operand.has("prefix")) {
            if (!operand.get("prefix").isTextual()) {
                throw new IllegalArgumentException(where(path) + "anything-but prefix takes a string, not "
                        + operand.get("prefix"));
            }
            return new AnythingBut(List.of(), operand.get("prefix").textValue());
        }
        String inner = operand.isObject() && operand.size() == 1 ? operand.fieldNames().next() : null;
        throw new IllegalArgumentException(where(path) + "unsupported operand for anything-but: "
                + (inner != null ? "\"" + inner + "\"" : String.valueOf(operand))
                + " (a string, a number, a list of them, or {\"prefix\": string})");
    }

    private static String where(String path) {
        return path.isEmpty() ? "" : "at " + path + ": ";
    }

    private static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase() + " " + node;
    }

    // ---- matching -------------------------------------------------------------------------------

    private record Pattern(List<Field> fields, List<List<Pattern>> ors) {
        boolean matches(JsonNode node) {
            for (Field field : fields) {
                JsonNode value = node != null && node.isObject() ? node.get(field.name()) : null;
                if (!field.matches(value)) {
                    return false;
                }
            }
            for (List<Pattern> alternatives : ors) {
                boolean any = false;
                for (Pattern alternative : alternatives) {
                    if (alternative.matches(node)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        }
    }

    private sealed interface Field permits Nested, Leaf {
        String name();

        /** {@code value} is null when the record has no such field. */
        boolean matches(JsonNode value);
    }

    private record Nested(String name, Pattern pattern) implements Field {
        @Override
        public boolean matches(JsonNode value) {
            return pattern.matches(value);
        }
    }

    private record Leaf(String name, List<Rule> rules) implements Field {
        @Override
        public boolean matches(JsonNode value) {
            boolean missing = value == null || value.isMissingNode();
            for (Rule rule : rules) {
                if (rule instanceof Exists exists) {
                    if (exists.exists() ? !missing && isLeaf(value) : missing) {
                        return true;
                    }
                } else if (!missing) {
                    if (value.isArray()) {
                        for (JsonNode element : value) {
                            if (isScalar(element) && rule.test(element)) {
                                return true;
                            }
                        }
                    } else if (isScalar(value) && rule.test(value)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean isLeaf(JsonNode value) {
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (isScalar(element)) {
                        return true;
                    }
                }
                return false;
            }
            return isScalar(value);
        }

        private static boolean isScalar(JsonNode value) {
            return !value.isContainerNode() && !value.isMissingNode();
        }
    }

    /** A rule tested against one scalar value of the record. */
    private sealed interface Rule permits Equals, Prefix, Suffix, EqualsIgnoreCase, Exists, Numeric, AnythingBut {
        boolean test(JsonNode value);
    }

    private record Equals(JsonNode expected) implements Rule {
        @Override
        public boolean test(JsonNode value) {
            return same(expected, value);
        }
    }

    private record Prefix(String prefix, boolean ignoreCase) implements Rule {
        @Override
        public boolean test(JsonNode value) {
            return value.isTextual() && value.textValue().regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
        }
    }

    private record Suffix(String suffix, boolean ignoreCase) implements Rule {
        @Override
        public boolean test(JsonNode value) {
            if (!value.isTextual()) {
                return false;
            }
            String text = value.textValue();
            int from = text.length() - suffix.length();
            return from >= 0 && text.regionMatches(ignoreCase, from, suffix, 0, suffix.length());
        }
    }

    private record EqualsIgnoreCase(String text) implements Rule {
        @Override
        public boolean test(JsonNode value) {
            return value.isTextual() && value.textValue().equalsIgnoreCase(text);
        }
    }

    private record Exists(boolean exists) implements Rule {
        @Override
        public boolean test(JsonNode value) {
            throw new IllegalStateException("exists is decided on the field, not on a value");
        }
    }

    private record Comparison(String op, BigDecimal number) {
        boolean test(BigDecimal value) {
            int c = value.compareTo(number);
            return switch (op) {
                case "=" -> c == 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> throw new IllegalStateException(op);
            };
        }
    }

    private record Numeric(List<Comparison> comparisons) implements Rule {
        @Override
        public boolean test(JsonNode value) {
            BigDecimal number = number(value);
            if (number == null) {
                return false;
            }
            for (Comparison comparison : comparisons) {
                if (!comparison.test(number)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record AnythingBut(List<JsonNode> values, String prefix) implements Rule {
        @Override
        public boolean test(JsonNode value) {
            if (prefix != null) {
                return value.isTextual() && !value.textValue().startsWith(prefix);
            }
            for (JsonNode excluded : values) {
                if (same(excluded, value)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean same(JsonNode expected, JsonNode value) {
        if (expected.isNumber()) {
            return value.isNumber() && expected.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        if (expected.isTextual()) {
            return value.isTextual() && expected.textValue().equals(value.textValue());
        }
        if (expected.isBoolean()) {
            return value.isBoolean() && expected.booleanValue() == value.booleanValue();
        }
        return expected.isNull() && value.isNull();
    }

    private static BigDecimal number(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
