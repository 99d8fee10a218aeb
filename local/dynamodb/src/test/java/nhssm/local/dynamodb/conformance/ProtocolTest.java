package nhssm.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DynamoDB's JSON 1.0 protocol as raw HTTP: the health check, authentication, unknown operations and error bodies. */
class ProtocolTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";

    private static RawHttp http;

    @BeforeAll
    static void connect() {
        http = new RawHttp(ENGINE.endpoint());
    }

    @AfterAll
    static void disconnect() {
        http.close();
    }

    @Test
    void get_shouldBeAnswered_healthy() {
        RawHttp.Response response = http.get("/");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).startsWith("healthy:");
    }

    @Test
    void post_shouldAnswerJson10_withARequestId() {
        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "ListTables", "{}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().has("TableNames")).isTrue();
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-amz-json-1.0"));
        assertThat(response.header("x-amzn-RequestId")).hasValueSatisfying(id -> assertThat(id).isNotBlank());
    }

    @Test
    void post_shouldRefuse_aRequestWithoutAnAuthorizationHeader() {
        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "ListTables", "{}".getBytes(StandardCharsets.UTF_8), false);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException");
        assertThat(response.errorMessage()).isEqualTo("Request is missing Authentication Token");
    }

    @Test
    void post_shouldRefuse_anUnknownOperation() {
        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "FrobnicateTable", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
    }

    @Test
    void post_shouldRefuse_anUnknownStreamsOperation() {
        RawHttp.Response response = http.post(RawHttp.STREAMS + "FrobnicateStream", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
    }

    @Test
    void post_shouldRefuse_anUnknownServicePrefix() {
        RawHttp.Response response = http.post("DynamoDB_20990101.ListTables", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
    }

    @Test
    void post_shouldRefuse_malformedJson_asASerializationError() {
        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "ListTables", "{\"Limit\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("com.amazon.coral.service#SerializationException");
    }

    @Test
    void post_shouldRefuse_aMemberOfTheWrongJsonType_asASerializationError() {
        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "ListTables", "{\"Limit\": {\"nested\": true}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("com.amazon.coral.service#SerializationException");
    }

    @Test
    void post_shouldAnswerValidationErrors_withTheCoralValidateType() {
        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "ListTables", "{\"Limit\": 0}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo(VALIDATION);
        assertThat(response.errorMessage()).isNotBlank();
        assertThat(response.header("x-amzn-RequestId")).isPresent();
    }

    @Test
    void post_shouldAnswerAMissingTable_withTheDynamoDbResourceNotFoundType() {
        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "DescribeTable",
                "{\"TableName\": \"" + EngineExtension.newTableName() + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException");
        assertThat(response.errorMessage()).startsWith("Requested resource not found");
    }

    @Test
    void post_shouldRefuse_anAttributeValueWithNoType() {
        String table = Tables.hashKeyTable(ENGINE.dynamo());

        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "PutItem",
                "{\"TableName\": \"" + table + "\", \"Item\": {\"pk\": {\"S\": \"a\"}, \"v\": {}}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo(VALIDATION);
    }

    @Test
    void post_shouldRefuse_anAttributeValueWithTwoTypes() {
        String table = Tables.hashKeyTable(ENGINE.dynamo());

        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "PutItem",
                "{\"TableName\": \"" + table + "\", \"Item\": {\"pk\": {\"S\": \"a\"}, \"v\": {\"S\": \"x\", \"N\": \"1\"}}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo(VALIDATION);
    }

    @Test
    void post_shouldRefuse_aValueOutsideAnEnum_namingTheParameter() {
        String table = Tables.hashKeyTable(ENGINE.dynamo());

        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "PutItem",
                "{\"TableName\": \"" + table + "\", \"Item\": {\"pk\": {\"S\": \"a\"}}, \"ReturnValues\": \"BOGUS\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo(VALIDATION);
        assertThat(response.errorMessage()).contains("returnValues").contains("BOGUS");
    }

    @Test
    void post_shouldRefuse_aMissingRequiredParameter() {
        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "GetItem", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo(VALIDATION);
    }
}
