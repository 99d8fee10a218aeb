package nhssm.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

class DynamoDbEngineServerTest {

    @Test
    void startInMemory_shouldServeTheSdk_onLoopbackOnly() throws Exception {
        try (var server = DynamoDbEngineServer.startInMemory()) {
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
            assertThat(server.port()).isPositive();
            assertThat(server.dataDir()).isEmpty();

            assertThat(server.client().listTables().tableNames()).isEmpty();
            assertThat(acceptsConnections(InetAddress.getLoopbackAddress(), server.port())).isTrue();
        }
    }

    @Test
    void startInMemory_shouldAnswerRawHttp_likeDynamoDb() throws Exception {
        try (var server = DynamoDbEngineServer.startInMemory()) {
            HttpRequest request = HttpRequest.newBuilder(server.endpoint())
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=x/20250101/eu-west-2/dynamodb/aws4_request,"
                            + " SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("TableNames");
            }
        }
    }

    @Test
    void start_shouldNotListen_onOtherInterfaces() throws Exception {
        Optional<InetAddress> external = nonLoopbackIpv4Address();
        Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");

        try (var server = DynamoDbEngineServer.startInMemory()) {
            assertThat(acceptsConnections(external.get(), server.port())).isFalse();
        }
    }

    @Test
    void close_shouldFreeThePort() throws Exception {
        var server = DynamoDbEngineServer.startInMemory();
        int port = server.port();

        server.close();

        assertThat(acceptsConnections(InetAddress.getLoopbackAddress(), port)).isFalse();
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(socket.isBound()).isTrue();
        }
        assertThatThrownBy(server::client).isInstanceOf(IllegalStateException.class);
        server.close(); // idempotent
    }

    @Test
    void start_shouldUseTheGivenPort_andFailClearly_whenItIsTaken() throws Exception {
        int port;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (var server = DynamoDbEngineServer.start(port, Optional.empty())) {
            assertThat(server.port()).isEqualTo(port);

            assertThatThrownBy(() -> DynamoDbEngineServer.start(port, Optional.empty()))
                    .isInstanceOf(LocalDynamoDbException.class)
                    .hasMessageContaining("could not start on 127.0.0.1:" + port);
        }
    }

    @Test
    void startPersistent_shouldKeepTablesAndItems_acrossARestart(@TempDir Path dataDir) {
        TemplateTable table = TemplateTable.surveyTable();
        try (var server = DynamoDbEngineServer.startPersistent(dataDir)) {
            assertThat(server.dataDir()).contains(dataDir);
            table.createIn(server.client(), "survey");
            server.client().putItem(r -> r.tableName("survey").item(Map.of(
                    "pk", AttributeValue.fromS("ROUND#2025#TRUST#RXX"),
                    "sk", AttributeValue.fromS("AGG"),
                    "count", AttributeValue.fromN("3"))));
        }

        try (var restarted = DynamoDbEngineServer.startPersistent(dataDir)) {
            var item = restarted.client().getItem(r -> r.tableName("survey").key(Map.of(
                    "pk", AttributeValue.fromS("ROUND#2025#TRUST#RXX"),
                    "sk", AttributeValue.fromS("AGG")))).item();

            assertThat(restarted.client().listTables().tableNames()).containsExactly("survey");
            assertThat(item.get("count").n()).isEqualTo("3");
        }
    }

    @Test
    void stop_shouldRefuseCalls_andRestartServeTheSameData_onTheSamePort_withTheSameClients(@TempDir Path dataDir) {
        TemplateTable table = TemplateTable.surveyTable();
        try (var server = DynamoDbEngineServer.startPersistent(dataDir)) {
            var description = table.createIn(server.client(), "survey");
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s"));
            server.client().putItem(r -> r.tableName("survey").item(key));
            int port = server.port();
            var client = server.client();

            server.stop();

            assertThat(server.serving()).isFalse();
            assertThat(acceptsConnections(InetAddress.getLoopbackAddress(), port)).isFalse();
            assertThatThrownBy(() -> client.getItem(r -> r.tableName("survey").key(key)))
                    .isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);

            server.restart();

            assertThat(server.serving()).isTrue();
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.client()).isSameAs(client);
            assertThat(client.getItem(r -> r.tableName("survey").key(key)).item()).isEqualTo(key);
            // The stream, too, is kept: what was written before the outage can still be read.
            var streams = server.streamsClient();
            String streamArn = description.latestStreamArn();
            var shard = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().getFirst();
            String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            assertThat(streams.getRecords(r -> r.shardIterator(iterator)).records()).hasSize(1);
        }
    }

    @Test
    void stopAndRestart_inMemory_shouldKeepTheData_asTheEngineKeepsItInThisProcess() {
        try (var server = DynamoDbEngineServer.startInMemory()) {
            TemplateTable.surveyTable().createIn(server.client(), "survey");
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s"));
            server.client().putItem(r -> r.tableName("survey").item(key));

            server.stop();
            assertThat(server.serving()).isFalse();
            server.restart();

            assertThat(server.client().getItem(r -> r.tableName("survey").key(key)).item()).isEqualTo(key);
        }
    }

    @Test
    void streamsClient_shouldReadTheTablesStream() {
        try (var server = DynamoDbEngineServer.startInMemory()) {
            var description = TemplateTable.surveyTable().createIn(server.client(), "survey");
            server.client().putItem(r -> r.tableName("survey").item(Map.of(
                    "pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s"))));

            var streams = server.streamsClient();
            String streamArn = description.latestStreamArn();
            var shard = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().getFirst();
            String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            var records = streams.getRecords(r -> r.shardIterator(iterator)).records();

            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.eventName()).isEqualTo(OperationType.INSERT);
                assertThat(record.dynamodb().newImage().get("pk").s()).isEqualTo("p");
            });
        }
    }

    private static boolean acceptsConnections(InetAddress address, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackIpv4Address() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }
}
