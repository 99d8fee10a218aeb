package nhssm.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** LoggingConfig as Lambda accepts it: a format, and levels only with JSON. */
class LogConfigTest {

    @Test
    void json_shouldKeepItsLevels() {
        LogConfig config = LogConfig.of("JSON", Optional.of("INFO"), Optional.of("WARN"), "F LoggingConfig");

        assertThat(config.json()).isTrue();
        assertThat(config.applicationLevel()).contains("INFO");
        assertThat(config.systemLevel()).contains("WARN");
    }

    @Test
    void whatLambdaRefuses_shouldBeRefusedHere_namingTheProperty() {
        assertThatThrownBy(() -> LogConfig.of("Yaml", Optional.empty(), Optional.empty(), "F LoggingConfig"))
                .hasMessage("F LoggingConfig.LogFormat is Yaml; Lambda takes Text or JSON");
        assertThatThrownBy(() -> LogConfig.of("Text", Optional.of("INFO"), Optional.empty(), "F LoggingConfig"))
                .hasMessageContaining("only with LogFormat JSON");
        assertThatThrownBy(() -> LogConfig.of("JSON", Optional.empty(), Optional.of("ERROR"), "F LoggingConfig"))
                .hasMessageContaining("F LoggingConfig.SystemLogLevel is ERROR");
        assertThatThrownBy(() -> LogConfig.of("JSON", Optional.of("VERBOSE"), Optional.empty(), "F LoggingConfig"))
                .hasMessageContaining("ApplicationLogLevel is VERBOSE");
    }
}
