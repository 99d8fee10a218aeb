package nhssm.local.dynamodb.engine.expression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * A parsed update expression applied to an item. Every value is computed from the item as it was before
 * the update (so {@code SET a = b, b = a} swaps). Writes go in list-index order (so SETs past a list's end
 * append in index order, as the Developer Guide says) and REMOVEs come last, highest index first, so that
 * the indexes of one expression all refer to the lists as they were.
 */
final class ParsedUpdate implements Update {

    private final List<UpdateAction> actions;
    private final PathTree touched;

    ParsedUpdate(List<UpdateAction> actions, List<Path> paths) {
        List<UpdateAction> ordered = new ArrayList<>(actions.stream().filter(a -> !(a instanceof UpdateAction.Remove)).toList());
        List<UpdateAction> removes = new ArrayList<>(actions.stream().filter(a -> a instanceof UpdateAction.Remove).toList());
        ordered.sort(byPath(false));
        removes.sort(byPath(true));
        ordered.addAll(removes);
        this.actions = List.copyOf(ordered);
        this.touched = PathTree.of(paths);
    }

    /** A total order of paths: names alphabetically, and under one list indexes ascending (or descending). */
    private static Comparator<UpdateAction> byPath(boolean higherIndexFirst) {
        return (a, b) -> {
            List<Path.Element> x = a.path().elements();
            List<Path.Element> y = b.path().elements();
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                Path.Element other = y.get(i);
                int c = switch (x.get(i)) {
                    case Path.Index p when other instanceof Path.Index q -> higherIndexFirst
                            ? Integer.compare(q.index(), p.index()) : Integer.compare(p.index(), q.index());
                    case Path.Name p when other instanceof Path.Name q -> p.name().compareTo(q.name());
                    case Path.Name p -> -1;
                    case Path.Index p -> 1;
                };
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        };
    }

    @Override
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item, Set<String> keyAttributes) {
        for (UpdateAction action : actions) {
            String attribute = action.path().attribute();
            if (keyAttributes.contains(attribute)) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Cannot update attribute "
                        + attribute + ". This attribute is part of the key");
            }
        }
        List<AttributeValue> newValues = new ArrayList<>(actions.size());
        for (UpdateAction action : actions) {
            newValues.add(switch (action) {
                case UpdateAction.Set set -> set.value().evaluate(item);
                case UpdateAction.Add add -> added(action.path().find(item), add.value());
                case UpdateAction.Delete delete -> deleted(action.path().find(item), delete.value());
                case UpdateAction.Remove remove -> null;
            });
        }
        Map<String, AttributeValue> result = item;
        for (int i = 0; i < actions.size(); i++) {
            UpdateAction action = actions.get(i);
            AttributeValue value = newValues.get(i);
            result = value == null ? removeIfPresent(result, action, item.isEmpty())
                    : DocumentEditor.set(result, action.path(), value);
        }
        return result;
    }

    /**
     * REMOVE, and a DELETE that empties its set: a missing last step removes nothing. On an item that does not
     * exist the service ignores a REMOVE of any path, even one whose parent is missing.
     */
    private static Map<String, AttributeValue> removeIfPresent(Map<String, AttributeValue> item, UpdateAction action,
            boolean absentItem) {
        if ((action instanceof UpdateAction.Delete || absentItem) && action.path().find(item) == null) {
            return item;
        }
        return DocumentEditor.remove(item, action.path());
    }

    @Override
    public Map<String, AttributeValue> updatedPartOf(Map<String, AttributeValue> item) {
        return touched.apply(item);
    }

    /** ADD: numbers are summed (a missing one counts as 0), sets united; anything else is a type mismatch. */
    private static AttributeValue added(AttributeValue existing, AttributeValue operand) {
        if (existing == null) {
            return operand instanceof AttributeValue.N n ? new AttributeValue.N(NumberLimits.check(n.value())) : operand;
        }
        return switch (existing) {
            case AttributeValue.N a when operand instanceof AttributeValue.N b ->
                    new AttributeValue.N(NumberLimits.check(a.value().add(b.value())));
            case AttributeValue.SS a when operand instanceof AttributeValue.SS b -> new AttributeValue.SS(union(a.values(), b.values()));
            case AttributeValue.NS a when operand instanceof AttributeValue.NS b -> new AttributeValue.NS(union(a.values(), b.values()));
            case AttributeValue.BS a when operand instanceof AttributeValue.BS b -> new AttributeValue.BS(union(a.values(), b.values()));
            default -> throw UpdateValue.incorrectType();
        };
    }

    /** DELETE: the set without the operand's elements, or null (remove the attribute) when none is left or it is missing. */
    private static AttributeValue deleted(AttributeValue existing, AttributeValue operand) {
        if (existing == null) {
            return null;
        }
        return switch (existing) {
            case AttributeValue.SS a when operand instanceof AttributeValue.SS b ->
                    leftOrNull(difference(a.values(), b.values()), AttributeValue.SS::new);
            case AttributeValue.NS a when operand instanceof AttributeValue.NS b ->
                    leftOrNull(difference(a.values(), b.values()), AttributeValue.NS::new);
            case AttributeValue.BS a when operand instanceof AttributeValue.BS b ->
                    leftOrNull(difference(a.values(), b.values()), AttributeValue.BS::new);
            default -> throw UpdateValue.incorrectType();
        };
    }

    /** A set may not be empty: an emptied one is no attribute at all. */
    private static <T> AttributeValue leftOrNull(Set<T> left, Function<Set<T>, AttributeValue> set) {
        return left.isEmpty() ? null : set.apply(left);
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> result = new HashSet<>(a);
        result.addAll(b);
        return result;
    }

    private static <T> Set<T> difference(Set<T> a, Set<T> b) {
        Set<T> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }
}
