package nhssm.collect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.token.Scope;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import nhssm.core.token.TokenSecret;
import nhssm.core.trust.TrustRegister;
import nhssm.http.Json;
import nhssm.http.testing.HttpApiEvent;
import nhssm.local.dynamodb.LocalDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One collect handler on a fresh table of a shared DynamoDB engine, at a fixed time inside the
 * 2026 round's window, with helpers to issue tokens and to read what the table holds.
 */
final class CollectFixture {

    static final Instant DURING_ROUND = Instant.parse("2026-11-24T10:00:00Z");
    static final String ADMIN_TOKEN = "test-admin-token";

    final LocalDynamoDb dynamo;
    final String table;
    final DynamoDbSurveyStore store;
    final CollectHandler handler;
    final Instant now;

    CollectFixture(LocalDynamoDb dynamo, Instant now) {
        this(dynamo, now, ADMIN_TOKEN);
    }

    CollectFixture(LocalDynamoDb dynamo, Instant now, String adminToken) {
        this.dynamo = dynamo;
        this.table = dynamo.newTable();
        this.store = new DynamoDbSurveyStore(dynamo.client(), table);
        this.now = now;
        this.handler = new CollectHandler(new CollectApi(store, TrustRegister.bundled(),
                Clock.fixed(now, ZoneOffset.UTC), new SecureRandom(), Optional.of(TokenHash.of(adminToken))));
    }

    CollectFixture(LocalDynamoDb dynamo) {
        this(dynamo, DURING_ROUND);
    }

    APIGatewayV2HTTPResponse send(HttpApiEvent request) {
        return send(request.build());
    }

    APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    /** Stores a grant for a new token and returns the token. */
    String token(String odsCode, Scope scope) {
        return token(odsCode, scope, Instant.parse("2027-12-31T00:00:00Z"));
    }

    String token(String odsCode, Scope scope, Instant expiresAt) {
        TokenSecret secret = TokenSecret.generate(new SecureRandom());
        store.saveToken(new TokenGrant(secret.hash(), "2026", odsCode, scope, now, expiresAt));
        return secret.value();
    }

    /** Stores a grant for a token whose value is known in advance (the ones in events/). */
    void grant(String token, String odsCode, Scope scope) {
        store.saveToken(new TokenGrant(TokenHash.of(token), "2026", odsCode, scope, now,
                Instant.parse("2027-12-31T00:00:00Z")));
    }

    /** Every item in the table, to check what was and was not written. */
    List<Map<String, AttributeValue>> items() {
        return dynamo.client().scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream().toList();
    }

    /** The items whose sort key starts with {@code prefix} (RESP#, REV#, OFFICIAL, TOKEN, IDEMP). */
    List<Map<String, AttributeValue>> items(String sortKeyPrefix) {
        return items().stream().filter(i -> i.get("sk").s().startsWith(sortKeyPrefix)).toList();
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("response body is not JSON: " + response.getBody(), e);
        }
    }
}
