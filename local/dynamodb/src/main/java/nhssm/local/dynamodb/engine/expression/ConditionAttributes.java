package nhssm.local.dynamodb.engine.expression;

import java.util.List;
import java.util.Set;

/**
 * The top-level attributes a parsed condition reads, for the rules a request applies on top of the
 * grammar (a Query's FilterExpression may not name a key attribute).
 */
final class ConditionAttributes {

    private ConditionAttributes() {
    }

    static void collect(ConditionNode node, Set<String> into) {
        switch (node) {
            case ConditionNode.And and -> and.operands().forEach(operand -> collect(operand, into));
            case ConditionNode.Or or -> or.operands().forEach(operand -> collect(operand, into));
            case ConditionNode.Not not -> collect(not.operand(), into);
            case ConditionNode.Comparison c -> operands(List.of(c.left(), c.right()), into);
            case ConditionNode.Between b -> operands(List.of(b.value(), b.lower(), b.upper()), into);
            case ConditionNode.In in -> {
                operand(in.value(), into);
                operands(in.candidates(), into);
            }
            case ConditionNode.AttributeExists e -> into.add(e.path().attribute());
            case ConditionNode.AttributeNotExists e -> into.add(e.path().attribute());
            case ConditionNode.AttributeType t -> operand(t.operand(), into);
            case ConditionNode.BeginsWith b -> operands(List.of(b.target(), b.prefix()), into);
            case ConditionNode.Contains c -> operands(List.of(c.target(), c.operand()), into);
        }
    }

    private static void operands(List<Operand> operands, Set<String> into) {
        operands.forEach(operand -> operand(operand, into));
    }

    private static void operand(Operand operand, Set<String> into) {
        switch (operand) {
            case Operand.PathOperand p -> into.add(p.path().attribute());
            case Operand.Size size -> operand(size.argument(), into);
            case Operand.Literal literal -> {
            }
        }
    }
}
