package dev.geodr.servicebus.simulator;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared/arm-fixtures} relative to the project directory. */
final class Fixtures {

    private Fixtures() {
    }

    static Path root() {
        Path project = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path dir = project.resolve("../shared/arm-fixtures").normalize();
        if (!Files.isDirectory(dir.resolve("recordings")) || !Files.isDirectory(dir.resolve("examples"))) {
            throw new IllegalStateException("The ARM fixtures are missing: expected " + dir
                    + " with recordings/ and examples/ (the shared design checkout next to the project).");
        }
        return dir;
    }
}
