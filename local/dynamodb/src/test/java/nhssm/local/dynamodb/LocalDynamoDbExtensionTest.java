package nhssm.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LocalDynamoDbExtensionTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    /** The servers the tests of this class saw; one class, one server. */
    private static final Set<LocalDynamoDb> SEEN = new HashSet<>();

    @Test
    void dynamo_shouldBeARunningServer_forEveryTestOfTheClass() {
        SEEN.add(DYNAMO.dynamo());
        String table = DYNAMO.dynamo().newTable();

        assertThat(DYNAMO.dynamo().client().describeTable(r -> r.tableName(table)).table().tableName()).isEqualTo(table);
        assertThat(SEEN).hasSize(1);
    }

    @Test
    void dynamo_shouldBeTheSameServer_acrossTestsOfTheClass() {
        SEEN.add(DYNAMO.dynamo());

        assertThat(SEEN).hasSize(1);
    }

    @Nested
    class NestedClass {

        @Test
        void dynamo_shouldStillBeTheOuterClassServer_inANestedClass() {
            SEEN.add(DYNAMO.dynamo());

            assertThat(SEEN).hasSize(1);
            assertThat(DYNAMO.dynamo().client().listTables().tableNames()).isNotNull();
        }
    }

    @Test
    void dynamo_shouldSayHowToRegisterIt_whenNotStarted() {
        assertThatThrownBy(() -> new LocalDynamoDbExtension().dynamo())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("static field");
    }
}
