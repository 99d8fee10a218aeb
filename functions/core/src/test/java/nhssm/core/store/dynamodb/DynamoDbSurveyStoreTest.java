package nhssm.core.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nhssm.core.response.Answer;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.CreateResult;
import nhssm.core.store.IdempotencyRecord;
import nhssm.core.store.ReplaceResult;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoreUnavailableException;
import nhssm.core.store.StoredResponse;
import nhssm.core.token.Scope;
import nhssm.core.token.StoredToken;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The store against the DynamoDB engine over loopback: every item kind and every conditional outcome. */
class DynamoDbSurveyStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private String table;
    private DynamoDbSurveyStore store;

    @BeforeEach
    void freshTable() {
        table = DYNAMO.dynamo().newTable();
        store = new DynamoDbSurveyStore(DYNAMO.dynamo().client(), table);
    }

    private static StoredResponse response(ResponseKind kind, Answers answers) {
        return new StoredResponse(new ResponseKey("2026", "RJ1", UUID.randomUUID().toString()), kind,
                ResponseStatus.DRAFT, 1, "2026.1", answers, T0, T0, null);
    }

    /** One answer of every kind, including text that is neither ASCII nor in the Basic Multilingual Plane. */
    private static Answers everyKind() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("Q02", new Answer.Code("CEO"));
        answers.put("Q06", new Answer.Codes(List.of("X_TWITTER", "BLUESKY")));
        answers.put("Q07", new Answer.WholeNumber(12));
        answers.put("Q15", new Answer.Code("NOT_APPLICABLE"));
        answers.put("Q18", new Answer.ScalePoint(4));
        answers.put("Q30", new Answer.DecimalNumber(new BigDecimal("2.5")));
        answers.put("Q42", new Answer.Text("ŵ ŷ 👩‍⚕️\nline two"));
        return new Answers(answers);
    }

    @Test
    void create_shouldStoreEveryAnswerKindAndReadItBackEqual_whenNew() {
        StoredResponse r = response(ResponseKind.OFFICIAL, everyKind());

        CreateResult result = store.create(r, Optional.empty());

        assertThat(result).isEqualTo(new CreateResult.Created(r));
        assertThat(store.find(r.key())).contains(r);
    }

    @Test
    void create_shouldStoreAnswersInTheirNaturalAttributeTypes_soTheTableReadsPlainly() {
        StoredResponse r = response(ResponseKind.OFFICIAL, everyKind());
        store.create(r, Optional.empty());

        Map<String, AttributeValue> answers = item("ROUND#2026#TRUST#RJ1", "RESP#" + r.key().id()).get("answers").m();

        assertThat(answers.get("Q02").s()).isEqualTo("CEO");
        assertThat(answers.get("Q06").l()).extracting(AttributeValue::s).containsExactly("X_TWITTER", "BLUESKY");
        assertThat(answers.get("Q07").n()).isEqualTo("12");
        assertThat(answers.get("Q18").n()).isEqualTo("4");
        assertThat(answers.get("Q30").n()).isEqualTo("2.5");
        assertThat(answers.get("Q42").s()).isEqualTo("ŵ ŷ 👩‍⚕️\nline two");
    }

    @Test
    void create_shouldWriteTheFirstRevision_whenNew() {
        StoredResponse r = response(ResponseKind.INDIVIDUAL, everyKind());

        store.create(r, Optional.empty());

        Map<String, AttributeValue> revision = item("ROUND#2026#TRUST#RJ1", "REV#" + r.key().id() + "#0000000001");
        assertThat(revision.get("type").s()).isEqualTo("REVISION");
        assertThat(revision.get("version").n()).isEqualTo("1");
    }

    @Test
    void create_shouldReportTheExistingOneAndWriteNothing_whenTheTrustHasAnOfficialReturnAlready() {
        StoredResponse first = response(ResponseKind.OFFICIAL, Answers.NONE);
        store.create(first, Optional.empty());
        StoredResponse second = response(ResponseKind.OFFICIAL, everyKind());

        CreateResult result = store.create(second, Optional.empty());

        assertThat(result).isEqualTo(new CreateResult.OfficialExists(first.key().id()));
        assertThat(store.find(second.key())).isEmpty();
    }

    @Test
    void create_shouldAllowManyIndividualResponses_forOneTrust() {
        for (int i = 0; i < 3; i++) {
            assertThat(store.create(response(ResponseKind.INDIVIDUAL, Answers.NONE), Optional.empty()))
                    .isInstanceOf(CreateResult.Created.class);
        }
    }

    @Test
    void create_shouldReturnTheOriginalRecordAndWriteNothing_whenTheIdempotencyKeyWasUsed() {
        IdempotencyRecord record = new IdempotencyRecord("a".repeat(64), "f1", 201, "/x/1", "{\"id\":1}", T0.plusSeconds(86400));
        StoredResponse first = response(ResponseKind.INDIVIDUAL, Answers.NONE);
        store.create(first, Optional.of(record));
        StoredResponse retry = response(ResponseKind.INDIVIDUAL, Answers.NONE);

        CreateResult result = store.create(retry, Optional.of(new IdempotencyRecord("a".repeat(64), "f2", 201, "/x/2", "{}", T0)));

        assertThat(result).isEqualTo(new CreateResult.AlreadyDone(record));
        assertThat(store.find(retry.key())).isEmpty();
        assertThat(item("IDEMP#" + "a".repeat(64), "IDEMP").get("ttl").n())
                .isEqualTo(Long.toString(T0.plusSeconds(86400).getEpochSecond()));
    }

    @Test
    void replace_shouldStoreTheNextVersion_whenTheExpectedVersionIsCurrent() {
        StoredResponse r = response(ResponseKind.OFFICIAL, Answers.NONE);
        store.create(r, Optional.empty());
        StoredResponse next = r.revise(ResponseStatus.SUBMITTED, everyKind(), "2026.1", T0.plusSeconds(60));

        ReplaceResult result = store.replace(next, 1);

        assertThat(result).isEqualTo(new ReplaceResult.Replaced(next));
        assertThat(store.find(r.key())).contains(next);
        assertThat(next.firstSubmitted()).contains(T0.plusSeconds(60));
    }

    @Test
    void replace_shouldReturnTheCurrentStateAndWriteNothing_whenTheVersionIsStale() {
        StoredResponse r = response(ResponseKind.OFFICIAL, Answers.NONE);
        store.create(r, Optional.empty());
        StoredResponse v2 = r.revise(ResponseStatus.DRAFT, everyKind(), "2026.1", T0.plusSeconds(60));
        store.replace(v2, 1);

        ReplaceResult result = store.replace(r.revise(ResponseStatus.SUBMITTED, Answers.NONE, "2026.1", T0.plusSeconds(90)), 1);

        assertThat(result).isEqualTo(new ReplaceResult.StaleVersion(v2));
    }

    @Test
    void replace_shouldSayNotFound_whenThereIsNoSuchResponse() {
        StoredResponse never = response(ResponseKind.OFFICIAL, Answers.NONE);

        assertThat(store.replace(never.revise(ResponseStatus.DRAFT, Answers.NONE, "2026.1", T0), 1))
                .isEqualTo(new ReplaceResult.NotFound());
    }

    @Test
    void findToken_shouldReturnTheGrant_whenFoundByHash() {
        TokenGrant grant = new TokenGrant(TokenHash.of("secret"), "2026", "RJ1", Scope.LEAD, T0, T0.plusSeconds(3600));
        store.saveToken(grant);

        assertThat(store.findToken(TokenHash.of("secret"))).contains(StoredToken.issued(grant));
        assertThat(store.findToken(TokenHash.of("other"))).isEmpty();
        assertThat(item("TOKEN#" + TokenHash.of("secret").hex(), "TOKEN").get("ttl").n())
                .isEqualTo(Long.toString(T0.plusSeconds(3600).getEpochSecond()));
    }

    @Test
    void anyCall_shouldRaiseStoreUnavailable_whenTheTableDoesNotExist() {
        DynamoDbSurveyStore missing = new DynamoDbSurveyStore(DYNAMO.dynamo().client(), "no-such-table");

        assertThatThrownBy(() -> missing.findToken(TokenHash.of("x"))).isInstanceOf(StoreUnavailableException.class);
    }

    private Map<String, AttributeValue> item(String pk, String sk) {
        DynamoDbClient client = DYNAMO.dynamo().client();
        return client.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))
                .consistentRead(true)).item();
    }
}
