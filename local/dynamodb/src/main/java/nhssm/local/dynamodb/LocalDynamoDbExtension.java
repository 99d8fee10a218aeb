package nhssm.local.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests: one {@link LocalDynamoDb} per test class, started before the class's own
 * {@code @BeforeAll} methods and stopped after its {@code @AfterAll} methods. Tests stay isolated by
 * each taking its own {@link LocalDynamoDb#newTable()}.
 *
 * <pre>{@code
 * @RegisterExtension static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();
 * @Test void stores() { var store = new DynamoDbSurveyStore(DYNAMO.dynamo().client(), DYNAMO.dynamo().newTable()); ... }
 * }</pre>
 *
 * JUnit is a provided dependency of this module, so it stays off the local runtime's class path.
 */
public final class LocalDynamoDbExtension implements BeforeAllCallback, AfterAllCallback {

    private LocalDynamoDb dynamo;
    /** The class that started the server: nested classes reuse it rather than start their own. */
    private Class<?> owner;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (dynamo == null) {
            dynamo = LocalDynamoDb.start();
            owner = context.getRequiredTestClass();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (dynamo != null && context.getRequiredTestClass() == owner) {
            try {
                dynamo.close();
            } finally {
                dynamo = null;
                owner = null;
            }
        }
    }

    /**
     * An endpoint on loopback where nothing listens, for a client of a database that cannot be reached:
     * a port that was free a moment ago, so every call is refused at once.
     */
    public static String unreachableEndpoint() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /** The running server; only between the class's {@code @BeforeAll} and {@code @AfterAll}. */
    public LocalDynamoDb dynamo() {
        if (dynamo == null) {
            throw new IllegalStateException("the DynamoDB engine is not running: register the extension on a static field");
        }
        return dynamo;
    }
}
