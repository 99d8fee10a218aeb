package nhssm.local.dynamodb.engine.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * Turns a parsed KeyConditionExpression into the partition key's value and the sort-key condition, refusing
 * what a key condition may not say: anything but AND between conditions, anything but {@code =} on the
 * partition key, {@code <>}, IN or any function but begins_with, or attributes outside the key schema.
 */
final class KeyConditions {

    private KeyConditions() {
    }

    /** One condition on one key attribute: the attribute, and either its operator with values or begins_with. */
    private record Leaf(String attribute, String operator, List<AttributeValue> values) {
    }

    static KeyCondition of(ConditionNode node, String partitionKey, Optional<String> sortKey) {
        List<Leaf> leaves = new ArrayList<>();
        collect(node, leaves);
        if (leaves.stream().map(Leaf::attribute).distinct().count() < leaves.size()) {
            throw DynamoDbError.validation(
                    "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
        }
        int keyAttributes = sortKey.isPresent() ? 2 : 1;
        if (leaves.size() > keyAttributes) {
            throw DynamoDbError.validation("The number of query conditions (" + leaves.size()
                    + ") exceeds the number of key attributes defined in the schema (" + keyAttributes + ")");
        }
        Leaf partition = null;
        Leaf sort = null;
        boolean other = false;
        for (Leaf leaf : leaves) {
            if (leaf.attribute().equals(partitionKey)) {
                partition = leaf;
            } else if (sortKey.isPresent() && leaf.attribute().equals(sortKey.get())) {
                sort = leaf;
            } else {
                other = true;
            }
        }
        if (partition == null) {
            throw DynamoDbError.validation("Query condition missed key schema element: " + partitionKey);
        }
        if (other) {
            // The service names the sort key it expected in place of the other attribute, if there is one.
            throw DynamoDbError.validation(sortKey.map(name -> "Query condition missed key schema element: " + name)
                    .orElse("Query key condition not supported"));
        }
        if (!partition.operator().equals("=")) {
            throw DynamoDbError.validation("Query key condition not supported");
        }
        return new KeyCondition(partition.values().get(0), Optional.ofNullable(sort).map(KeyConditions::sortCondition));
    }

    private static SortKeyCondition sortCondition(Leaf leaf) {
        return switch (leaf.operator()) {
            case "BETWEEN" -> new SortKeyCondition.Between(leaf.values().get(0), leaf.values().get(1));
            case "begins_with" -> new SortKeyCondition.BeginsWith(leaf.values().get(0));
            default -> new SortKeyCondition.Compare(leaf.operator(), leaf.values().get(0));
        };
    }

    private static void collect(ConditionNode node, List<Leaf> leaves) {
        switch (node) {
            case ConditionNode.And and -> and.operands().forEach(operand -> collect(operand, leaves));
            case ConditionNode.Comparison c when c.comparator() != Comparator.NE && c.left() instanceof Operand.Literal ->
                    leaves.add(new Leaf(attribute(c.right()), c.comparator().flipped().symbol, List.of(value(c.left()))));
            case ConditionNode.Comparison c when c.comparator() != Comparator.NE ->
                    leaves.add(new Leaf(attribute(c.left()), c.comparator().symbol, List.of(value(c.right()))));
            case ConditionNode.Between b ->
                    leaves.add(new Leaf(attribute(b.value()), "BETWEEN", List.of(value(b.lower()), value(b.upper()))));
            case ConditionNode.BeginsWith b ->
                    leaves.add(new Leaf(attribute(b.target()), "begins_with", List.of(value(b.prefix()))));
            default -> throw invalidOperator(node);
        }
    }

    private static DynamoDbError invalidOperator(ConditionNode node) {
        String operator = switch (node) {
            case ConditionNode.Or or -> "OR";
            case ConditionNode.Not not -> "NOT";
            case ConditionNode.In in -> "IN";
            case ConditionNode.Comparison c -> c.comparator().symbol;
            case ConditionNode.AttributeExists e -> "attribute_exists";
            case ConditionNode.AttributeNotExists e -> "attribute_not_exists";
            case ConditionNode.AttributeType t -> "attribute_type";
            case ConditionNode.Contains c -> "contains";
            default -> node.getClass().getSimpleName();
        };
        // The service words this one without the "Invalid KeyConditionExpression:" prefix of its syntax errors.
        return DynamoDbError.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }

    /** A key condition's left side: a top-level attribute, never a nested path or a value. */
    private static String attribute(Operand operand) {
        if (operand instanceof Operand.PathOperand p) {
            if (p.path().elements().size() > 1) {
                throw DynamoDbError.validation("KeyConditionExpressions cannot have conditions on nested attributes");
            }
            return p.path().attribute();
        }
        throw DynamoDbError.validation("Query key condition not supported");
    }

    private static AttributeValue value(Operand operand) {
        if (operand instanceof Operand.Literal literal) {
            return literal.value();
        }
        throw DynamoDbError.validation("Query key condition not supported");
    }
}
