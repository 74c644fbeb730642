package dev.toolcase.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolcase.testsupport.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process writing to a store is killed with SIGKILL mid-way; the store, opened again, has every
 * thread readable and every acknowledged event in place.
 */
class StoreCrashTest {

  private static final int ACKS_BEFORE_KILL = 400;

  @Test
  void fileStoreSurvivesAKill(@TempDir Path directory) throws Exception {
    Map<String, Long> acknowledged = runAndKill(List.of("file", directory.toString()));

    try (ThreadStore store = new FileThreadStore(directory, agent -> TextEvents.FORMAT)) {
      checkEverythingAcknowledgedIsThere(store, acknowledged);
    }
  }

  @Test
  void jdbcStoreSurvivesAKill() throws Exception {
    TestPostgres.Database database = TestPostgres.shared().newDatabase();
    Map<String, Long> acknowledged = runAndKill(List.of("jdbc", database.url(),
        database.user(), database.password()));

    try (ThreadStore store = JdbcThreadStore.connect(database.url(), database.user(),
        database.password(), agent -> TextEvents.FORMAT)) {
      checkEverythingAcknowledgedIsThere(store, acknowledged);
    }
  }

  /** Starts the writer process, reads acknowledgements, kills it; the last version per thread. */
  private static Map<String, Long> runAndKill(List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StoreCrashChild.class.getName()));
    command.addAll(args);
    Process child = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    Map<String, Long> acknowledged = new HashMap<>();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      int acks = 0;
      String line;
      while (acks < ACKS_BEFORE_KILL && (line = lines.readLine()) != null) {
        String[] parts = line.split(" ");
        if (parts.length == 3 && parts[0].equals("ack")) {
          acknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
          acks++;
        }
      }
      // SIGKILL while the writers are mid-way; acknowledgements still in the pipe are not
      // counted, which only makes the check weaker, never wrong.
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    } finally {
      child.destroyForcibly();
    }
    assertThat(acknowledged).as("the writer acknowledged writes before it was killed").isNotEmpty();
    return acknowledged;
  }

  private static void checkEverythingAcknowledgedIsThere(
      ThreadStore store, Map<String, Long> acknowledged) {
    List<ThreadSummary> all = store.list(null, 1000);
    assertThat(all).extracting(ThreadSummary::id).containsAll(acknowledged.keySet());
    for (ThreadSummary summary : all) {
      StoredThread thread = store.load(summary.id()).orElseThrow();
      assertThat(thread.version()).as(summary.id())
          .isGreaterThanOrEqualTo(acknowledged.getOrDefault(summary.id(), 0L));
      for (int i = 0; i < thread.thread().events().size(); i++) {
        assertThat(thread.thread().events().get(i)).isEqualTo(StoreCrashChild.event(i + 1));
      }
    }
  }
}
