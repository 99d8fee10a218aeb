package nhssm.report.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.core.token.Scope;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import nhssm.core.token.TokenSecret;
import nhssm.core.trust.TrustRegister;
import nhssm.http.Json;
import nhssm.http.testing.HttpApiEvent;
import nhssm.local.dynamodb.LocalDynamoDb;

/**
 * One report handler on a fresh table of a shared DynamoDB engine, after the 2026 round, with
 * helpers to store trust records and issue tokens as the other functions would.
 */
final class ReportFixture {

    static final Instant AFTER_ROUND = Instant.parse("2027-02-01T10:00:00Z");
    static final String ADMIN_TOKEN = "test-admin-token";

    final String table;
    final DynamoDbSurveyStore tokens;
    final DynamoDbTrustRecordStore records;
    final ReportHandler handler;

    ReportFixture(LocalDynamoDb dynamo) {
        this(dynamo, ReportApi.LAMBDA_RESPONSE_LIMIT);
    }

    ReportFixture(LocalDynamoDb dynamo, long maxResponseBytes) {
        this.table = dynamo.newTable();
        this.tokens = new DynamoDbSurveyStore(dynamo.client(), table);
        this.records = new DynamoDbTrustRecordStore(dynamo.client(), table);
        this.handler = new ReportHandler(new ReportApi(tokens, records, TrustRegister.bundled(),
                Clock.fixed(AFTER_ROUND, ZoneOffset.UTC), Optional.of(TokenHash.of(ADMIN_TOKEN)), "1",
                maxResponseBytes));
    }

    APIGatewayV2HTTPResponse send(HttpApiEvent request) {
        return handler.handleRequest(request.build(), null);
    }

    /** Stores a trust's record as the aggregate function would (a first version). */
    TrustRecord store(TrustRecord record) {
        if (!records.putRecord(record, 0)) {
            throw new IllegalStateException("a record for " + record.odsCode() + " is stored already");
        }
        return record;
    }

    /** Stores a grant for a new token for the 2026 round and returns the token. */
    String token(String odsCode, Scope scope) {
        return token(odsCode, scope, "2026", AFTER_ROUND.plusSeconds(86400 * 300L));
    }

    String token(String odsCode, Scope scope, String round, Instant expiresAt) {
        TokenSecret secret = TokenSecret.generate(new SecureRandom());
        tokens.saveToken(new TokenGrant(secret.hash(), round, odsCode, scope, AFTER_ROUND.minusSeconds(86400 * 90L),
                expiresAt));
        return secret.value();
    }

    static byte[] body(APIGatewayV2HTTPResponse response) {
        return response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("response body is not JSON: " + response.getBody(), e);
        }
    }
}
