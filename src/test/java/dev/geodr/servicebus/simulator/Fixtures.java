package dev.geodr.servicebus.simulator;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the ARM fixtures on the test classpath ({@code src/test/resources/arm-fixtures}). */
final class Fixtures {

    private Fixtures() {}

    static Path root() {
        URL url = Fixtures.class.getResource("/arm-fixtures");
        if (url == null) {
            throw new IllegalStateException(
                    "The ARM fixtures are missing from the test classpath:"
                            + " expected src/test/resources/arm-fixtures with recordings/ and examples/.");
        }
        try {
            Path dir = Path.of(url.toURI());
            if (!Files.isDirectory(dir.resolve("recordings"))
                    || !Files.isDirectory(dir.resolve("examples"))) {
                throw new IllegalStateException(
                        "The ARM fixtures are incomplete: expected "
                                + dir
                                + " with recordings/ and examples/.");
            }
            return dir;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot resolve the ARM fixtures at " + url, e);
        }
    }
}
