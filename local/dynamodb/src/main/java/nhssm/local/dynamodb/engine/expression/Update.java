package nhssm.local.dynamodb.engine.expression;

import java.util.Map;
import java.util.Set;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/** A parsed UpdateExpression. */
public interface Update {

    /**
     * The item after the update (an absent item is an empty map). Throws the service's
     * ValidationException for an impossible update (a type mismatch, a path into a missing map, a change to
     * one of {@code keyAttributes}).
     */
    Map<String, AttributeValue> apply(Map<String, AttributeValue> item, Set<String> keyAttributes);

    /** The attributes the update touched, as ReturnValues UPDATED_OLD / UPDATED_NEW return them from {@code item}. */
    Map<String, AttributeValue> updatedPartOf(Map<String, AttributeValue> item);
}
