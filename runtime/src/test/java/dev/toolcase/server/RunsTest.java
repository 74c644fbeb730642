package dev.toolcase.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolcase.Agent;
import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.FinalAnswer;
import dev.toolcase.ParseException;
import dev.toolcase.Status;
import dev.toolcase.ThreadJson;
import dev.toolcase.codec.JsonWriter;
import dev.toolcase.codec.StepCodec;
import dev.toolcase.json.Json;
import dev.toolcase.store.ConflictException;
import dev.toolcase.store.FileThreadStore;
import dev.toolcase.store.StoredThread;
import dev.toolcase.store.ThreadStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The store-backed run loop: each call claimed before it runs, stored with compare-and-set. */
class RunsTest {

  /** A two-tool union, written by hand: the runtime's tests have no processor. */
  sealed interface Step permits Work, Done {}

  record Work(String what) implements Step {}

  record Done(String message) implements Step, FinalAnswer {}

  /** The codec of {@link Step}, as a generated one would be, for what the run loop uses. */
  static final StepCodec<Step> CODEC = new StepCodec<>() {
    @Override
    public Class<Step> stepType() {
      return Step.class;
    }

    @Override
    public List<String> intents() {
      return List.of("work", "done");
    }

    @Override
    public String intentOf(Step step) {
      return step instanceof Work ? "work" : "done";
    }

    @Override
    public String toJson(Step step) {
      return JsonWriter.write(out -> {
        out.beginObject().name("intent").value(intentOf(step));
        fields(out, step);
        out.endObject();
      });
    }

    @Override
    public String argumentsJson(Step step) {
      return JsonWriter.write(out -> writeArguments(out, step));
    }

    @Override
    public void writeArguments(JsonWriter out, Step step) {
      out.beginObject();
      fields(out, step);
      out.endObject();
    }

    private void fields(JsonWriter out, Step step) {
      switch (step) {
        case Work work -> out.name("what").value(work.what());
        case Done done -> out.name("message").value(done.message());
      }
    }

    @Override
    public Step parse(String modelOutput) {
      JsonNode node = Json.readTree(modelOutput);
      return readArguments(node.path("intent").asString(""), modelOutput);
    }

    @Override
    public List<Step> parseSteps(String modelOutput) {
      return List.of(parse(modelOutput));
    }

    @Override
    public Step fromToolCall(String name, String argumentsJson) {
      return readArguments(name, argumentsJson);
    }

    @Override
    public Step readArguments(String intent, String argumentsJson) {
      JsonNode node = Json.readTree(argumentsJson);
      return switch (intent) {
        case "work" -> new Work(node.path("what").asString(""));
        case "done" -> new Done(node.path("message").asString(""));
        default -> throw new ParseException("no tool " + intent);
      };
    }

    @Override
    public boolean requiresApproval(Step step) {
      return false;
    }

    @Override
    public List<dev.toolcase.codec.ToolJson.Tool> tools() {
      return List.of(
          new dev.toolcase.codec.ToolJson.Tool("work", "", "", ""),
          new dev.toolcase.codec.ToolJson.Tool("done", "", "", "", dev.toolcase.codec.StepKind.FINAL_ANSWER));
    }

    @Override
    public Map<String, String> schemas() {
      return Map.of();
    }

    @Override
    public String unionSchema() {
      return "{}";
    }

    @Override
    public String stepsSchema() {
      return "{}";
    }

    @Override
    public String openAiTools() {
      return "[]";
    }

    @Override
    public String anthropicTools() {
      return "[]";
    }
  };

  @TempDir Path directory;

  private final AtomicInteger runs = new AtomicInteger();

  private Agent<Step> agent(List<Step> answers) {
    AtomicInteger next = new AtomicInteger();
    return Agent.builder(CODEC)
        .nextStep(thread -> answers.get(next.getAndIncrement()))
        .handler(step -> {
          runs.incrementAndGet();
          return "did " + ((Work) step).what();
        })
        .build();
  }

  private ThreadStore store() {
    return new FileThreadStore(directory, name -> new ThreadJson(CODEC));
  }

