package nhssm.local.dynamodb.engine.expression;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/** One action of an update expression, on one document path. */
sealed interface UpdateAction {

    Path path();

    record Set(Path path, UpdateValue value) implements UpdateAction {
    }

    record Remove(Path path) implements UpdateAction {
    }

    /** ADD: a number added to a number, or a set's elements added to a set; creates the attribute if missing. */
    record Add(Path path, AttributeValue value) implements UpdateAction {
    }

    /** DELETE: a set's elements taken from a set; a set left empty is removed. */
    record Delete(Path path, AttributeValue value) implements UpdateAction {
    }
}
