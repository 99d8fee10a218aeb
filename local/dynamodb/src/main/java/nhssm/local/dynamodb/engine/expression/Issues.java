package nhssm.local.dynamodb.engine.expression;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import nhssm.local.dynamodb.engine.error.DynamoDbError;

/**
 * The semantic faults found while parsing one expression. The service reports only one, chosen by kind
 * (a reserved word before an undefined placeholder, …), not by position, so faults are collected during the
 * parse and the most important one is thrown at its end. Syntax errors are thrown at once instead.
 */
final class Issues {

    enum Kind {
        REDUNDANT_PARENTHESES, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED_WORD, SECTION_REPEATED,
        UNDEFINED_PLACEHOLDER, PATH_OVERLAP, PATH_CONFLICT, OPERAND_COUNT, DISTINCT_OPERANDS, OPERAND_TYPE
    }

    /** Condition expressions: dynamic checks last. */
    static final List<Kind> CONDITION_ORDER = List.of(Kind.REDUNDANT_PARENTHESES, Kind.UNKNOWN_FUNCTION,
            Kind.MISUSED_FUNCTION, Kind.RESERVED_WORD, Kind.UNDEFINED_PLACEHOLDER, Kind.PATH_OVERLAP,
            Kind.PATH_CONFLICT, Kind.OPERAND_COUNT, Kind.DISTINCT_OPERANDS, Kind.OPERAND_TYPE);

    /** Update expressions report reserved words first. */
    static final List<Kind> UPDATE_ORDER = List.of(Kind.RESERVED_WORD, Kind.UNKNOWN_FUNCTION,
            Kind.MISUSED_FUNCTION, Kind.SECTION_REPEATED, Kind.UNDEFINED_PLACEHOLDER, Kind.PATH_OVERLAP,
            Kind.PATH_CONFLICT, Kind.REDUNDANT_PARENTHESES, Kind.OPERAND_TYPE, Kind.OPERAND_COUNT,
            Kind.DISTINCT_OPERANDS);

    private final String parameter;
    private final List<Kind> order;
    private final Map<Kind, String> first = new EnumMap<>(Kind.class);

    Issues(String parameter, List<Kind> order) {
        this.parameter = parameter;
        this.order = order;
    }

    /** Records a fault; only the first of each kind is kept. */
    void add(Kind kind, String message) {
        first.putIfAbsent(kind, message);
    }

    void throwIfAny() {
        for (Kind kind : order) {
            String message = first.get(kind);
            if (message != null) {
                throw DynamoDbError.validation("Invalid " + parameter + ": " + message);
            }
        }
    }
}
