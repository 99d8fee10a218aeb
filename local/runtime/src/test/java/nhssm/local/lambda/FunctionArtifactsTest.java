package nhssm.local.lambda;

import static nhssm.local.lambda.TestFunctions.function;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nhssm.local.template.FunctionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a project tree made here; the real collect module is laid out by CollectFunctionTest. */
class FunctionArtifactsTest {

    @TempDir
    Path root;

    @TempDir
    Path work;

    private final FunctionDefinition echo = function("Echo", "EchoHandler", 3, 128, Map.of());

    @Test
    void layOut_shouldCopyClassesAndJars_replacingWhatWasThere() throws IOException {
        Path module = root.resolve("functions/echo");
        write(module.resolve("target/classes/nhssm/local/lambda/handlers/EchoHandler.class"), "class");
        write(module.resolve("target/classes/nhssm/data.json"), "{}");
        write(module.resolve("target/lib/core.jar"), "jar");
        write(module.resolve("target/lib/notes.txt"), "not a jar");
        write(root.resolve("functions/other/target/classes/x/Other.class"), "other");
        write(work.resolve("Echo/stale/Old.class"), "stale");

        Path artifact = FunctionArtifacts.layOut(root, echo, work);

        assertThat(artifact).isEqualTo(work.resolve("Echo"));
        assertThat(artifact.resolve("nhssm/local/lambda/handlers/EchoHandler.class")).hasContent("class");
        assertThat(artifact.resolve("nhssm/data.json")).hasContent("{}");
        assertThat(artifact.resolve("lib/core.jar")).hasContent("jar");
        assertThat(artifact.resolve("lib/notes.txt")).doesNotExist();
        assertThat(artifact.resolve("stale")).doesNotExist();
        assertThat(artifact.resolve("x")).doesNotExist();
        assertThat(FunctionArtifacts.moduleOf(root, echo)).isEqualTo(module);
    }

    @Test
    void layOut_shouldSayToPackageFirst_whenNothingIsBuilt() throws IOException {
        assertThatThrownBy(() -> FunctionArtifacts.layOut(root, echo, work))
                .isInstanceOf(FunctionArtifactException.class)
                .hasMessageContaining("nhssm.local.lambda.handlers.EchoHandler")
                .hasMessageContaining("mvn -B -DskipTests package");

        write(root.resolve("functions/echo/target/classes/nhssm/local/lambda/handlers/EchoHandler.class"), "class");
        assertThatThrownBy(() -> FunctionArtifacts.layOut(root, echo, work))
                .hasMessageContaining("target/lib is missing")
                .hasMessageContaining("mvn -B -DskipTests package");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
