package nhssm.local.dynamodb.engine.stream;

import static nhssm.local.dynamodb.engine.stream.StreamsFixture.insert;
import static nhssm.local.dynamodb.engine.stream.StreamsFixture.json;
import static nhssm.local.dynamodb.engine.stream.StreamsFixture.modify;
import static nhssm.local.dynamodb.engine.stream.StreamsFixture.remove;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.Bytes;

/** The records GetRecords returns: their shape, images per view type, sequence numbers, TTL deletions. */
class StreamRecordsTest {

    private final StreamsFixture f = new StreamsFixture();

    private List<JsonNode> readAll(String arn) {
        return f.readAll(arn, 1000);
    }

    @Test
    void anInsertAModifyAndARemoveAreRecordsOfTheServicesShape() {
        String arn = f.enable("T", "NEW_AND_OLD_IMAGES").arn();
        f.commit("T", insert("a", 1));
        f.commit("T", modify("a", 1, 2));
        f.commit("T", remove("a", 2));

        List<JsonNode> records = readAll(arn);

        assertThat(records).extracting(r -> r.get("eventName").asText()).containsExactly("INSERT", "MODIFY", "REMOVE");
        JsonNode modify = records.get(1);
        assertThat(modify.get("eventVersion").asText()).isEqualTo("1.1");
        assertThat(modify.get("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(modify.get("awsRegion").asText()).isEqualTo("eu-west-2");
        assertThat(modify.get("eventID").asText()).matches("[0-9a-f]{32}");
        assertThat(modify.has("userIdentity")).isFalse();
        JsonNode dynamodb = modify.get("dynamodb");
        assertThat(dynamodb.get("ApproximateCreationDateTime").isIntegralNumber()).isTrue();
        assertThat(dynamodb.get("ApproximateCreationDateTime").longValue()).isEqualTo(f.clock.instant().getEpochSecond());
        assertThat(dynamodb.get("Keys")).isEqualTo(json("{\"pk\":{\"S\":\"a\"}}"));
        assertThat(dynamodb.get("OldImage")).isEqualTo(json("{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"}}"));
        assertThat(dynamodb.get("NewImage")).isEqualTo(json("{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"2\"}}"));
        assertThat(dynamodb.get("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
        // keys: "pk" + "a" = 3; each image: 3 + "n" + a one-digit number (1 byte + 1) = 6
        assertThat(dynamodb.get("SizeBytes").longValue()).isEqualTo(15);
        assertThat(records.get(0).get("dynamodb").has("OldImage")).isFalse();
        assertThat(records.get(2).get("dynamodb").has("NewImage")).isFalse();
        assertThat(records).extracting(r -> r.get("eventID").asText()).doesNotHaveDuplicates();
    }

    @Test
    void sequenceNumbersAreDigitStringsIncreasingInTheShard() {
        String arn = f.enable("T", "KEYS_ONLY").arn();
        for (int i = 0; i < 20; i++) {
            f.commit("T", insert("k" + i, i));
        }
        List<BigInteger> numbers = readAll(arn).stream()
                .map(r -> r.get("dynamodb").get("SequenceNumber").asText())
                .peek(s -> assertThat(s).matches("[0-9]{21,40}"))
                .map(BigInteger::new).toList();
        assertThat(numbers).hasSize(20).isSorted().doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @CsvSource({"KEYS_ONLY,false,false", "NEW_IMAGE,true,false", "OLD_IMAGE,false,true", "NEW_AND_OLD_IMAGES,true,true"})
    void theViewTypeDecidesTheImages(String viewType, boolean newImage, boolean oldImage) {
        String arn = f.enable("T", viewType).arn();
        f.commit("T", modify("a", 1, 2));

        JsonNode dynamodb = readAll(arn).getFirst().get("dynamodb");

        assertThat(dynamodb.has("Keys")).isTrue();
        assertThat(dynamodb.has("NewImage")).isEqualTo(newImage);
        assertThat(dynamodb.has("OldImage")).isEqualTo(oldImage);
        assertThat(dynamodb.get("StreamViewType").asText()).isEqualTo(viewType);
        assertThat(f.describe(arn).get("StreamViewType").asText()).isEqualTo(viewType);
    }

    @Test
    void aTtlDeletionCarriesTheServicesIdentity() {
        String arn = f.enable("T", "NEW_AND_OLD_IMAGES").arn();
        f.commit("T", insert("a", 1));
        f.streams.committed("T", f.clock.instant(), List.of(remove("a", 1)), true);

        List<JsonNode> records = readAll(arn);

        assertThat(records.get(0).has("userIdentity")).isFalse();
        assertThat(records.get(1).get("eventName").asText()).isEqualTo("REMOVE");
        assertThat(records.get(1).get("userIdentity"))
                .isEqualTo(json("{\"PrincipalId\":\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}"));
    }

    @Test
    void aTransactionsItemsAreOneRecordEach() {
        String arn = f.enable("T", "NEW_IMAGE").arn();
        f.commit("T", insert("a", 1), insert("b", 2), modify("c", 3, 4));

        assertThat(StreamsFixture.numbers(readAll(arn))).containsExactly(1, 2, 4);
    }

    @Test
    void everyAttributeTypeIsWrittenInDynamoDbJson() {
        String arn = f.enable("T", "NEW_IMAGE").arn();
        Map<String, AttributeValue> item = Map.of(
                "pk", new AttributeValue.S("a"),
                "n", new AttributeValue.N(new BigDecimal("12.500")),
                "b", new AttributeValue.B(Bytes.of(new byte[] {1, 2, (byte) 255})),
                "ss", new AttributeValue.SS(Set.of("x")),
                "ns", new AttributeValue.NS(Set.of(new BigDecimal("1E+2"))),
                "bs", new AttributeValue.BS(Set.of(Bytes.of(new byte[] {0}))),
                "m", new AttributeValue.M(Map.of("inner", new AttributeValue.Bool(true))),
                "l", new AttributeValue.L(List.of(new AttributeValue.Null(), new AttributeValue.S(""))),
                "empty", new AttributeValue.M(Map.of()));
        f.commit("T", new ItemChange(StreamsFixture.key("a"), Optional.empty(), Optional.of(item)));

        assertThat(readAll(arn).getFirst().get("dynamodb").get("NewImage")).isEqualTo(json("""
                {"pk":{"S":"a"},"n":{"N":"12.5"},"b":{"B":"AQL/"},"ss":{"SS":["x"]},"ns":{"NS":["100"]},
                 "bs":{"BS":["AA=="]},"m":{"M":{"inner":{"BOOL":true}}},"l":{"L":[{"NULL":true},{"S":""}]},
                 "empty":{"M":{}}}"""));
    }

    @Test
    void aTableWithoutAStreamRecordsNothingAndOthersAreNotMixedIn() {
        String arn = f.enable("T", "KEYS_ONLY").arn();
        f.commit("Other", insert("x", 1));
        f.commit("T", insert("a", 1));

        assertThat(readAll(arn)).extracting(r -> r.get("dynamodb").get("Keys").get("pk").get("S").asText())
                .containsExactly("a");
    }
}
