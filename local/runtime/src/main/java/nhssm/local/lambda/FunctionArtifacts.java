package nhssm.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nhssm.local.template.FunctionDefinition;
import nhssm.local.template.SamTemplate;

/**
 * Lays out a function's Lambda artifact exactly as {@code sam build} does with the project's
 * Makefile ({@code make build-<LogicalId>}): the module's {@code target/classes} at the root and
 * its runtime jars ({@code target/lib/*.jar}) in {@code lib/}, from what Maven has already built.
 * The module is the one under {@code functions/} whose {@code target/classes} holds the handler
 * class.
 */
public final class FunctionArtifacts {

    static final String PACKAGE_FIRST = "run `mvn -B -DskipTests package` in the project root first";

    private FunctionArtifacts() {
    }

    /** Lays out every function of the template under {@code workDir}; logical id → artifact directory. */
    public static Map<String, Path> layOutAll(Path projectRoot, SamTemplate template, Path workDir) {
        Map<String, Path> artifacts = new LinkedHashMap<>();
        for (FunctionDefinition f : template.functions()) {
            artifacts.put(f.logicalId(), layOut(projectRoot, f, workDir));
        }
        return artifacts;
    }

    /**
     * Copies the function's classes and runtime jars into {@code <workDir>/<LogicalId>/}, replacing
     * whatever was there.
     *
     * @return the artifact directory
     * @throws FunctionArtifactException if no module holds the handler class, or its target/lib is missing
     */
    public static Path layOut(Path projectRoot, FunctionDefinition function, Path workDir) {
        Path module = moduleOf(projectRoot, function);
        Path classes = module.resolve("target/classes");
        Path lib = module.resolve("target/lib");
        if (!Files.isDirectory(lib)) {
            throw new FunctionArtifactException(function.logicalId() + ": " + lib
                    + " is missing (the module copies its runtime jars there at package): " + PACKAGE_FIRST);
        }
        Path artifact = workDir.resolve(function.logicalId());
        try {
            deleteTree(artifact);
            Files.createDirectories(artifact.resolve("lib"));
            copyTree(classes, artifact);
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "*.jar")) {
                for (Path jar : jars) {
                    Files.copy(jar, artifact.resolve("lib").resolve(jar.getFileName().toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new FunctionArtifactException(function.logicalId() + ": cannot lay out its artifact in " + artifact
                    + ": " + e.getMessage(), e);
        }
        return artifact;
    }

    /**
     * The module directory ({@code functions/<module>}) whose {@code target/classes} holds the handler class.
     *
     * @throws FunctionArtifactException if none does, or more than one
     */
    public static Path moduleOf(Path projectRoot, FunctionDefinition function) {
        String classFile = function.handlerClass().replace('.', '/') + ".class";
        Path functions = projectRoot.resolve("functions");
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(functions)) {
            try (Stream<Path> modules = Files.list(functions)) {
                modules.filter(m -> Files.isRegularFile(m.resolve("target/classes").resolve(classFile)))
                        .sorted()
                        .forEach(found::add);
            } catch (IOException e) {
                throw new FunctionArtifactException("cannot list " + functions + ": " + e.getMessage(), e);
            }
        }
        if (found.isEmpty()) {
            throw new FunctionArtifactException(function.logicalId() + ": no module under " + functions
                    + " has its handler class " + function.handlerClass() + " in target/classes: " + PACKAGE_FIRST);
        }
        if (found.size() > 1) {
            throw new FunctionArtifactException(function.logicalId() + ": several modules have its handler class "
                    + function.handlerClass() + ": " + found);
        }
        return found.get(0);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
