package dev.toolcase.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.ParseException;
import dev.toolcase.ThreadJson;
import dev.toolcase.example.calculator.CalculatorTools;
import dev.toolcase.example.deploy.DeployBackend;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.example.deploy.Environment;
import dev.toolcase.example.deploy.RequestMoreInformation;
import dev.toolcase.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Threads written with the generated codecs and read back, byte for byte. */
class ThreadJsonTest {

  private static final Instant AT = Instant.parse("2026-11-24T10:00:00.000000001Z");
  private final ThreadJson deployJson = new ThreadJson(DeployBotTools.CODEC);

  /** The deployment scenario plus every other kind of event a thread can hold. */
  private static AgentThread everyKind() {
    return Scenarios.deployBot()
        .append(new Event("user_input", "now \"production\"\nfor the frontend ✓", AT))
        .append(new Event("deploy_backend", new DeployBackend("v1.4.2", Environment.production), AT))
        .append(new Event("error", "deploy_backend failed: timeout after 30 s", AT))
        .append(new Event("request_more_information", new RequestMoreInformation("Retry?"), AT))
        .append(new Event("human_response", "yes", AT))
        .append(new Event("escalation", "3 errors in a row", AT))
        .append(new Event("approval", Json.readTree(
            "{\"call_id\":\"call_9\",\"approved\":false,\"comment\":\"not now\"}"), AT))
        .append(new Event("failure", "stopped after 20 steps without finishing", AT))
        .append(new Event("audit_note", Json.readTree(
            "{\"by\":\"ops\",\"amount\":1.50,\"big\":123456789012345678901234567890,"
                + "\"tags\":[\"a\",null,true],\"nested\":{\"empty\":{}}}"), AT));
  }

  @Test
  void aThreadReadBackWritesTheSameBytes() {
    AgentThread thread = everyKind();

    String json = deployJson.write(thread);
    AgentThread read = deployJson.readThread(json);

    assertThat(deployJson.write(read)).isEqualTo(json);
    assertThat(read).isEqualTo(thread);
    int appended = Scenarios.deployBot().events().size();
    assertThat(read.events().get(appended + 1).data())
        .isEqualTo(new DeployBackend("v1.4.2", Environment.production));
    assertThat(read.events().getLast().data()).isEqualTo(thread.events().getLast().data());
  }

  @Test
  void eachEventIsOneCompactObject() {
    assertThat(deployJson.write(new Event("deploy_backend",
        new DeployBackend("v1.2.3", Environment.staging), AT)))
        .isEqualTo("{\"type\":\"deploy_backend\",\"data\":{\"tag\":\"v1.2.3\",\"environment\":"
            + "\"staging\"},\"at\":\"2026-11-24T10:00:00.000000001Z\"}");
    assertThat(deployJson.write(new Event("user_input", "hi", AT)))
        .isEqualTo("{\"type\":\"user_input\",\"data\":\"hi\",\"at\":\"2026-11-24T10:00:00.000000001Z\"}");
  }

  @Test
  void theCalculatorThreadRoundTripsToo() {
    ThreadJson json = new ThreadJson(CalculatorTools.CODEC);
    AgentThread thread = Scenarios.calculator();

    assertThat(json.readThread(json.write(thread))).isEqualTo(thread);
  }

  @Test
  void damagedJsonIsAParseExceptionThatSaysWhere() {
    assertThatThrownBy(() -> deployJson.read("{\"type\":\"user_input\",\"at\":\"2026-11-24T10:00:00Z\"}"))
        .isInstanceOf(ParseException.class).hasMessageContaining("data: missing");
    assertThatThrownBy(() -> deployJson.read("{\"type\":\"user_input\",\"data\":\"x\",\"at\":\"soon\"}"))
        .isInstanceOf(ParseException.class).hasMessageContaining("at: expected an ISO-8601 instant");
    assertThatThrownBy(() -> deployJson.read("{\"type\":\"deploy_backend\",\"data\":{\"tag\":\"v1\","
        + "\"environment\":\"prod\"},\"at\":\"2026-11-24T10:00:00Z\"}"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("environment: expected one of [staging, production], got \"prod\"");
    assertThatThrownBy(() -> deployJson.readThread("{\"events\": [{\"type\": 3}]}"))
        .isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> deployJson.readThread("{\"events\": [")).isInstanceOf(ParseException.class);
  }
}
