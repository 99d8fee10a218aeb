package nhssm.local.dynamodb.engine.expression;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * The semantic faults found while parsing one expression. The service reports only one, chosen by kind
 * (a reserved word before an undefined placeholder, …), not by position, so faults are collected during the
 * parse and the most important one is thrown at its end. Syntax errors are thrown at once instead.
 *
 * <p>In a condition, the faults of one clause (an undefined value, a wrong operand type or count, equal
 * operands) are ranked within that clause, and the first clause written that has any is the one reported.
 */
final class Issues {

    enum Kind {
        REDUNDANT_PARENTHESES, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED_WORD, SECTION_REPEATED,
        UNDEFINED_PLACEHOLDER, PATH_OVERLAP, PATH_CONFLICT, OPERAND_COUNT, DISTINCT_OPERANDS, OPERAND_TYPE
    }

    /** Condition expressions: the faults of a clause come last, the first clause's first. */
    static final List<Kind> CONDITION_ORDER = List.of(Kind.REDUNDANT_PARENTHESES, Kind.UNKNOWN_FUNCTION,
            Kind.MISUSED_FUNCTION, Kind.RESERVED_WORD, Kind.UNDEFINED_PLACEHOLDER, Kind.OPERAND_COUNT,
            Kind.DISTINCT_OPERANDS, Kind.OPERAND_TYPE);
    static final Set<Kind> CONDITION_CLAUSE_KINDS = EnumSet.of(Kind.UNDEFINED_PLACEHOLDER, Kind.OPERAND_COUNT,
            Kind.DISTINCT_OPERANDS, Kind.OPERAND_TYPE);

    /** Update expressions report reserved words first. */
    static final List<Kind> UPDATE_ORDER = List.of(Kind.RESERVED_WORD, Kind.UNKNOWN_FUNCTION,
            Kind.MISUSED_FUNCTION, Kind.SECTION_REPEATED, Kind.UNDEFINED_PLACEHOLDER, Kind.PATH_OVERLAP,
            Kind.PATH_CONFLICT, Kind.REDUNDANT_PARENTHESES, Kind.OPERAND_TYPE, Kind.OPERAND_COUNT,
            Kind.DISTINCT_OPERANDS);

    private final String parameter;
    private final List<Kind> order;
    private final Set<Kind> clauseKinds;
    private final Map<Kind, String> first = new EnumMap<>(Kind.class);
    private final Map<Kind, String> clause = new EnumMap<>(Kind.class);
    private String firstClauseFault;

    Issues(String parameter, List<Kind> order, Set<Kind> clauseKinds) {
        this.parameter = parameter;
        this.order = order;
        this.clauseKinds = clauseKinds;
    }

    /** Records a fault; only the first of each kind is kept. */
    void add(Kind kind, String message) {
        (clauseKinds.contains(kind) ? clause : first).putIfAbsent(kind, message);
    }

    /** The end of a clause: its most important fault is the clause faults' answer if none came before. */
    void endClause() {
        if (firstClauseFault == null) {
            for (Kind kind : order) {
                if (clause.containsKey(kind)) {
                    firstClauseFault = clause.get(kind);
                    break;
                }
            }
        }
        clause.clear();
    }

    void throwIfAny() {
        endClause();
        boolean clauseFaultsSeen = false;
        for (Kind kind : order) {
            String message;
            if (clauseKinds.contains(kind)) {
                message = clauseFaultsSeen ? null : firstClauseFault;
                clauseFaultsSeen = true;
            } else {
                message = first.get(kind);
            }
            if (message != null) {
                throw InvalidExpression.of(parameter, message);
            }
        }
    }
}
