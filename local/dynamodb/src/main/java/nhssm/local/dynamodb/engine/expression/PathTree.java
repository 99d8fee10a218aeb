package nhssm.local.dynamodb.engine.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * A set of non-overlapping document paths as a tree, to cut an item down to those paths: maps keep only the
 * projected keys, lists only the projected elements, compacted in index order, as the service returns them.
 */
final class PathTree implements Projection {

    private final Map<String, PathTree> names = new LinkedHashMap<>();
    private final TreeMap<Integer, PathTree> indexes = new TreeMap<>();
    /** This node is the end of a path: its whole value is kept. */
    private boolean whole;

    static PathTree of(List<Path> paths) {
        PathTree root = new PathTree();
        for (Path path : paths) {
            PathTree node = root;
            for (Path.Element element : path.elements()) {
                node = switch (element) {
                    case Path.Name name -> node.names.computeIfAbsent(name.name(), n -> new PathTree());
                    case Path.Index index -> node.indexes.computeIfAbsent(index.index(), i -> new PathTree());
                };
            }
            node.whole = true;
        }
        return root;
    }

    @Override
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        names.forEach((name, child) -> {
            AttributeValue value = child.cut(item.get(name));
            if (value != null) {
                result.put(name, value);
            }
        });
        return result;
    }

    /** The part of {@code value} this node keeps, or null when none of it is there. */
    private AttributeValue cut(AttributeValue value) {
        if (value == null || whole) {
            return value;
        }
        if (!names.isEmpty() && value instanceof AttributeValue.M map) {
            Map<String, AttributeValue> kept = apply(map.values());
            return kept.isEmpty() ? null : new AttributeValue.M(kept);
        }
        if (!indexes.isEmpty() && value instanceof AttributeValue.L list) {
            List<AttributeValue> kept = new ArrayList<>();
            indexes.forEach((index, child) -> {
                if (index < list.values().size()) {
                    AttributeValue element = child.cut(list.values().get(index));
                    if (element != null) {
                        kept.add(element);
                    }
                }
            });
            return kept.isEmpty() ? null : new AttributeValue.L(kept);
        }
        return null;
    }
}
