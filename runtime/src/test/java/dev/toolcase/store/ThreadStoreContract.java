package dev.toolcase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.Status;
import dev.toolcase.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ThreadStore} does; each implementation's test extends this. */
abstract class ThreadStoreContract {

  static final Instant AT = Instant.parse("2026-11-25T10:00:00.123456789Z");

  ThreadStore store;

  /** A store with no threads in it. */
  abstract ThreadStore emptyStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = emptyStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Event event(String type, String data) {
    return new Event(type, data, AT);
  }

  static AgentThread thread(String... data) {
    AgentThread thread = AgentThread.empty();
    for (String text : data) {
      thread = thread.append(event("user_input", text));
    }
    return thread;
  }

  @Test
  void aCreatedThreadLoadsAsItWasWritten() {
    AgentThread thread = thread("deploy \"v1.2.3\"\nto production ✓", "")
        .append(new Event("list_git_tags_result", Json.readTree("[\"v1\",{\"n\":1.50}]"), AT));

    StoredThread created = store.create("deploybot", thread, Status.RUNNING);
    StoredThread loaded = store.load(created.id()).orElseThrow();

    assertThat(created.version()).isEqualTo(3);
    assertThat(loaded).isEqualTo(created);
    assertThat(loaded.thread().events()).extracting(TextEvents.FORMAT::write)
        .containsExactlyElementsOf(thread.events().stream().map(TextEvents.FORMAT::write).toList());
    assertThat(created.id()).matches("th_[a-z2-7]{26}");
  }

