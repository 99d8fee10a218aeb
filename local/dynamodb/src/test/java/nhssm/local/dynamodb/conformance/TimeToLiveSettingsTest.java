package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

class TimeToLiveSettingsTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void describeTimeToLive_shouldBeDisabled_onANewTable() {
        String name = Tables.hashKeyTable(dynamo);

        TimeToLiveDescription ttl = dynamo.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();

        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
    }

    @Test
    void updateTimeToLive_shouldEnableIt_onTheAttributeNamed() {
        String name = Tables.hashKeyTable(dynamo);

        UpdateTimeToLiveResponse response = dynamo.updateTimeToLive(r -> r.tableName(name)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));

        assertThat(response.timeToLiveSpecification().enabled()).isTrue();
        assertThat(response.timeToLiveSpecification().attributeName()).isEqualTo("expires");
        TimeToLiveDescription ttl = awaitStatus(name, TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo("expires");
    }

    @Test
    void updateTimeToLive_shouldRefuse_whenAlreadyEnabled() {
        String name = Tables.hashKeyTable(dynamo);
        dynamo.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
        awaitStatus(name, TimeToLiveStatus.ENABLED);

        invalid(() -> dynamo.updateTimeToLive(r -> r.tableName(name)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires"))));
    }

    @Test
    void updateTimeToLive_shouldRefuse_disablingWhenNotEnabled() {
        String name = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.updateTimeToLive(r -> r.tableName(name)
                .timeToLiveSpecification(s -> s.enabled(false).attributeName("expires"))));
    }

    @Test
    void updateTimeToLive_shouldRefuseWithResourceNotFound_whenTheTableDoesNotExist() {
        refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> dynamo.updateTimeToLive(r -> r.tableName(EngineExtension.newTableName())
                        .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires"))));
    }

    @Test
    void describeTimeToLive_shouldRefuseWithResourceNotFound_whenTheTableDoesNotExist() {
        refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> dynamo.describeTimeToLive(r -> r.tableName(EngineExtension.newTableName())));
    }

    private TimeToLiveDescription awaitStatus(String name, TimeToLiveStatus status) {
        return Poll.until(Duration.ofSeconds(120), "TTL " + status + " on " + name, () -> {
            TimeToLiveDescription ttl = dynamo.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
            return ttl.timeToLiveStatus() == status ? Optional.of(ttl) : Optional.empty();
        });
    }
}
