package nhssm.local.stream;

import static nhssm.local.stream.StreamFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Lambda event filtering, operator by operator, on literal JSON. */
class EventFilterTest {

    /** A record shaped like a DynamoDB stream record of a response item. */
    private static final JsonNode RECORD = json("""
            {"eventName":"MODIFY","eventSource":"aws:dynamodb","awsRegion":"eu-west-2",
             "dynamodb":{
               "Keys":{"pk":{"S":"ROUND#2026#TRUST#RXX"},"sk":{"S":"RESP#0001"}},
               "NewImage":{"pk":{"S":"ROUND#2026#TRUST#RXX"},"sk":{"S":"RESP#0001"},"kind":{"S":"OFFICIAL"},
                           "version":{"N":"3"},"submitted":{"BOOL":true},"note":{"NULL":true},"empty":{"S":""},
                           "tags":{"SS":["blue","green"]},"file":{"S":"report.PNG"}},
               "OldImage":{"version":{"N":"2"}},
               "SizeBytes":120,"SequenceNumber":"000000000000000000007"}}
            """);

    private static boolean matches(String... patterns) {
        return EventFilter.compile(Arrays.stream(patterns).map(StreamFixtures::json).toList()).matches(RECORD);
    }

    private static String newImage(String attribute, String type, String rules) {
        return "{\"dynamodb\":{\"NewImage\":{\"" + attribute + "\":{\"" + type + "\":" + rules + "}}}}";
    }

    @Test
    void noPatterns_shouldAcceptEverything() {
        EventFilter filter = EventFilter.compile(List.of());
        assertThat(filter.acceptsAll()).isTrue();
        assertThat(filter.matches(RECORD)).isTrue();
    }

    @Test
    void exactValues_shouldMatchAnyListedValue() {
        assertThat(matches("{\"eventName\":[\"MODIFY\"]}")).isTrue();
        assertThat(matches("{\"eventName\":[\"INSERT\",\"MODIFY\"]}")).isTrue();
        assertThat(matches("{\"eventName\":[\"INSERT\",\"REMOVE\"]}")).isFalse();
        assertThat(matches("{\"eventName\":[\"modify\"]}")).as("case matters").isFalse();
        assertThat(matches("{\"dynamodb\":{\"SizeBytes\":[120]}}")).isTrue();
        assertThat(matches("{\"dynamodb\":{\"SizeBytes\":[120.0]}}")).as("numbers compare as numbers").isTrue();
        assertThat(matches("{\"dynamodb\":{\"SizeBytes\":[\"120\"]}}")).as("a string is not a number").isFalse();
        assertThat(matches(newImage("submitted", "BOOL", "[true]"))).isTrue();
        assertThat(matches(newImage("submitted", "BOOL", "[false]"))).isFalse();
    }

    @Test
    void nullAndEmpty_shouldMatchOnlyPresentNullOrEmptyValues() {
        assertThat(matches("{\"dynamodb\":{\"NewImage\":{\"empty\":{\"S\":[\"\"]}}}}")).isTrue();
        assertThat(matches("{\"dynamodb\":{\"NewImage\":{\"kind\":{\"S\":[\"\"]}}}}")).isFalse();
        JsonNode withNull = json("{\"a\":null}");
        assertThat(EventFilter.compile(List.of(json("{\"a\":[null]}"))).matches(withNull)).isTrue();
        assertThat(EventFilter.compile(List.of(json("{\"b\":[null]}"))).matches(withNull))
                .as("a missing field is not null").isFalse();
    }

    @Test
    void fieldsOfAPattern_shouldAllMatch_andPatternsAnyMatch() {
        assertThat(matches("{\"eventName\":[\"MODIFY\"],\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"prefix\":\"RESP#\"}]}}}}"))
                .isTrue();
        assertThat(matches("{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"prefix\":\"RESP#\"}]}}}}"))
                .isFalse();
        assertThat(matches("{\"eventName\":[\"INSERT\"]}", "{\"eventName\":[\"MODIFY\"]}")).isTrue();
        assertThat(matches("{\"eventName\":[\"INSERT\"]}", "{\"eventName\":[\"REMOVE\"]}")).isFalse();
    }

