package nhssm.local.dynamodb.engine.stream;

import static nhssm.local.dynamodb.engine.stream.StreamsFixture.insert;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;

/** Each refusal names what is wrong and what would be accepted, with the service's error type. */
class StreamErrorsTest {

    private final StreamsFixture f = new StreamsFixture();
    private String arn;
    private String shard;

    @BeforeEach
    void aStreamWithOneRecord() {
        arn = f.enable("T", "KEYS_ONLY").arn();
        f.commit("T", insert("a", 1));
        shard = f.describe(arn).get("Shards").get(0).get("ShardId").asText();
    }

    private void refused(String operation, String request, ErrorType type, String... inMessage) {
        DynamoDbError error = f.error(operation, request);
        assertThat(error.type()).isEqualTo(type);
        assertThat(error.getMessage()).contains(inMessage);
    }

    @Test
    void limitsOutsideTheirRanges() {
        String iterator = f.iterator(arn, shard, "TRIM_HORIZON");
        refused("GetRecords", "{\"ShardIterator\":\"" + iterator + "\",\"Limit\":0}", ErrorType.VALIDATION,
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        refused("GetRecords", "{\"ShardIterator\":\"" + iterator + "\",\"Limit\":1001}", ErrorType.VALIDATION,
                "Value '1001' at 'limit'", "less than or equal to 1000");
        refused("DescribeStream", "{\"StreamArn\":\"" + arn + "\",\"Limit\":101}", ErrorType.VALIDATION, "less than or equal to 100");
        refused("ListStreams", "{\"Limit\":0}", ErrorType.VALIDATION, "'limit'");
        refused("ListStreams", "{\"TableName\":\"a b\"}", ErrorType.VALIDATION, "'tableName'", "[a-zA-Z0-9_.-]+");
    }

    @Test
    void missingAndMalformedMembers() {
        refused("DescribeStream", "{}", ErrorType.VALIDATION, "Value null at 'streamArn' failed to satisfy constraint: Member must not be null");
        refused("GetShardIterator", "{\"StreamArn\":\"" + arn + "\"}", ErrorType.VALIDATION, "2 validation errors detected",
                "'shardId'", "'shardIteratorType'");
        refused("GetShardIterator", "{\"StreamArn\":\"" + arn + "\",\"ShardId\":\"" + shard + "\",\"ShardIteratorType\":\"OLDEST\"}",
                ErrorType.VALIDATION, "Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]");
        refused("GetRecords", "{}", ErrorType.VALIDATION, "'shardIterator'");
        refused("GetRecords", "{\"ShardIterator\":\"x\",\"Limit\":\"ten\"}", ErrorType.SERIALIZATION, "Limit");
        refused("DescribeStream", "{\"StreamArn\":5}", ErrorType.SERIALIZATION, "StreamArn");
        refused("ListStreams", "[]", ErrorType.SERIALIZATION, "JSON object");
        refused("ListStreams", "{\"ExclusiveStartTableName\":\"T\"}", ErrorType.VALIDATION, "ExclusiveStartTableName",
                "TableName, Limit, ExclusiveStartStreamArn");
        refused("ListStreams", "{\"ExclusiveStartStreamArn\":\"arn:aws:dynamodb:eu-west-2:1:table/T/nothing-here\"}",
                ErrorType.VALIDATION, "ExclusiveStartStreamArn");
    }

    @Test
    void sequenceNumbersThatAreMissingOutOfPlaceOrOutsideTheShard() {
        String request = "{\"StreamArn\":\"" + arn + "\",\"ShardId\":\"" + shard + "\",\"ShardIteratorType\":\"%s\"%s}";
        refused("GetShardIterator", request.formatted("AT_SEQUENCE_NUMBER", ""), ErrorType.VALIDATION,
                "SequenceNumber is required with ShardIteratorType AT_SEQUENCE_NUMBER");
        refused("GetShardIterator", request.formatted("AFTER_SEQUENCE_NUMBER", ""), ErrorType.VALIDATION, "SequenceNumber");
        refused("GetShardIterator", request.formatted("LATEST", ",\"SequenceNumber\":\"100000000000000000001\""),
                ErrorType.VALIDATION, "SequenceNumber", "not with ShardIteratorType LATEST");
        refused("GetShardIterator", request.formatted("AT_SEQUENCE_NUMBER", ",\"SequenceNumber\":\"100000000000000000999\""),
                ErrorType.VALIDATION, "100000000000000000999", "is not a sequence number of shard");
        refused("GetShardIterator", request.formatted("AT_SEQUENCE_NUMBER", ",\"SequenceNumber\":\"999999999999999999999\""),
                ErrorType.VALIDATION, "is not a sequence number of shard");
        refused("GetShardIterator", request.formatted("AT_SEQUENCE_NUMBER", ",\"SequenceNumber\":\"12\""),
                ErrorType.VALIDATION, "'sequenceNumber'", "length greater than or equal to 21");
    }

    @Test
    void unknownStreamsShardsAndOperations() {
        String unknown = "arn:aws:dynamodb:eu-west-2:123456789012:table/T/stream/2020-01-01T00:00:00.000";
        refused("DescribeStream", "{\"StreamArn\":\"" + unknown + "\"}", ErrorType.RESOURCE_NOT_FOUND,
                "Requested resource not found", unknown);
        refused("GetShardIterator", "{\"StreamArn\":\"" + unknown + "\",\"ShardId\":\"" + shard
                + "\",\"ShardIteratorType\":\"LATEST\"}", ErrorType.RESOURCE_NOT_FOUND, unknown);
        refused("GetShardIterator", "{\"StreamArn\":\"" + arn + "\",\"ShardId\":\"shardId-00000000000000000000-00000000\""
                + ",\"ShardIteratorType\":\"LATEST\"}", ErrorType.RESOURCE_NOT_FOUND, "Shard does not exist");
        refused("DescribeTable", "{}", ErrorType.UNKNOWN_OPERATION, "DescribeTable", "ListStreams, DescribeStream");
    }

    @Test
    void anUnknownViewTypeIsRefusedOnEnable() {
        DynamoDbError error = org.assertj.core.api.Assertions.catchThrowableOfType(DynamoDbError.class,
                () -> f.enable("U", "ALL"));
        assertThat(error.type()).isEqualTo(ErrorType.VALIDATION);
        assertThat(error.getMessage()).contains("streamViewType", "KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES");
    }
}
