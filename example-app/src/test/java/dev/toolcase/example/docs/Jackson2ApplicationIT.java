package dev.toolcase.example.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An application on Jackson 2, with Jackson 2's versions pinned by its BOM as Spring Boot 3 pins
 * them (so {@code jackson-annotations} is 2.19, older than the runtime's), uses the runtime beside
 * its own {@code ObjectMapper}: built with a real Maven from {@code src/test/resources/jackson2-app}.
 */
class Jackson2ApplicationIT {

  @Test
  void aJackson2ApplicationUsesTheRuntimeBesideItsOwnMapper() throws Exception {
    Path project = ChildMaven.freshDirectory("jackson2-app");
    copyTree(Path.of("src/test/resources/jackson2-app"), project);

    String output = new ChildMaven(Path.of(System.getProperty("toolcase.root", "..")),
        System.getProperty("toolcase.version", "0.1.0-SNAPSHOT")).verify(project);

    assertThat(output).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