    @Test
    void prefix_shouldMatchTheStartOfAString() {
        assertThat(matches("{\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"prefix\":\"RESP#\"}]}}}}")).isTrue();
        assertThat(matches("{\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"prefix\":\"REV#\"}]}}}}")).isFalse();
        assertThat(matches("{\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"prefix\":\"resp#\"}]}}}}")).isFalse();
        assertThat(matches("{\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"prefix\":{\"equals-ignore-case\":\"resp#\"}}]}}}}"))
                .isTrue();
        assertThat(matches("{\"dynamodb\":{\"SizeBytes\":[{\"prefix\":\"12\"}]}}")).as("strings only").isFalse();
    }

    @Test
    void suffix_shouldMatchTheEndOfAString() {
        assertThat(matches(newImage("file", "S", "[{\"suffix\":\".PNG\"}]"))).isTrue();
        assertThat(matches(newImage("file", "S", "[{\"suffix\":\".png\"}]"))).isFalse();
        assertThat(matches(newImage("file", "S", "[{\"suffix\":{\"equals-ignore-case\":\".png\"}}]"))).isTrue();
        assertThat(matches(newImage("file", "S", "[{\"suffix\":\"a-much-longer-suffix-than-the-value.PNG\"}]"))).isFalse();
    }

    @Test
    void equalsIgnoreCase_shouldMatchStringsInAnyCase() {
        assertThat(matches(newImage("kind", "S", "[{\"equals-ignore-case\":\"official\"}]"))).isTrue();
        assertThat(matches(newImage("kind", "S", "[{\"equals-ignore-case\":\"individual\"}]"))).isFalse();
    }

    @Test
    void anythingBut_shouldMatchAPresentValueThatIsNoneOfThem() {
        assertThat(matches("{\"eventName\":[{\"anything-but\":\"REMOVE\"}]}")).isTrue();
        assertThat(matches("{\"eventName\":[{\"anything-but\":[\"INSERT\",\"MODIFY\"]}]}")).isFalse();
        assertThat(matches("{\"dynamodb\":{\"SizeBytes\":[{\"anything-but\":[100,120]}]}}")).isFalse();
        assertThat(matches("{\"dynamodb\":{\"SizeBytes\":[{\"anything-but\":100}]}}")).isTrue();
        assertThat(matches("{\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"anything-but\":{\"prefix\":\"REV#\"}}]}}}}")).isTrue();
        assertThat(matches("{\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"anything-but\":{\"prefix\":\"RESP#\"}}]}}}}")).isFalse();
        assertThat(matches("{\"userIdentity\":{\"type\":[{\"anything-but\":\"Service\"}]}}"))
                .as("a missing field is not 'anything but'").isFalse();
    }

    @Test
    void numeric_shouldCompareNumbers_includingDynamoDbNumberStrings() {
        assertThat(matches("{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\">\",100]}]}}")).isTrue();
        assertThat(matches("{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\">\",100,\"<=\",120]}]}}")).isTrue();
        assertThat(matches("{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\">\",100,\"<\",120]}]}}")).isFalse();
        assertThat(matches("{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\"=\",120]}]}}")).isTrue();
        assertThat(matches("{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\">=\",121]}]}}")).isFalse();
        assertThat(matches(newImage("version", "N", "[{\"numeric\":[\">=\",3]}]"))).isTrue();
        assertThat(matches(newImage("version", "N", "[{\"numeric\":[\"<\",3]}]"))).isFalse();
        assertThat(matches(newImage("kind", "S", "[{\"numeric\":[\">\",0]}]"))).as("not a number").isFalse();
    }

