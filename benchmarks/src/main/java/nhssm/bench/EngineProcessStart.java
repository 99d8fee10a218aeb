package nhssm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import nhssm.local.dynamodb.engine.EngineMain;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The engine as its own process: {@code EngineMain --in-memory} in a fresh JVM on a free port, timed by wall
 * clock from starting the process to the first ListTables answered through the SDK. The SDK client is built
 * beforehand in this (warm) JVM and polls without retries, so what is timed is the child's JVM start, its
 * class loading and the engine's start, plus at most one polling interval.
 */
final class EngineProcessStart {

    private static final Duration POLL = Duration.ofMillis(2);
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    /** How a child JVM is started: its name in the table and its JVM flags. */
    record Flags(String name, List<String> jvmFlags) {
    }

    private EngineProcessStart() {
    }

    /** Milliseconds from starting the process to its first answer. */
    static double launch(Flags flags) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags.jvmFlags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EngineMain.class.getName(),
                "--port", Integer.toString(port), "--in-memory"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try (DynamoDbClient client = client(URI.create("http://127.0.0.1:" + port))) {
            long begin = System.nanoTime();
            Process process = builder.start();
            try {
                long deadline = begin + DEADLINE.toNanos();
                while (true) {
                    try {
                        client.listTables();
                        return (System.nanoTime() - begin) / 1e6;
                    } catch (SdkClientException notYet) {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the engine's process exited with " + process.exitValue());
                        }
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("the engine's process did not answer within " + DEADLINE);
                        }
                        Thread.sleep(POLL);
                    }
                }
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(1)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
