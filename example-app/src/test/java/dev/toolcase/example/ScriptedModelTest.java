package dev.toolcase.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolcase.Agent;
import dev.toolcase.AgentLoop;
import dev.toolcase.AgentThread;
import dev.toolcase.Status;
import dev.toolcase.example.deploy.DeployBackend;
import dev.toolcase.example.deploy.DeployBotNextStep;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.example.deploy.DeployTargets;
import dev.toolcase.example.deploy.DoneForNow;
import dev.toolcase.example.deploy.Environment;
import dev.toolcase.example.deploy.ListGitTags;
import dev.toolcase.llm.ChatMessage;
import dev.toolcase.llm.LlmRequest;
import dev.toolcase.llm.LlmResponse;
import dev.toolcase.llm.OutputMode;
import dev.toolcase.llm.ScriptedLlmClient;
import dev.toolcase.llm.ToolCall;
import dev.toolcase.prompt.PromptRunner;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model scripted with typed steps, written by the generated codec in the providers' shapes. */
class ScriptedModelTest {

  private static final LlmRequest ASK = LlmRequest.text(List.of(ChatMessage.user("deploy")));

  @Test
  void eachStepIsAToolCallWithTheCodecsArguments() {
    ScriptedLlmClient model = ScriptedLlmClient.replying(DeployBotTools.CODEC,
        new ListGitTags(), new DeployBackend("v1.4.2", Environment.staging));

    LlmResponse first = model.complete(ASK);
    LlmResponse second = model.complete(ASK);

    assertThat(first.toolCalls()).containsExactly(new ToolCall("call_scripted_1", "list_git_tags", "{}"));
    assertThat(second.toolCalls()).containsExactly(new ToolCall("call_scripted_2", "deploy_backend",
        "{\"tag\":\"v1.4.2\",\"environment\":\"staging\"}"));
    assertThat(model.remaining()).isZero();
  }

  @Test
  void aScriptedAgentRunsTheWholePathInAFewLines() {
    ScriptedLlmClient model = ScriptedLlmClient.replying(DeployBotTools.CODEC,
        new ListGitTags(),
        new DeployBackend("v1.4.2", Environment.staging),
        new DoneForNow("Deployed v1.4.2 to staging."));
    DeployTargets targets = DeployTargets.example();
    Agent<DeployBotNextStep> agent = Agents.deployBot(PromptRunner.using(model), targets, Clock.systemUTC());

    AgentLoop.Outcome outcome = new AgentLoop<>(agent).run(agent.userInput(AgentThread.empty(), "deploy"));

    assertThat(outcome.status()).isEqualTo(Status.DONE);
    assertThat(targets.backendIn(Environment.staging)).contains("v1.4.2");
    assertThat(model.requests()).hasSize(3)
        .allSatisfy(request -> assertThat(request.outputMode()).isEqualTo(OutputMode.TOOLS));
  }

  @Test
  void inTextTheStepIsItsJsonWithTheIntent() {
    ScriptedLlmClient model = ScriptedLlmClient.replyingInText(DeployBotTools.CODEC,
        new DeployBackend("v1.4.1", Environment.production));

    LlmResponse response = model.complete(ASK);

    assertThat(response.toolCalls()).isEmpty();
    assertThat(response.text())
        .isEqualTo("{\"intent\":\"deploy_backend\",\"tag\":\"v1.4.1\",\"environment\":\"production\"}");
    assertThat(DeployBotTools.parse(response.text()))
        .isEqualTo(new DeployBackend("v1.4.1", Environment.production));
  }
}
