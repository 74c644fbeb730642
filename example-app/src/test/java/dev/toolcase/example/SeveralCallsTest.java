package dev.toolcase.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolcase.Agent;
import dev.toolcase.AgentLoop;
import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.PendingCall;
import dev.toolcase.Status;
import dev.toolcase.ThreadJson;
import dev.toolcase.context.ContextRenderer;
import dev.toolcase.example.deploy.DeployBackend;
import dev.toolcase.example.deploy.DeployBotNextStep;
import dev.toolcase.example.deploy.DeployBotPrompts;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.example.deploy.DeployFrontend;
import dev.toolcase.example.deploy.DeployTargets;
import dev.toolcase.example.deploy.Deployer;
import dev.toolcase.example.deploy.DoneForNow;
import dev.toolcase.example.deploy.Environment;
import dev.toolcase.example.deploy.RequestMoreInformation;
import dev.toolcase.json.Json;
import dev.toolcase.llm.AnthropicClient;
import dev.toolcase.llm.ChatMessage;
import dev.toolcase.llm.LlmRequest;
import dev.toolcase.llm.OpenAiClient;
import dev.toolcase.llm.OutputMode;
import dev.toolcase.llm.ScriptedLlmClient;
import dev.toolcase.llm.ToolSet;
import dev.toolcase.prompt.PromptRunner;
import dev.toolcase.store.FileThreadStore;
import dev.toolcase.store.StoredThread;
import dev.toolcase.store.ThreadStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A turn of several tool calls: each call its own event, run in order; the first that needs an
 * approval or a human pauses the thread, and the rest run after the answer, across a restart;
 * nothing lost, nothing run twice; results go back to the provider matched by call id.
 */
class SeveralCallsTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
  private static final DeployBackend BACKEND_STAGING = new DeployBackend("v1.4.2", Environment.staging);
  private static final DeployFrontend FRONTEND_STAGING = new DeployFrontend("v1.4.2", Environment.staging);
  private static final DeployBackend BACKEND_PRODUCTION = new DeployBackend("v1.4.2", Environment.production);

  private static Agent<DeployBotNextStep> agent(PromptRunner runner, DeployTargets targets) {
    return Agent.builder(DeployBotTools.CODEC)
        .nextSteps(thread -> DeployBotPrompts.using(runner).determineNextSteps(thread))
        .handler(new Deployer(targets)::handle)
        .approvalPolicy(step -> step instanceof DeployBackend d && d.environment() == Environment.production)
        .clock(CLOCK)
        .build();
  }

  private static List<String> types(AgentThread thread) {
    return thread.events().stream().map(Event::type).toList();
  }

  @Test
  void callsOfOneTurnAreEventsOfTheirOwnAndRunInOrder() {
    DeployTargets targets = DeployTargets.example();
    ScriptedLlmClient model = ScriptedLlmClient.replyingWithCalls(DeployBotTools.CODEC, List.of(BACKEND_STAGING, FRONTEND_STAGING),
        List.of(new DoneForNow("both on staging")));
    Agent<DeployBotNextStep> agent = agent(PromptRunner.using(model), targets);

    AgentLoop.Outcome outcome = new AgentLoop<>(agent).run(
        agent.userInput(AgentThread.empty(), "deploy v1.4.2 to staging"));

    assertThat(outcome.status()).isEqualTo(Status.DONE);
    assertThat(types(outcome.thread())).containsExactly("user_input", "deploy_backend",
        "deploy_frontend", "deploy_backend_result", "deploy_frontend_result", "done_for_now");
    assertThat(targets.log()).containsExactly("deployed backend v1.4.2 to staging",
        "deployed frontend v1.4.2 to staging");
    assertThat(model.requests()).hasSize(2);
    String context = model.requests().get(1).messages().getLast().content();
    assertThat(context).contains("<deploy_backend>\ntag: v1.4.2\nenvironment: staging\n"
        + "result: deployed backend v1.4.2 to staging\n</deploy_backend>\n"
        + "<deploy_frontend>\ntag: v1.4.2\nenvironment: staging\n"
        + "result: deployed frontend v1.4.2 to staging\n</deploy_frontend>");
    assertThat(model.requests().getFirst().messages().getLast().content())
        .contains("Call one or more of the tools, in the order they should run");
  }

  @Test
  void theFirstCallThatNeedsApprovalPausesAndTheRestRunAfterTheDecision() {
    DeployTargets targets = DeployTargets.example();
    ScriptedLlmClient model = ScriptedLlmClient.replyingWithCalls(DeployBotTools.CODEC, List.of(BACKEND_PRODUCTION, FRONTEND_STAGING),
        List.of(new DoneForNow("done")));
    Agent<DeployBotNextStep> agent = agent(PromptRunner.using(model), targets);

    AgentLoop.Outcome paused = new AgentLoop<>(agent).run(
        agent.userInput(AgentThread.empty(), "ship v1.4.2"));
    assertThat(paused.status()).isEqualTo(Status.WAITING_FOR_APPROVAL);
    PendingCall pending = agent.pending(paused.thread()).orElseThrow();
    assertThat(pending.callId()).isEqualTo("call_1");
    assertThat(pending.step()).isEqualTo(BACKEND_PRODUCTION);
    assertThat(targets.log()).as("nothing ran before the decision").isEmpty();

    AgentLoop.Outcome done = new AgentLoop<>(agent).run(
        agent.decide(paused.thread(), "call_1", true, null));
    assertThat(done.status()).isEqualTo(Status.DONE);
    assertThat(targets.log()).containsExactly("deployed backend v1.4.2 to production",
        "deployed frontend v1.4.2 to staging");
    assertThat(types(done.thread())).containsExactly("user_input", "deploy_backend",
        "deploy_frontend", "approval", "deploy_backend_result", "deploy_frontend_result",
        "done_for_now");
  }

  @Test
  void aRejectedCallDoesNotRunAndTheRestStillDo() {
    DeployTargets targets = DeployTargets.example();
    ScriptedLlmClient model = ScriptedLlmClient.replyingWithCalls(DeployBotTools.CODEC, List.of(BACKEND_PRODUCTION, FRONTEND_STAGING),
        List.of(new DoneForNow("frontend only")));
    Agent<DeployBotNextStep> agent = agent(PromptRunner.using(model), targets);
    AgentLoop.Outcome paused = new AgentLoop<>(agent).run(
        agent.userInput(AgentThread.empty(), "ship v1.4.2"));

    AgentLoop.Outcome done = new AgentLoop<>(agent).run(
        agent.decide(paused.thread(), "call_1", false, "not on a Friday"));

    assertThat(done.status()).isEqualTo(Status.DONE);
    assertThat(targets.log()).containsExactly("deployed frontend v1.4.2 to staging");
    assertThat(model.requests().get(1).messages().getLast().content())
        .contains("<deploy_backend>\ntag: v1.4.2\nenvironment: production\napproved: false\n"
            + "comment: not on a Friday\n</deploy_backend>");
  }

  @Test
  void aPausedTurnGoesOnAfterARestartAndNothingRunsTwice(@TempDir Path directory) {
    DeployTargets targets = DeployTargets.example();
    ThreadStore store = new FileThreadStore(directory, name -> new ThreadJson(DeployBotTools.CODEC));
    ScriptedLlmClient first = ScriptedLlmClient.replyingWithCalls(DeployBotTools.CODEC, List.of(FRONTEND_STAGING, BACKEND_PRODUCTION, BACKEND_STAGING));
    Agent<DeployBotNextStep> before = agent(PromptRunner.using(first), targets);
    AgentLoop.Outcome paused = new AgentLoop<>(before).run(
        before.userInput(AgentThread.empty(), "ship v1.4.2"));
    assertThat(paused.status()).isEqualTo(Status.WAITING_FOR_APPROVAL);
    assertThat(targets.log()).containsExactly("deployed frontend v1.4.2 to staging");
    StoredThread saved = store.create("deploybot", paused.thread(), paused.status());

    // A new process: a new store over the same files, a new agent on a new model.
    ThreadStore reopened = new FileThreadStore(directory, name -> new ThreadJson(DeployBotTools.CODEC));
    ScriptedLlmClient second = ScriptedLlmClient.replyingWithCalls(DeployBotTools.CODEC, List.of(new DoneForNow("all out")));
    Agent<DeployBotNextStep> after = agent(PromptRunner.using(second), targets);
    AgentThread loaded = reopened.load(saved.id()).orElseThrow().thread();
    assertThat(after.status(loaded)).isEqualTo(Status.WAITING_FOR_APPROVAL);
    assertThat(after.pending(loaded).orElseThrow().callId()).isEqualTo("call_2");

    AgentLoop.Outcome done = new AgentLoop<>(after).run(after.decide(loaded, "call_2", true, "go"));

    assertThat(done.status()).isEqualTo(Status.DONE);
    assertThat(targets.log()).containsExactly("deployed frontend v1.4.2 to staging",
        "deployed backend v1.4.2 to production", "deployed backend v1.4.2 to staging");
    assertThat(second.requests()).hasSize(1);
  }

  @Test
  void aQuestionForAHumanPausesTheTurnAndTheAnswerLetsItGoOn() {
    DeployTargets targets = DeployTargets.example();
    ScriptedLlmClient model = ScriptedLlmClient.replyingWithCalls(DeployBotTools.CODEC,
        List.of(new RequestMoreInformation("Staging only?"), FRONTEND_STAGING),
        List.of(new DoneForNow("ok")));
    Agent<DeployBotNextStep> agent = agent(PromptRunner.using(model), targets);
    AgentLoop.Outcome asked = new AgentLoop<>(agent).run(
        agent.userInput(AgentThread.empty(), "deploy the frontend"));
    assertThat(asked.status()).isEqualTo(Status.WAITING_FOR_HUMAN);
    assertThat(agent.question(asked.thread())).contains("Staging only?");
    assertThat(targets.log()).isEmpty();

    AgentLoop.Outcome done = new AgentLoop<>(agent).run(agent.respond(asked.thread(), "yes"));

    assertThat(done.status()).isEqualTo(Status.DONE);
    assertThat(targets.log()).containsExactly("deployed frontend v1.4.2 to staging");
  }

  @Test
  void aTurnWithACallThatDoesNotReadRunsNothing() {
    DeployTargets targets = DeployTargets.example();
    ScriptedLlmClient model = ScriptedLlmClient.of(List.of(
        Responses.toolCalls(List.of("deploy_backend", "deploy_frontend"),
            List.of("{\"tag\":\"v1.4.2\",\"environment\":\"staging\"}",
                "{\"tag\":\"v1.4.2\",\"environment\":\"moon\"}")),
        Responses.toolCall("done_for_now", "{\"message\":\"no\"}")));
    Agent<DeployBotNextStep> agent = agent(PromptRunner.using(model), targets);

    AgentLoop.Outcome outcome = new AgentLoop<>(agent).run(
        agent.userInput(AgentThread.empty(), "deploy"));

    assertThat(types(outcome.thread())).containsExactly("user_input", "error", "done_for_now");
    assertThat(outcome.thread().events().get(1).data().toString())
        .matches("(?s)call 2 of 2 \\(deploy_frontend, id call_\\w+\\): environment: expected one of"
            + " \\[staging, production\\], got \"moon\".*")
        .endsWith("None of the calls ran; send them again.");
    assertThat(targets.log()).isEmpty();
  }

  @Test
  void aJsonArrayOfStepsInTextIsATurnOfSeveralCalls() {
    DeployTargets targets = DeployTargets.example();
    ScriptedLlmClient model = ScriptedLlmClient.replyingWithText("""
        Both can go at once:
        ```json
        [{"intent": "deploy_backend", "tag": "v1.4.2", "environment": "staging"},
         {"intent": "deploy_frontend", "tag": "v1.4.2", "environment": "staging"}]
        ```""", "{\"next_steps\": [{\"intent\": \"done_for_now\", \"message\": \"done\"}]}");
    Agent<DeployBotNextStep> agent = agent(PromptRunner.using(model).withMode(OutputMode.TEXT), targets);

    AgentLoop.Outcome outcome = new AgentLoop<>(agent).run(
        agent.userInput(AgentThread.empty(), "deploy"));

    assertThat(outcome.status()).isEqualTo(Status.DONE);
    assertThat(targets.log()).hasSize(2);
    assertThat(model.requests().getFirst().messages().getLast().content())
        .contains("\"next_steps\":{\"type\":\"array\"");
  }

  @Test
  void parallelToolCallsIsAnOptionOfTheRequest() {
    ScriptedLlmClient model = ScriptedLlmClient.replyingWithCalls(DeployBotTools.CODEC, List.of(new DoneForNow("x")), List.of(new DoneForNow("y")));
    PromptRunner runner = PromptRunner.using(model);
    runner.nextSteps(List.of(ChatMessage.user("x")), DeployBotTools.CODEC);
    runner.withParallelToolCalls(false).nextStep(List.of(ChatMessage.user("x")), DeployBotTools.CODEC);
    assertThat(model.requests().get(0).parallelToolCalls()).isEmpty();
    assertThat(model.requests().get(1).parallelToolCalls()).contains(false);

    LlmRequest request = LlmRequest.tools(List.of(ChatMessage.user("x")),
        ToolSet.rendered(DeployBotTools.openAiTools(), DeployBotTools.anthropicTools()));
    OpenAiClient openAi = OpenAiClient.builder().apiKey("k").model("m").build();
    AnthropicClient anthropic = AnthropicClient.builder().apiKey("k").model("m").build();
    assertThat(Json.readTree(openAi.requestBody(request)).has("parallel_tool_calls")).isFalse();
    assertThat(Json.readTree(openAi.requestBody(request.withParallelToolCalls(false)))
        .get("parallel_tool_calls").asBoolean()).isFalse();
    assertThat(Json.readTree(anthropic.requestBody(request.withParallelToolCalls(false)))
        .get("tool_choice")).isEqualTo(Json.readTree(
            "{\"type\":\"any\",\"disable_parallel_tool_use\":true}"));
  }

  @Test
  void resultsGoBackMatchedByCallIdInBothProvidersShapes() {
    DeployTargets targets = DeployTargets.example();
    ScriptedLlmClient model = ScriptedLlmClient.replyingWithCalls(DeployBotTools.CODEC, List.of(BACKEND_STAGING, FRONTEND_STAGING),
        List.of(new DoneForNow("done")));
    PromptRunner runner = PromptRunner.using(model).withThreads(ContextRenderer.chatMessages());
    Agent<DeployBotNextStep> agent = agent(runner, targets);
    new AgentLoop<>(agent).run(agent.userInput(AgentThread.empty(), "deploy v1.4.2 to staging"));

    LlmRequest second = model.requests().get(1);
    OpenAiClient openAi = OpenAiClient.builder().apiKey("k").model("m").build();
    JsonNode messages = Json.readTree(openAi.requestBody(second)).get("messages");
    JsonNode assistant = messages.get(2);
    assertThat(assistant.get("role").asString()).isEqualTo("assistant");
    assertThat(assistant.get("tool_calls")).hasSize(2);
    assertThat(assistant.get("tool_calls").get(0).get("id").asString()).isEqualTo("call_1");
    assertThat(assistant.get("tool_calls").get(1).get("id").asString()).isEqualTo("call_2");
    assertThat(messages.get(3).get("tool_call_id").asString()).isEqualTo("call_1");
    assertThat(messages.get(3).get("content").asString()).isEqualTo("deployed backend v1.4.2 to staging");
    assertThat(messages.get(4).get("tool_call_id").asString()).isEqualTo("call_2");
    assertThat(messages.get(4).get("content").asString()).isEqualTo("deployed frontend v1.4.2 to staging");

    AnthropicClient anthropic = AnthropicClient.builder().apiKey("k").model("m").build();
    JsonNode turns = Json.readTree(anthropic.requestBody(second)).get("messages");
    JsonNode uses = turns.get(1).get("content");
    assertThat(turns.get(1).get("role").asString()).isEqualTo("assistant");
    assertThat(uses).extracting(block -> block.get("type").asString()).containsExactly("tool_use", "tool_use");
    JsonNode results = turns.get(2).get("content");
    assertThat(turns.get(2).get("role").asString()).isEqualTo("user");
    List<String> answered = new java.util.ArrayList<>();
    results.forEach(block -> {
      if (block.get("type").asString().equals("tool_result")) {
        answered.add(block.get("tool_use_id").asString());
      }
    });
    assertThat(answered).containsExactly("call_1", "call_2");
  }
}
