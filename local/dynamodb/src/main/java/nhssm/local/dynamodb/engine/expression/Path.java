package nhssm.local.dynamodb.engine.expression;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/** A document path: a top-level attribute name followed by map keys and list indexes ({@code a.b[2].c}). */
record Path(List<Element> elements) {

    sealed interface Element permits Name, Index {
    }

    record Name(String name) implements Element {
    }

    record Index(int index) implements Element {
    }

    Path {
        elements = List.copyOf(elements);
    }

    /** The top-level attribute the path starts at. */
    String attribute() {
        return ((Name) elements.get(0)).name();
    }

    /** The value at this path in the item, or null when any step is missing or of the wrong type. */
    AttributeValue find(Map<String, AttributeValue> item) {
        AttributeValue current = item.get(attribute());
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = step(current, elements.get(i));
        }
        return current;
    }

    static AttributeValue step(AttributeValue value, Element element) {
        return switch (element) {
            case Name name when value instanceof AttributeValue.M map -> map.values().get(name.name());
            case Index index when value instanceof AttributeValue.L list ->
                    index.index() < list.values().size() ? list.values().get(index.index()) : null;
            default -> null;
        };
    }

    /** The path as the service writes it in its messages: {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        return elements.stream()
                .map(e -> switch (e) {
                    case Name name -> name.name();
                    case Index index -> "[" + index.index() + "]";
                })
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