    @Test
    void exists_shouldTestLeavesOnly() {
        assertThat(matches(newImage("kind", "S", "[{\"exists\":true}]"))).isTrue();
        assertThat(matches(newImage("missing", "S", "[{\"exists\":true}]"))).isFalse();
        assertThat(matches(newImage("missing", "S", "[{\"exists\":false}]"))).isTrue();
        assertThat(matches(newImage("kind", "S", "[{\"exists\":false}]"))).isFalse();
        assertThat(matches("{\"dynamodb\":{\"NewImage\":{\"kind\":[{\"exists\":true}]}}}"))
                .as("{\"S\":…} is an object, not a leaf").isFalse();
        assertThat(matches(newImage("tags", "SS", "[{\"exists\":true}]"))).isTrue();
        assertThat(matches("{\"userIdentity\":[{\"exists\":false}]}")).isTrue();
    }

    @Test
    void arraysInTheRecord_shouldMatchIfAnyElementMatches() {
        assertThat(matches(newImage("tags", "SS", "[\"green\"]"))).isTrue();
        assertThat(matches(newImage("tags", "SS", "[\"red\"]"))).isFalse();
        assertThat(matches(newImage("tags", "SS", "[{\"prefix\":\"bl\"}]"))).isTrue();
    }

    @Test
    void or_shouldMatchIfAnyAlternativeMatches() {
        assertThat(matches("{\"$or\":[{\"eventName\":[\"INSERT\"]},{\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"prefix\":\"RESP#\"}]}}}}]}"))
                .isTrue();
        assertThat(matches("{\"$or\":[{\"eventName\":[\"INSERT\"]},{\"eventName\":[\"REMOVE\"]}]}")).isFalse();
        assertThat(matches("{\"dynamodb\":{\"$or\":[{\"SizeBytes\":[1]},{\"SequenceNumber\":[\"000000000000000000007\"]}]}}"))
                .as("nested $or").isTrue();
        assertThat(matches("{\"eventName\":[\"MODIFY\"],\"$or\":[{\"awsRegion\":[\"us-east-1\"]},{\"awsRegion\":[\"eu-west-2\"]}]}"))
                .isTrue();
    }

    @Test
    void nestedPatterns_shouldNotMatchWhereTheRecordHasNoSuchObject() {
        assertThat(matches("{\"dynamodb\":{\"OldImage\":{\"kind\":{\"S\":[\"OFFICIAL\"]}}}}")).isFalse();
        assertThat(matches("{\"dynamodb\":{\"OldImage\":{\"version\":{\"N\":[\"2\"]}}}}")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":[{\"wildcard\":\"x*\"}]}",
            "{\"a\":[{\"cidr\":\"10.0.0.0/8\"}]}",
            "{\"a\":[{\"anything-but\":{\"suffix\":\".png\"}}]}",
            "{\"a\":[{\"anything-but\":{\"equals-ignore-case\":\"x\"}}]}"})
    void unsupportedOperators_shouldBeRefusedByName(String pattern) {
        String operator = pattern.replaceAll(".*\\{\"([a-z-]+)\":\"[^\"]*\"}.*", "$1");
        assertThatThrownBy(() -> EventFilter.compile(List.of(json("{\"eventName\":[\"INSERT\"]}"), json(pattern))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("FilterCriteria pattern 2: at a: unsupported ")
                .hasMessageContaining("\"" + operator + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            "{\"a\":\"INSERT\"}",
            "{\"a\":[]}",
            "{\"a\":[[\"x\"]]}",
            "{\"a\":[{\"prefix\":1}]}",
            "{\"a\":[{\"exists\":\"yes\"}]}",
            "{\"a\":[{\"numeric\":[\">\"]}]}",
            "{\"a\":[{\"numeric\":[\"!=\",1]}]}",
            "{\"a\":[{\"numeric\":[\">\",\"1\"]}]}",
            "{\"a\":[{\"numeric\":[\"=\",1,\"<\",2]}]}",
            "{\"a\":[{\"prefix\":\"x\",\"suffix\":\"y\"}]}",
            "{\"$or\":[{\"a\":[\"x\"]}]}",
            "{}"})
    void malformedPatterns_shouldBeRefused(String pattern) {
        assertThatThrownBy(() -> EventFilter.compile(List.of(json(pattern))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("FilterCriteria pattern 1: ");
    }
}
