package nhssm.local.dynamodb.engine.transaction;

import java.util.Map;
import java.util.Optional;

import nhssm.local.dynamodb.engine.expression.Condition;
import nhssm.local.dynamodb.engine.expression.Update;
import nhssm.local.dynamodb.engine.table.StoredItem;
import nhssm.local.dynamodb.engine.table.StoredKey;
import nhssm.local.dynamodb.engine.table.Table;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/** One action of a TransactWriteItems request, checked and parsed before any lock is taken. */
sealed interface TransactAction {

    Table table();

    StoredKey storedKey();

    Map<String, AttributeValue> key();

    Optional<Condition> condition();

    String onConditionFailure();

    record Check(Table table, StoredKey storedKey, Map<String, AttributeValue> key, Optional<Condition> condition,
            String onConditionFailure) implements TransactAction {
    }

    record Put(Table table, StoredKey storedKey, Map<String, AttributeValue> key, Optional<Condition> condition,
            String onConditionFailure, StoredItem item) implements TransactAction {
    }

    record Delete(Table table, StoredKey storedKey, Map<String, AttributeValue> key, Optional<Condition> condition,
            String onConditionFailure) implements TransactAction {
    }

    record Modify(Table table, StoredKey storedKey, Map<String, AttributeValue> key, Optional<Condition> condition,
            String onConditionFailure, Update update) implements TransactAction {
    }
}
