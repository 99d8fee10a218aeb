/**
 * DynamoDB's expression language, as the engine's operations use it: condition and filter expressions,
 * update expressions, projection expressions and key condition expressions, with document paths and
 * ExpressionAttributeNames/Values.
 *
 * <p>{@link nhssm.local.dynamodb.engine.expression.Expressions} parses each kind once, refusing a bad
 * expression with the service's ValidationException and message; the result is a small immutable tree that
 * evaluates on an item without further parsing. The grammar follows the Developer Guide (precedence, the
 * reserved words, the 4 KB and 300-operator limits); where the guide is silent, the behaviour and wording are
 * the service's own (redundant parentheses, distinct operands, the order in which faults are reported). A
 * hand-written lexer and recursive-descent parsers keep it free of generated code; nesting is bounded so
 * that no expression can exhaust the stack.
 */
package nhssm.local.dynamodb.engine.expression;
