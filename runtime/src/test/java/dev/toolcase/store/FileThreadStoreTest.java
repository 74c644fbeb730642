package dev.toolcase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolcase.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileThreadStoreTest extends ThreadStoreContract {

  @TempDir Path directory;

  @Override
  ThreadStore emptyStore() {
    return new FileThreadStore(directory, agent -> TextEvents.FORMAT);
  }

  @Test
  void aSecondStoreOnTheSameDirectorySeesTheThreads() {
    StoredThread created = store.create("deploybot", thread("one"), Status.RUNNING);
    try (ThreadStore other = emptyStore()) {
      other.append(created.id(), 1, java.util.List.of(event("user_input", "two")), Status.DONE,
          null);
    }
    assertThat(store.load(created.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void leftoverTemporaryFilesAreDeletedOnOpen() throws Exception {
    Path leftover = directory.resolve(".th_aaaaaaaaaaaaaaaaaaaaaaaaaa.1234.tmp");
    Files.writeString(leftover, "{\"id\": half a wri");

    emptyStore().close();

    assertThat(leftover).doesNotExist();
  }

  @Test
  void aDamagedFileIsAClearError() throws Exception {
    StoredThread created = store.create("deploybot", thread("one", "two"), Status.RUNNING);
    Path file = directory.resolve(created.id() + ".thread");
    String content = Files.readString(file);
    Files.writeString(file, content.substring(0, content.length() - 10));

    assertThatThrownBy(() -> store.load(created.id()))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("thread " + created.id() + " is damaged: event 2: ");
  }

  @Test
  void theFileIsAHeaderAndOneLinePerEvent() throws Exception {
    StoredThread created = store.create("deploybot", thread("one"), Status.RUNNING);

    assertThat(Files.readAllLines(directory.resolve(created.id() + ".thread"))).hasSize(2)
        .last().isEqualTo("{\"type\":\"user_input\",\"data\":\"one\",\"at\":\"2026-11-25T10:00:00.123456789Z\"}");
  }
}
