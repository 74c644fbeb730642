package dev.toolcase.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolcase.Agent;
import dev.toolcase.AgentLoop;
import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.PendingCall;
import dev.toolcase.Status;
import dev.toolcase.example.calculator.CalculatorNextStep;
import dev.toolcase.example.calculator.Divide;
import dev.toolcase.example.calculator.DoneForNow;
import dev.toolcase.example.deploy.DeployBackend;
import dev.toolcase.example.deploy.DeployBotNextStep;
import dev.toolcase.example.deploy.DeployTargets;
import dev.toolcase.example.deploy.Environment;
import dev.toolcase.example.deploy.ReleaseBotNextStep;
import dev.toolcase.example.deploy.ReleaseBotTools;
import dev.toolcase.example.deploy.RequestMoreInformation;
import dev.toolcase.llm.LlmRequest;
import dev.toolcase.llm.OutputMode;
import dev.toolcase.llm.ScriptedLlmClient;
import dev.toolcase.prompt.PromptRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both scenarios end to end through the loop, on scripted model responses. */
class AgentLoopTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

  private static List<String> types(AgentThread thread) {
    return thread.events().stream().map(Event::type).toList();
  }

  private static String content(LlmRequest request) {
    StringBuilder all = new StringBuilder();
    request.messages().forEach(m -> all.append(m.content()).append('\n'));
    return all.toString();
  }

  @Test
  void calculatorComputesStepByStep() {
    ScriptedLlmClient model = ScriptedLlmClient.of(List.of(
        Responses.toolCall("multiply", "{\"a\":3,\"b\":4}"),
        Responses.toolCall("divide", "{\"a\":12,\"b\":2}"),
        Responses.toolCall("add", "{\"a\":6,\"b\":12}"),
        Responses.toolCall("done_for_now", "{\"message\":\"18\"}")));
    Agent<CalculatorNextStep> agent = Agents.calculator(PromptRunner.using(model), CLOCK);
    AgentThread start = agent.userInput(AgentThread.empty(), OfflineModel.CALCULATOR_MESSAGE);

    AgentLoop.Outcome outcome = new AgentLoop<>(agent).run(start);

    assertThat(outcome.status()).isEqualTo(Status.DONE);
    assertThat(types(outcome.thread())).containsExactly("user_input", "multiply", "multiply_result",
        "divide", "divide_result", "add", "add_result", "done_for_now");
    assertThat(outcome.thread().events().get(6).data().toString()).isEqualTo("18.0");
    assertThat(outcome.thread().events().getLast().data()).isEqualTo(new DoneForNow("18"));
    assertThat(model.requests()).hasSize(4).allSatisfy(r -> assertThat(r.outputMode()).isEqualTo(OutputMode.TOOLS));
    assertThat(content(model.requests().get(3))).contains("18.0");
  }

  @Test
  void badModelOutputIsFedBackAsAnErrorAndThenCorrected() {
    ScriptedLlmClient model = ScriptedLlmClient.of(List.of(
        Responses.toolCall("divide", "{\"a\":\"twelve\",\"b\":2}"),
        Responses.toolCall("divide", "{\"a\":12,\"b\":2}"),
        Responses.toolCall("done_for_now", "{\"message\":\"6\"}")));
    Agent<CalculatorNextStep> agent = Agents.calculator(PromptRunner.using(model), CLOCK);

    AgentLoop.Outcome outcome = new AgentLoop<>(agent).run(agent.userInput(AgentThread.empty(), "12 / 2"));

    assertThat(types(outcome.thread())).containsExactly("user_input", "error", "divide", "divide_result",
        "done_for_now");
    assertThat(outcome.thread().events().get(1).data()).isEqualTo("a: expected a number, got \"twelve\"");
    assertThat(content(model.requests().get(1))).contains("a: expected a number, got \"twelve\"");
  }

  @Test
  void handlerExceptionBecomesACompactError() {
    ScriptedLlmClient model = ScriptedLlmClient.of(List.of(
        Responses.toolCall("divide", "{\"a\":12,\"b\":0}"),
        Responses.toolCall("done_for_now", "{\"message\":\"cannot divide by zero\"}")));
    Agent<CalculatorNextStep> agent = Agents.calculator(PromptRunner.using(model), CLOCK);

    AgentLoop.Outcome outcome = new AgentLoop<>(agent).run(agent.userInput(AgentThread.empty(), "12 / 0"));

    assertThat(types(outcome.thread())).containsExactly("user_input", "divide", "error", "done_for_now");
    assertThat(outcome.thread().events().get(2).data()).isEqualTo("divide failed: cannot divide 12.0 by zero");
    assertThat(content(model.requests().get(1))).contains("divide failed: cannot divide 12.0 by zero")
        .doesNotContain("ArithmeticException").doesNotContain("at dev.toolcase");
  }

  @Test
  void threeConsecutiveErrorsEscalateToAHuman() {
    ScriptedLlmClient model = ScriptedLlmClient.of(List.of(
        Responses.text("I think the answer is probably 4"),
        Responses.toolCall("divide", "{\"a\":1,\"b\":0}"),
        Responses.toolCall("launch_rocket", "{}"),
        Responses.toolCall("add", "{\"a\":2,\"b\":2}"),
        Responses.toolCall("done_for_now", "{\"message\":\"4\"}")));
    Agent<CalculatorNextStep> agent = Agents.calculator(PromptRunner.using(model), CLOCK);
    AgentLoop<CalculatorNextStep> loop = new AgentLoop<>(agent);

    AgentLoop.Outcome outcome = loop.run(agent.userInput(AgentThread.empty(), "2 + 2"));

    assertThat(outcome.status()).isEqualTo(Status.WAITING_FOR_HUMAN);
    assertThat(types(outcome.thread())).containsExactly("user_input", "error", "divide", "error", "error",
        "escalation");
    assertThat(outcome.thread().events().get(4).data().toString())
        .isEqualTo("intent: expected one of [add, subtract, multiply, divide, done_for_now], got \"launch_rocket\"");
    assertThat(agent.question(outcome.thread()).orElseThrow()).startsWith("3 errors in a row");
    assertThat(model.remaining()).isEqualTo(2);

    AgentLoop.Outcome resumed = loop.run(agent.respond(outcome.thread(), "just add 2 and 2"));
    assertThat(resumed.status()).isEqualTo(Status.DONE);
    assertThat(agent.consecutiveErrors(resumed.thread())).isZero();
  }

  @Test
  void productionDeployWaitsForApprovalAndRunsOnceApproved() {
    ScriptedLlmClient model = ScriptedLlmClient.of(List.of(
        Responses.toolCall("list_git_tags", "{}"),
        Responses.toolCall("deploy_backend", "{\"tag\":\"v1.4.2\",\"environment\":\"production\"}"),
        Responses.toolCall("done_for_now", "{\"message\":\"deployed\"}")));
    DeployTargets targets = DeployTargets.example();
    Agent<DeployBotNextStep> agent = Agents.deployBot(PromptRunner.using(model), targets, CLOCK);
    AgentLoop<DeployBotNextStep> loop = new AgentLoop<>(agent);

    AgentLoop.Outcome paused = loop.run(agent.userInput(AgentThread.empty(), OfflineModel.DEPLOY_MESSAGE));

    assertThat(paused.status()).isEqualTo(Status.WAITING_FOR_APPROVAL);
    PendingCall pending = agent.pending(paused.thread()).orElseThrow();
    assertThat(pending.callId()).isEqualTo("call_3");
    assertThat(pending.step()).isEqualTo(new DeployBackend("v1.4.2", Environment.production));
    assertThat(targets.log()).isEmpty();
    assertThat(loop.run(paused.thread()).thread()).isEqualTo(paused.thread());

    assertThatThrownBy(() -> agent.decide(paused.thread(), "call_1", true, ""))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("waits for approval of call_3");
    AgentLoop.Outcome done = loop.run(agent.decide(paused.thread(), "call_3", true, "go"));

    assertThat(done.status()).isEqualTo(Status.DONE);
    assertThat(targets.log()).containsExactly("deployed backend v1.4.2 to production");
    assertThat(types(done.thread())).containsSubsequence("deploy_backend", "approval", "deploy_backend_result",
        "done_for_now");
  }

  @Test
  void prefetchedTagsSpareTheModelATurnAndTheToolIsNotOffered() {
    ScriptedLlmClient model = ScriptedLlmClient.of(List.of(
        Responses.toolCall("deploy_backend", "{\"tag\":\"v1.4.2\",\"environment\":\"staging\"}"),
        Responses.toolCall("done_for_now", "{\"message\":\"v1.4.2 is on staging\"}")));
    DeployTargets targets = DeployTargets.example();
    Agent<ReleaseBotNextStep> agent = Agents.releaseBot(PromptRunner.using(model), targets, CLOCK);
    AgentThread start = Agents.withTags(
        agent.userInput(AgentThread.empty(), "deploy the latest backend to staging"), targets, CLOCK);

    assertThat(agent.status(start)).isEqualTo(Status.RUNNING);
    AgentLoop.Outcome done = new AgentLoop<>(agent).run(start);

    assertThat(done.status()).isEqualTo(Status.DONE);
    assertThat(types(done.thread())).containsExactly("user_input", "list_git_tags", "list_git_tags_result",
        "deploy_backend", "deploy_backend_result", "done_for_now");
    assertThat(targets.log()).containsExactly("deployed backend v1.4.2 to staging");
    LlmRequest first = model.requests().getFirst();
    assertThat(content(first)).contains("<list_git_tags_result>", "v1.4.2", "v1.4.1", "v1.3.0");
    assertThat(first.tools().openAiTools()).contains("\"deploy_backend\"").doesNotContain("list_git_tags");
    assertThat(ReleaseBotTools.CODEC.intents()).doesNotContain("list_git_tags");
  }

  @Test
  void rejectionGoesBackToTheModelAndNothingIsDeployed() {
    ScriptedLlmClient model = ScriptedLlmClient.of(List.of(
        Responses.toolCall("deploy_backend", "{\"tag\":\"v1.4.2\",\"environment\":\"production\"}"),
        Responses.toolCall("request_more_information", "{\"message\":\"Staging first?\"}")));
    DeployTargets targets = DeployTargets.example();
    Agent<DeployBotNextStep> agent = Agents.deployBot(PromptRunner.using(model), targets, CLOCK);
    AgentLoop<DeployBotNextStep> loop = new AgentLoop<>(agent);
    AgentLoop.Outcome paused = loop.run(agent.userInput(AgentThread.empty(), "deploy v1.4.2 to production"));

    AgentLoop.Outcome asked = loop.run(agent.decide(paused.thread(), "call_1", false, "not on a friday"));

    assertThat(targets.log()).isEmpty();
    assertThat(asked.status()).isEqualTo(Status.WAITING_FOR_HUMAN);
    assertThat(asked.thread().events().getLast().data()).isEqualTo(new RequestMoreInformation("Staging first?"));
    assertThat(content(model.requests().get(1))).contains("not on a friday");
  }

  @Test
  void stagingDeploysRunWithoutApproval() {
    ScriptedLlmClient model = ScriptedLlmClient.of(List.of(
        Responses.toolCall("deploy_backend", "{\"tag\":\"v1.4.1\",\"environment\":\"staging\"}"),
        Responses.toolCall("done_for_now", "{\"message\":\"on staging\"}")));
    DeployTargets targets = DeployTargets.example();
    Agent<DeployBotNextStep> agent = Agents.deployBot(PromptRunner.using(model), targets, CLOCK);

    AgentLoop.Outcome outcome = new AgentLoop<>(agent).run(agent.userInput(AgentThread.empty(), "stage it"));

    assertThat(outcome.status()).isEqualTo(Status.DONE);
    assertThat(targets.backendIn(Environment.staging)).contains("v1.4.1");
  }

  @Test
  void stepLimitStopsTheThreadAndSaysWhy() {
    ScriptedLlmClient model = ScriptedLlmClient.of(List.of(
        Responses.toolCall("add", "{\"a\":1,\"b\":1}"),
        Responses.toolCall("add", "{\"a\":2,\"b\":1}"),
        Responses.toolCall("add", "{\"a\":3,\"b\":1}")));
    Agent<CalculatorNextStep> agent = Agents.calculator(PromptRunner.using(model), CLOCK);

    AgentLoop.Outcome outcome = new AgentLoop<>(agent, 4).run(agent.userInput(AgentThread.empty(), "count"));

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.thread().events().getLast().data()).isEqualTo("stopped after 4 steps without finishing");
    assertThat(agent.step(outcome.thread())).isEqualTo(outcome.thread());
  }

  @Test
  void theExactMessagesCanBeRenderedWithoutAModel() {
    var prompts = dev.toolcase.example.calculator.CalculatorPrompts.using(ScriptedLlmClient.of(List.of()));
    AgentThread thread = AgentThread.empty().append(new Event("user_input", "2 + 2", CLOCK.instant()))
        .append(new Event("divide", new Divide(4, 2), CLOCK.instant()));
    var messages = prompts.determineNextStepMessages(thread);
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).content()).startsWith("You are a calculator.");
    assertThat(messages.get(1).content()).contains("2 + 2").contains("divide")
        .endsWith("Call exactly one of the tools: add, subtract, multiply, divide, done_for_now.");
  }
}
