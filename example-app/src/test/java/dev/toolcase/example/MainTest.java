package dev.toolcase.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line, offline, with answers on standard input. */
class MainTest {

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  private int run(String input, String... args) {
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    return new Main(new BufferedReader(new StringReader(input)), out, Map.of()).run(args);
  }

  private String output() {
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theCalculatorComputesOffline() {
    assertThat(run("", "calculator", OfflineModel.CALCULATOR_MESSAGE)).isZero();
    assertThat(output()).contains("[multiply] {\"a\":3.0,\"b\":4.0}", "[multiply_result] 12.0",
        "[add_result] 18.0", "The result is 18.");
  }

  @Test
  void theDeploymentWaitsForApprovalAndDeploysOnYes() {
    assertThat(run("y\n", "deploybot", OfflineModel.DEPLOY_MESSAGE)).isZero();
    assertThat(output()).contains(
        "? Approve deploy_backend {\"tag\":\"v1.4.2\",\"environment\":\"production\"}? [y/n]",
        "[approval] {\"call_id\":\"call_3\",\"approved\":true}",
        "[deploy_backend_result] deployed backend v1.4.2 to production");
  }

  @Test
  void aRejectionWithAReasonGoesBackToTheModelWhichAsks() {
    int exit = run("n\nnot on a friday\nstaging first\n", "deploybot", OfflineModel.DEPLOY_MESSAGE);

    assertThat(output()).contains("reason (optional)> ",
        "[approval] {\"call_id\":\"call_3\",\"approved\":false,\"comment\":\"not on a friday\"}",
        "? Understood, I did not deploy to production. Should I deploy v1.4.2 to staging first",
        "The offline recordings end here.")
        .doesNotContain("deploy_backend_result");
    assertThat(exit).isEqualTo(1);
  }

  @Test
  void anUnrecordedMessageSaysHowToConfigureAModel() {
    assertThat(run("", "calculator", "what is 2 + 2")).isEqualTo(2);
    assertThat(output()).contains("Offline mode knows only the recorded scenarios",
        "set OPENAI_API_KEY");
  }

  @Test
  void badArgumentsPrintTheUsage() {
    assertThat(run("", "planner")).isEqualTo(2);
    assertThat(output()).contains("usage: toolcase-example-app (calculator|deploybot)",
        "or: toolcase-example-app serve");
    output.reset();
    assertThat(run("", "serve", "--colour")).isEqualTo(2);
    assertThat(output()).contains("--colour needs a value", Serve.USAGE);
  }

  @Test
  void serveTakesTheDatabaseFromTheEnvironmentUnlessFlagsSayOtherwise() {
    Map<String, String> env = Map.of("TOOLCASE_JDBC_URL", "jdbc:postgresql://db/toolcase",
        "TOOLCASE_JDBC_USER", "agent", "TOOLCASE_JDBC_PASSWORD", "pw");

    Serve.Options fromEnv = Serve.Options.parse(new String[] {"serve"}, env);
    Serve.Options fromFlags = Serve.Options.parse(new String[] {"serve", "--port", "9090",
        "--jdbc-url", "jdbc:postgresql://other/db", "--insecure-local"}, env);
    Serve.Options plain = Serve.Options.parse(new String[] {"serve", "--data", "/tmp/x"}, Map.of());

    assertThat(fromEnv.jdbcUrl()).isEqualTo("jdbc:postgresql://db/toolcase");
    assertThat(fromEnv.jdbcUser()).isEqualTo("agent");
    assertThat(fromFlags.jdbcUrl()).isEqualTo("jdbc:postgresql://other/db");
    assertThat(fromFlags.port()).isEqualTo(9090);
    assertThat(fromFlags.insecureLocal()).isTrue();
    assertThat(plain.jdbcUrl()).isNull();
    assertThat(plain.data()).isEqualTo(Path.of("/tmp/x"));
    assertThat(plain.port()).isEqualTo(8080);
  }
}
