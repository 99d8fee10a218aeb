package nhssm.core.store.dynamodb;

import static nhssm.core.store.dynamodb.Attributes.instant;
import static nhssm.core.store.dynamodb.Attributes.s;

import java.util.HashMap;
import java.util.Map;
import nhssm.core.audit.AuditAction;
import nhssm.core.audit.AuditEntry;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps an audit entry to its item: {@code AUDIT#round} / {@code <time>#<action>#<subject>}, so a round's log
 * is one query in time order, and each entry is put once ({@code attribute_not_exists}) and never changed.
 */
final class AuditItem {

    private AuditItem() {
    }

    static String partition(String round) {
        return "AUDIT#" + round;
    }

    static Map<String, AttributeValue> toItem(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(partition(entry.round())));
        item.put(Keys.SK, s(entry.at() + "#" + entry.action() + "#" + entry.subject()));
        item.put("type", s("AUDIT"));
        item.put("round", s(entry.round()));
        item.put("at", instant(entry.at()));
        item.put("actor", s(entry.actor()));
        item.put("action", s(entry.action().name()));
        item.put("subject", s(entry.subject()));
        entry.trust().ifPresent(ods -> item.put("ods", s(ods)));
        item.put("reason", s(entry.reason()));
        return item;
    }

    static AuditEntry fromItem(Map<String, AttributeValue> item) {
        return new AuditEntry(
                Attributes.string(item, "round"),
                Attributes.instant(item, "at"),
                Attributes.string(item, "actor"),
                AuditAction.valueOf(Attributes.string(item, "action")),
                Attributes.string(item, "subject"),
                Attributes.optionalString(item, "ods"),
                Attributes.string(item, "reason"));
    }
}
