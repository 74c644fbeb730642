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
  void aRejectionWithAReasonGoesBackToTheModelWhichAsksAndDeploysToStagingOnTheAnswer() {
    int exit = run("n\nnot on a friday\nstaging first\n", "deploybot", OfflineModel.DEPLOY_MESSAGE);

    assertThat(output()).contains("reason (optional)> ",
        "[approval] {\"call_id\":\"call_3\",\"approved\":false,\"comment\":\"not on a friday\"}",
        "? Understood, I did not deploy to production. Should I deploy v1.4.2 to staging first",
        "[deploy_backend] {\"tag\":\"v1.4.2\",\"environment\":\"staging\"}",
        "[deploy_backend_result] deployed backend v1.4.2 to staging",
        "Deployed backend v1.4.2 to staging.")
        .doesNotContain("deployed backend v1.4.2 to production");
    assertThat(exit).isZero();
  }

  @Test
  void offlineRunsSayThatAStandInAnswers() {
    assertThat(run("", "calculator", "add 2 and 2")).isZero();
    assertThat(output()).startsWith(OfflineModel.NOTICE).contains("The result is 4.");
  }

  @Test
  void theCalculatorFollowsOtherPhrasingsOfArithmetic() {
    assertThat(run("", "calculator", "can you multiply 3 and 4, then divide the result by 2 and"
        + " then add 12 to that result?")).isZero();
    assertThat(output()).contains("[multiply] {\"a\":3.0,\"b\":4.0}", "The result is 18.");
    output.reset();
    assertThat(run("", "calculator", "What is 7 times 6 plus 1?")).isZero();
    assertThat(output()).contains("[multiply] {\"a\":7.0,\"b\":6.0}",
        "[add] {\"a\":42.0,\"b\":1.0}", "The result is 43.");
    output.reset();
    assertThat(run("", "calculator", "subtract 3 from 10")).isZero();
    assertThat(output()).contains("[subtract] {\"a\":10.0,\"b\":3.0}", "The result is 7.");
  }

  @Test
  void divisionByZeroIsAnErrorTheModelReports() {
    assertThat(run("", "calculator", "divide 3 by 0")).isZero();
    assertThat(output()).contains("[error] divide failed: cannot divide 3.0 by zero",
        "I could not finish");
  }

  @Test
  void theDeploymentBotFollowsObviousRequests() {
    assertThat(run("", "deploybot", "deploy the frontend to staging")).isZero();
    assertThat(output()).contains("[list_git_tags] {}",
        "[deploy_frontend] {\"tag\":\"v1.4.2\",\"environment\":\"staging\"}",
        "Deployed frontend v1.4.2 to staging.");
    output.reset();
    assertThat(run("", "deploybot", "which tags are there?")).isZero();
    assertThat(output()).contains("The tags are v1.4.2, v1.4.1, v1.3.0");
    output.reset();
    assertThat(run("staging\n", "deploybot", "deploy backend v1.4.1")).isZero();
    assertThat(output()).contains("? Which environment should I deploy backend v1.4.1 to",
        "[deploy_backend_result] deployed backend v1.4.1 to staging");
  }

  @Test
  void standardInputClosingAtAPromptSaysWhatTheThreadWaitsFor() {
    assertThat(run("", "deploybot", OfflineModel.DEPLOY_MESSAGE)).isEqualTo(3);
    assertThat(output()).contains(
        "Standard input closed while the thread waits for a decision on call_3; nothing was run.");
  }

  @Test
  void aMessageTheStandInDoesNotFollowSaysHowToConfigureAModel() {
    assertThat(run("", "calculator", "tell me a joke")).isEqualTo(2);
    assertThat(output()).contains("a rule-based stand-in answers", "set OPENAI_API_KEY");
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
  void serveWithoutATokenNamesTheEnvironmentVariableAndTheFlag() {
    assertThat(run("", "serve", "--port", "0")).isEqualTo(1);
    assertThat(output()).contains("cannot serve: no bearer token: set TOOLCASE_API_TOKEN",
        "pass --insecure-local").doesNotContain("insecureLocal()");
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
