package dev.toolcase.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directories of test servers: {@code <tmp>/toolcase-postgres/runs/<jvm pid>-<n>}, each with
 * a server's data, sockets and log. The JVM's pid in the name tells whether its owner still runs.
 */
final class RunDirectories {

  private RunDirectories() {}

  static Path root() {
    return Path.of(System.getProperty("java.io.tmpdir"), "toolcase-postgres");
  }

  private static Path runs() {
    return root().resolve("runs");
  }

  /** A new directory for a server of this JVM. */
  static Path create() {
    try {
      Files.createDirectories(runs());
      return Files.createTempDirectory(runs(), ProcessHandle.current().pid() + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory under " + runs(), e);
    }
  }

  /** Stops the servers of JVMs that died without stopping them, and deletes their directories. */
  static void stopAbandoned() {
    if (!Files.isDirectory(runs())) {
      return;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runs())) {
      for (Path dir : dirs) {
        Optional<Long> owner = ownerOf(dir);
        if (owner.isEmpty() || ProcessHandle.of(owner.get()).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        postmasterOf(dir).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        delete(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look through " + runs(), e);
    }
  }

  private static Optional<Long> ownerOf(Path dir) {
    String name = dir.getFileName().toString();
    int dash = name.indexOf('-');
    try {
      return dash < 0 ? Optional.empty() : Optional.of(Long.parseLong(name.substring(0, dash)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The postmaster's pid: the first line of {@code data/postmaster.pid}. */
  private static Optional<Long> postmasterOf(Path dir) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("data/postmaster.pid"), StandardCharsets.UTF_8);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Deletes a directory and everything in it; a missing one is fine. */
  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(path);
        } catch (NoSuchFileException e) {
          // Gone already: a server removes its own files as it stops.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
