package nhssm.local.dynamodb.engine.expression;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/** A value as the service quotes it in its expression errors: {@code {N:5}}, {@code {S:abc}}. */
final class ValueText {

    private ValueText() {
    }

    static String of(AttributeValue value) {
        String content = switch (value) {
            case AttributeValue.S s -> s.value();
            case AttributeValue.N n -> n.text();
            case AttributeValue.B b -> b.value().base64();
            case AttributeValue.Bool b -> Boolean.toString(b.value());
            case AttributeValue.Null n -> "true";
            default -> value.toString();
        };
        return "{" + value.type() + ":" + content + "}";
    }
}
