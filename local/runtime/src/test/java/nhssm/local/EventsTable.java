package nhssm.local;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nhssm.core.reconcile.Reconciliation;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoredResponse;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.token.Scope;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import nhssm.local.dynamodb.TemplateTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The state the files in events/ expect (events/README.md): their tokens, response and RJ1's reconciled record. */
final class EventsTable {

    static final String LEAD = "events-lead-token-RJ1-2026-do-not-use-in-production";
    static final String STAFF = "events-staff-token-RJ1-2026-do-not-use-in-production";
    static final String ADMIN = "events-admin-token-do-not-use-in-production";
    static final String RESPONSE_ID = "6f1c2a9e-3b7d-4c55-9e2a-0d4b8c7f1a23";
    static final Instant DURING_ROUND = Instant.parse("2026-11-24T09:00:00Z");
    static final String TABLE = "SurveyTable";

    private EventsTable() {
    }

    /** SurveyTable as the template declares it, with the event files' tokens and (if asked) their response. */
    static void fresh(DynamoDbClient client, boolean withResponse) {
        try {
            client.deleteTable(b -> b.tableName(TABLE));
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
            // first use
        }
        TemplateTable.surveyTable().createIn(client, TABLE);
        DynamoDbSurveyStore store = new DynamoDbSurveyStore(client, TABLE);
        Instant expires = DURING_ROUND.plusSeconds(365L * 86400);
        store.saveToken(new TokenGrant(TokenHash.of(LEAD), "2026", "RJ1", Scope.LEAD, DURING_ROUND, expires));
        store.saveToken(new TokenGrant(TokenHash.of(STAFF), "2026", "RJ1", Scope.STAFF, DURING_ROUND, expires));
        if (!withResponse) {
            return;
        }
        Instant before = DURING_ROUND.minusSeconds(3600);
        store.create(new StoredResponse(new ResponseKey("2026", "RJ1", RESPONSE_ID), ResponseKind.OFFICIAL,
                ResponseStatus.DRAFT, 1, "2026.1", Answers.NONE, before, before, null), Optional.empty());
    }

    /** RJ1's submitted official return (no answers, so no consent to publish) and its reconciled record. */
    static void rj1HasAnAggregatedOfficialReturn(DynamoDbClient client) {
        Instant before = DURING_ROUND.minusSeconds(3600);
        StoredResponse submitted = new StoredResponse(new ResponseKey("2026", "RJ1", RESPONSE_ID), ResponseKind.OFFICIAL,
                ResponseStatus.SUBMITTED, 1, "2026.1", Answers.NONE, before, before, before);
        new DynamoDbSurveyStore(client, TABLE).create(submitted, Optional.empty());
        var definition = SurveyDefinitions.forRound("2026").orElseThrow();
        new DynamoDbTrustRecordStore(client, TABLE).putRecord(Reconciliation.reconcile(definition, List.of(submitted), 1), 0);
    }
}
