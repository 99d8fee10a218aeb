package nhssm.local;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * How to run the local system.
 *
 * @param projectRoot  the directory of template.yaml
 * @param apiPort      the HTTP API's port on 127.0.0.1 (0 for a free one)
 * @param dynamoPort   the DynamoDB engine's port on 127.0.0.1 (0 for a free one)
 * @param dataDir      where the DynamoDB engine persists; empty to keep everything in memory
 * @param workDir      where the functions' artifacts are laid out
 * @param adminToken   the admin bearer token; the functions get only its SHA-256, as on AWS
 * @param clockFrom    when set, the functions' clocks start at this instant (see ServiceClock)
 */
public record LocalConfig(Path projectRoot, int apiPort, int dynamoPort, Optional<Path> dataDir, Path workDir,
        String adminToken, Optional<Instant> clockFrom) {
}
