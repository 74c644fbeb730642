package dev.toolcase.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolcase.ParseException;
import dev.toolcase.codec.StepCodec;
import dev.toolcase.codec.ToolJson;
import dev.toolcase.example.calculator.CalculatorTools;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The example's {@code mcp} command against the official TypeScript MCP client
 * ({@code @modelcontextprotocol/sdk} from the npm registry, installed by this test into
 * {@code target/mcp-node}), over stdio and Streamable HTTP: {@code src/test/node/mcp-client.mjs}
 * lists the tools, calls each kind, sends a malformed call, runs the deployment bot through an
 * approval by elicitation, and resumes a paused thread in a new server process.
 */
class McpTypeScriptClientTest {

  private static final Path NODE_DIR = Paths.get("target", "mcp-node").toAbsolutePath();
  private static final String TOKEN = "ts-client-token";

  @TempDir
  Path data;

  @BeforeAll
  static void installTheClient() throws Exception {
    Files.createDirectories(NODE_DIR);
    for (String file : List.of("package.json", "mcp-client.mjs")) {
      Files.copy(Paths.get("src", "test", "node", file), NODE_DIR.resolve(file),
          StandardCopyOption.REPLACE_EXISTING);
    }
    if (Files.exists(NODE_DIR.resolve("node_modules/@modelcontextprotocol/sdk/package.json"))) {
      return;
    }
    Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund",
        "--loglevel=error")
        .directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
    String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(npm.waitFor(5, TimeUnit.MINUTES)).as("npm install finished").isTrue();
    assertThat(npm.exitValue()).as("npm install of the MCP client:\n" + output).isZero();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs the client script and returns what it saw. */
  private static JsonNode client(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", "mcp-client.mjs"));
    command.addAll(List.of(args));
    Process node = new ProcessBuilder(command).directory(NODE_DIR.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(3, TimeUnit.MINUTES)).as("the client finished").isTrue();
    assertThat(node.exitValue()).as("the client's exit code; its output:\n" + output).isZero();
    String[] lines = output.strip().split("\n");
    return Json.readTree(lines[lines.length - 1]);
  }

  @Test
  void overStdio() throws Exception {
    check(client("stdio", java(), System.getProperty("java.class.path"), data.toString()));
  }

  @Test
  void overStreamableHttp() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(java(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "mcp", "--data",
        data.toString(), "--http", "0").redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("TOOLCASE_API_TOKEN", TOKEN);
    Process server = builder.start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
          StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).startsWith("Serving MCP on http://127.0.0.1:");
      String url = line.substring("Serving MCP on ".length()).strip();
      JsonNode seen = client("http", url, TOKEN);
      assertThat(seen.path("wrongToken").asString()).as("a wrong token").isEqualTo("401");
      check(seen);
    } finally {
      server.destroyForcibly().waitFor();
    }
  }

  private static void check(JsonNode seen) {
    List<ToolJson.Tool> generated = new ArrayList<>();
    generated.addAll(CalculatorTools.CODEC.tools());
    generated.addAll(DeployBotTools.CODEC.tools());
    List<ToolJson.Tool> served = generated.stream().filter(tool -> tool.kind().runs()).toList();
    List<String> names = new ArrayList<>();
    seen.path("tools").forEach(tool -> names.add(tool.path("name").asString()));
    List<String> expected = new ArrayList<>(served.stream().map(ToolJson.Tool::name).toList());
    expected.add("deploybot");
    assertThat(names).containsExactlyElementsOf(expected);
    for (int i = 0; i < served.size(); i++) {
      JsonNode listed = seen.path("tools").get(i);
      assertThat(listed.path("description").asString()).isEqualTo(served.get(i).description());
      assertThat(listed.path("inputSchema")).as(served.get(i).name())
          .isEqualTo(Json.readTree(ToolJson.parameters(served.get(i))));
    }

    assertThat(seen.at("/add/isError").asBoolean()).isFalse();
    assertThat(seen.at("/add/content/0/text").asString()).isEqualTo("5.0");
    assertThat(seen.at("/divideByZero/isError").asBoolean()).isTrue();
    assertThat(seen.at("/divideByZero/content/0/text").asString())
        .isEqualTo("divide failed: cannot divide 1.0 by zero");
    assertThat(seen.at("/malformed/isError").asBoolean()).isTrue();
    assertThat(seen.at("/malformed/content/0/text").asString())
        .isEqualTo(parseError(CalculatorTools.CODEC, "add", "{\"a\":\"two\",\"b\":3}"));
    assertThat(seen.at("/unknown/code").asInt()).isEqualTo(-32602);
    assertThat(seen.path("tags").asString()).isEqualTo("[\"v1.4.2\",\"v1.4.1\",\"v1.3.0\"]");

    assertThat(seen.at("/deployToStaging/isError").asBoolean()).isFalse();
    assertThat(seen.at("/deployToProduction/isError").asBoolean())
        .as(seen.path("deployToProduction").toString()).isFalse();
    assertThat(seen.path("asked").get(0).asString()).as("production needs approval")
        .isEqualTo("Run deploy_backend with {\"tag\":\"v1.4.2\",\"environment\":\"production\"}?"
            + " It needs your approval.");

    assertThat(seen.at("/agent/isError").asBoolean()).as(seen.path("agent").toString()).isFalse();
    assertThat(seen.at("/agent/structuredContent/status").asString()).isEqualTo("done");
    assertThat(seen.at("/agent/content/0/text").asString()).contains("v1.4.2");
    assertThat(seen.path("asked").get(1).asString()).as("the agent asked through elicitation")
        .startsWith("Approve deploy_backend");

    assertThat(seen.at("/refused/isError").asBoolean()).isTrue();
    assertThat(seen.at("/refused/content/0/text").asString())
        .contains("this client cannot ask for it");
    assertThat(seen.at("/paused/structuredContent/status").asString())
        .isEqualTo("waiting_for_approval");
    assertThat(seen.at("/paused/content/0/text").asString()).startsWith("Approve deploy_frontend")
        .contains("call it again with thread_id");
    assertThat(seen.at("/resumed/isError").asBoolean()).as(seen.path("resumed").toString())
        .isFalse();
    assertThat(seen.at("/resumed/structuredContent/status").asString()).isEqualTo("done");
    assertThat(seen.at("/resumed/structuredContent/thread_id").asString())
        .isEqualTo(seen.at("/paused/structuredContent/thread_id").asString());
  }

  private static String parseError(StepCodec<?> codec, String name, String arguments) {
    try {
      codec.fromToolCall(name, arguments);
    } catch (ParseException e) {
      return e.getMessage();
    }
    throw new AssertionError(name + " " + arguments + " was read");
  }
}