  @Test
  void idsAreFreshForEveryThread() {
    String first = store.create("a", thread("x"), Status.RUNNING).id();
    String second = store.create("a", thread("x"), Status.RUNNING).id();
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void appendAtTheReadVersionMovesTheThreadOn() {
    StoredThread created = store.create("deploybot", thread("one"), Status.RUNNING);

    StoredThread appended = store.append(created.id(), 1,
        List.of(event("deploy_backend", "two"), event("approval", "three")),
        Status.WAITING_FOR_APPROVAL, null);

    assertThat(appended.version()).isEqualTo(3);
    assertThat(appended.status()).isEqualTo(Status.WAITING_FOR_APPROVAL);
    assertThat(store.load(created.id()).orElseThrow()).isEqualTo(appended);
  }

  @Test
  void appendingNothingChangesOnlyTheStatus() {
    StoredThread created = store.create("deploybot", thread("one"), Status.RUNNING);

    StoredThread failed = store.append(created.id(), 1, List.of(), Status.FAILED, null);

    assertThat(failed.version()).isEqualTo(1);
    assertThat(store.load(created.id()).orElseThrow().status()).isEqualTo(Status.FAILED);
  }

  @Test
  void aStaleVersionIsAConflictAndWritesNothing() {
    StoredThread created = store.create("deploybot", thread("one"), Status.RUNNING);
    store.append(created.id(), 1, List.of(event("user_input", "two")), Status.RUNNING, null);

    assertThatThrownBy(() -> store.append(created.id(), 1, List.of(event("user_input", "late")),
        Status.DONE, null))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("is at version 2, not 1")
        .extracting(e -> ((ConflictException) e).threadId()).isEqualTo(created.id());
    StoredThread now = store.load(created.id()).orElseThrow();
    assertThat(now.version()).isEqualTo(2);
    assertThat(now.status()).isEqualTo(Status.RUNNING);
  }

  @Test
  void anUnknownThreadIsEmptyOrAnError() {
    assertThat(store.load("th_aaaaaaaaaaaaaaaaaaaaaaaaaa")).isEmpty();
    assertThat(store.load("../../etc/passwd")).isEmpty();
    assertThatThrownBy(() -> store.append("th_aaaaaaaaaaaaaaaaaaaaaaaaaa", 0, List.of(),
        Status.RUNNING, null))
        .isInstanceOf(UnknownThreadException.class)
        .hasMessage("no thread th_aaaaaaaaaaaaaaaaaaaaaaaaaa");
  }

  @Test
  void anIdempotencyKeyIsRememberedAndCannotBeUsedTwice() {
    StoredThread created = store.create("deploybot", thread("one"), Status.WAITING_FOR_HUMAN);
    store.append(created.id(), 1, List.of(event("human_response", "yes"), event("done", "ok")),
        Status.DONE, "key-1");

    assertThat(store.versionFor(created.id(), "key-1")).contains(3L);
    assertThat(store.versionFor(created.id(), "key-2")).isEmpty();
    assertThat(store.versionFor("th_aaaaaaaaaaaaaaaaaaaaaaaaaa", "key-1")).isEmpty();
    assertThatThrownBy(() -> store.append(created.id(), 3, List.of(event("human_response", "yes")),
        Status.RUNNING, "key-1"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("idempotency key \"key-1\" was already used on thread");
    assertThat(store.load(created.id()).orElseThrow().version()).isEqualTo(3);
  }

  @Test
  void listsNewestFirstByStatusUpToTheLimit() throws InterruptedException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Status status = i % 2 == 0 ? Status.WAITING_FOR_APPROVAL : Status.DONE;
      ids.add(store.create("agent" + i, thread("m" + i), status).id());
      Thread.sleep(3);
    }

    assertThat(store.list(null, 10)).extracting(ThreadSummary::id)
        .containsExactly(ids.get(3), ids.get(2), ids.get(1), ids.get(0));
    assertThat(store.list(Status.WAITING_FOR_APPROVAL, 10))
        .containsExactly(new ThreadSummary(ids.get(2), "agent2", 1, Status.WAITING_FOR_APPROVAL),
            new ThreadSummary(ids.get(0), "agent0", 1, Status.WAITING_FOR_APPROVAL));
    assertThat(store.list(null, 1)).extracting(ThreadSummary::id).containsExactly(ids.get(3));
    assertThat(store.list(Status.FAILED, 10)).isEmpty();
  }

  @Test
  void ofSixteenRacingAppendsAtOneVersionExactlyOneWins() throws Exception {
    StoredThread created = store.create("deploybot", thread("one"), Status.WAITING_FOR_APPROVAL);
    int racers = 16;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<String>> appends = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      String data = "racer " + i;
      appends.add(() -> {
        start.await();
        try {
          store.append(created.id(), 1, List.of(event("approval", data)), Status.RUNNING, null);
          return "won";
        } catch (ConflictException e) {
          return "conflict";
        }
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (Callable<String> append : appends) {
        results.add(pool.submit(append));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> result : results) {
        outcomes.add(result.get());
      }
      assertThat(outcomes).containsOnlyOnce("won").hasSize(racers)
          .filteredOn("conflict"::equals).hasSize(racers - 1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.load(created.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void aKeyIsRememberedOnceUntilItExpires() throws Exception {
    assertThat(store.firstTime("webhook:calculator:msg_1", java.time.Duration.ofMinutes(10))).isTrue();
    assertThat(store.firstTime("webhook:calculator:msg_1", java.time.Duration.ofMinutes(10))).isFalse();
    assertThat(store.firstTime("webhook:calculator:msg_2", java.time.Duration.ofMinutes(10))).isTrue();
    assertThat(store.firstTime("gone", java.time.Duration.ofMillis(1))).isTrue();
    Thread.sleep(20);
    assertThat(store.firstTime("gone", java.time.Duration.ofMinutes(1))).as("expired").isTrue();
  }

  @Test
  void ofSixteenRacersForOneKeyExactlyOneIsFirst() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return store.firstTime("slack-event:Ev1", java.time.Duration.ofMinutes(10));
        }));
      }
      start.countDown();
      List<Boolean> firsts = new ArrayList<>();
      for (Future<Boolean> result : results) {
        firsts.add(result.get());
      }
      assertThat(firsts).containsOnlyOnce(true);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRememberedValueIsRecalledReplacedAndForgottenWhenItExpires() throws Exception {
    assertThat(store.recall("slack-thread:C1:1")).isEmpty();
    store.remember("slack-thread:C1:1", "th_a", java.time.Duration.ofMinutes(10));
    assertThat(store.recall("slack-thread:C1:1")).contains("th_a");
    store.remember("slack-thread:C1:1", "th_b", java.time.Duration.ofMinutes(10));
    assertThat(store.recall("slack-thread:C1:1")).contains("th_b");
    store.remember("short", "x", java.time.Duration.ofMillis(1));
    Thread.sleep(20);
    assertThat(store.recall("short")).isEmpty();
  }
}
