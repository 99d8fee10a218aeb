package nhssm.core.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of rounds comes from the definition files, from a directory (tests) or a jar (a Lambda artifact). */
class SurveyRoundsTest {

    @Test
    void rounds_shouldListEveryRoundWithADefinition_eachOfWhichLoads() {
        assertThat(SurveyDefinitions.rounds()).contains("2026").isSorted();
        assertThat(SurveyDefinitions.rounds()).allSatisfy(round -> assertThat(SurveyDefinitions.forRound(round)).isPresent());
    }

    @Test
    void fileNames_shouldListTheFolderInAJar_withoutSubfoldersOrOtherFolders(@TempDir Path dir)
            throws IOException, URISyntaxException {
        Path jar = dir.resolve("core.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : new String[] {"nhssm/", "nhssm/survey/", "nhssm/survey/2026.json", "nhssm/survey/2027.json",
                    "nhssm/survey/old/2019.json", "nhssm/trusts/nhs-trusts.csv"}) {
                out.putNextEntry(new JarEntry(name));
                if (!name.endsWith("/")) {
                    write(out, "{}");
                }
                out.closeEntry();
            }
        }

        var folder = new URI("jar:" + jar.toUri() + "!/nhssm/survey/").toURL();

        assertThat(SurveyDefinitions.fileNames(folder)).containsExactlyInAnyOrder("2026.json", "2027.json");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