  @Test
  void eachCallIsClaimedInTheStoreBeforeItRuns() {
    ThreadStore store = store();
    Agent<Step> agent = agent(List.of(new Work("a"), new Done("ok")));
    StoredThread start = store.create("work", agent.userInput(AgentThread.empty(), "go"),
        Status.RUNNING);

    StoredThread done = new Runs(store, Clock.systemUTC(), Duration.ofMinutes(1)).run(agent, 10, start);

    assertThat(done.status()).isEqualTo(Status.DONE);
    assertThat(done.thread().events()).extracting(Event::type)
        .containsExactly("user_input", "work", "started", "work_result", "done");
    assertThat(store.load(start.id()).orElseThrow().thread().events()).hasSize(5);
    assertThat(runs).hasValue(1);
  }

  @Test
  void aRunThatLosesTheRaceForTheClaimRunsNothing() {
    ThreadStore store = store();
    Agent<Step> agent = agent(List.of(new Work("a")));
    AgentThread asked = agent.step(agent.userInput(AgentThread.empty(), "go"));
    StoredThread stale = store.create("work", asked, Status.RUNNING);
    // Another run claimed the call first.
    AgentThread theirs = agent.claim(stale.thread(), "other", Instant.now().plusSeconds(60));
    store.append(stale.id(), stale.version(), List.of(theirs.events().getLast()), Status.RUNNING,
        null);

    assertThatThrownBy(() -> new Runs(store, Clock.systemUTC(), Duration.ofMinutes(1))
        .run(agent, 10, stale)).isInstanceOf(ConflictException.class);
    assertThat(runs).hasValue(0);
    assertThat(Runs.inProgress(agent, store.load(stale.id()).orElseThrow().thread(), Instant.now()))
        .isTrue();
  }

  @Test
  void aClaimThatLapsedIsPutToAHumanAndTheStoredStatusSaysSo() {
    ThreadStore store = store();
    Agent<Step> agent = agent(List.of(new Work("a")));
    AgentThread asked = agent.step(agent.userInput(AgentThread.empty(), "go"));
    AgentThread claimed = agent.claim(asked, "dead", Instant.now().minusSeconds(1));
    StoredThread stopped = store.create("work", claimed, Status.RUNNING);
    assertThat(Runs.inProgress(agent, stopped.thread(), Instant.now())).isFalse();
    assertThat(Runs.inProgress(agent, stopped.thread(), Instant.now().minusSeconds(5))).isTrue();

    StoredThread after = new Runs(store, Clock.systemUTC(), Duration.ofMinutes(1)).run(agent, 10, stopped);

    assertThat(after.status()).isEqualTo(Status.WAITING_FOR_APPROVAL);
    assertThat(store.load(stopped.id()).orElseThrow().status()).isEqualTo(Status.WAITING_FOR_APPROVAL);
    assertThat(agent.pending(after.thread()).orElseThrow().question())
        .contains("was started at").contains("Approve to run it again");
    assertThat(runs).hasValue(0);
  }

  @Test
  void aToolSafeToRepeatRunsAgainAfterItsRunStopped() {
    ThreadStore store = store();
    AtomicInteger next = new AtomicInteger();
    List<Step> answers = List.of(new Work("a"), new Done("ok"));
    Agent<Step> agent = Agent.builder(CODEC)
        .nextStep(thread -> answers.get(next.getAndIncrement()))
        .handler(step -> "did " + runs.incrementAndGet())
        .rerunInterrupted(step -> true)
        .build();
    AgentThread asked = agent.step(agent.userInput(AgentThread.empty(), "go"));
    StoredThread stopped = store.create("work",
        agent.claim(asked, "dead", Instant.now().minusSeconds(1)), Status.RUNNING);

    StoredThread done = new Runs(store, Clock.systemUTC(), Duration.ofMinutes(1)).run(agent, 10, stopped);

    assertThat(done.status()).isEqualTo(Status.DONE);
    assertThat(runs).hasValue(1);
  }
}
