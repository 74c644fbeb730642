package dev.toolcase.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolcase.ParseException;
import dev.toolcase.codec.StepKind;
import dev.toolcase.codec.ToolJson;
import dev.toolcase.json.Json;
import dev.toolcase.mcp.ops.OpsTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The MCP server over the Java SDK's own client, over HTTP in this JVM and stdio in a child. */
class McpServerTest {

  private static final String TOKEN = "mcp-test-token";
  private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(JsonMapper.builder().build());

  @TempDir
  Path dir;

  private final List<AutoCloseable> closing = new ArrayList<>();
  private final List<String> asked = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : closing.reversed()) {
      closeable.close();
    }
  }

  private ToolcaseMcp http() {
    ToolcaseMcp server = OpsServer.builder(dir).port(0).token(TOKEN).startHttp();
    closing.add(server);
    return server;
  }

  /** A client of {@code transport}; {@code answers} answers elicitations, or none when null. */
  private McpSyncClient client(McpClientTransport transport,
      Function<ElicitFormRequest, ElicitResult> answers) {
    McpClient.SyncSpec spec = McpClient.sync(transport)
        .clientInfo(McpSchema.Implementation.builder("toolcase-test", "1.0").build())
        .requestTimeout(Duration.ofSeconds(60));
    if (answers != null) {
      spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
          .elicitation(request -> {
            asked.add(request.message());
            return answers.apply(request);
          });
    }
    McpSyncClient client = spec.build();
    closing.add(client::closeGracefully);
    client.initialize();
    return client;
  }

  private McpSyncClient httpClient(ToolcaseMcp server,
      Function<ElicitFormRequest, ElicitResult> answers) {
    return client(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
        .endpoint("/mcp").jsonMapper(JSON)
        .addHttpRequestCustomizer((request, method, uri, body, context) ->
            request.header("Authorization", "Bearer " + TOKEN))
        .build(), answers);
  }

  private McpSyncClient stdioClient(Function<ElicitFormRequest, ElicitResult> answers) {
    StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString())
        .args("-cp", System.getProperty("java.class.path"), OpsServer.class.getName(), "stdio",
            dir.toString())
        .build(), JSON);
    transport.setStdErrorHandler(line -> { });
    return client(transport, answers);
  }

  private McpSyncClient client(String transport, Function<ElicitFormRequest, ElicitResult> answers) {
    return transport.equals("stdio") ? stdioClient(answers) : httpClient(http(), answers);
  }

  /** Approves every call and answers every question with "it was old". */
  private static ElicitResult yes(ElicitFormRequest request) {
    return ElicitResult.builder(ElicitResult.Action.ACCEPT)
        .content(request.requestedSchema().toString().contains("approve")
            ? Map.of("approve", true) : Map.of("answer", "it was old"))
        .build();
  }

  private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
    return client.callTool(CallToolRequest.builder(tool).arguments(args).build());
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().getFirst()).text();
  }

  private List<String> deletes() throws IOException {
    Path log = dir.resolve("deletes.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "stdio"})
  void toolsListHasEveryToolToRunWithItsGeneratedSchema(String transport) {
    assertThat(OpsTools.CODEC.tools()).extracting(ToolJson.Tool::kind).containsExactly(
        StepKind.TOOL, StepKind.TOOL, StepKind.TOOL_WITH_APPROVAL, StepKind.HUMAN_CONTACT,
        StepKind.FINAL_ANSWER);
    McpSyncClient client = client(transport, null);
    List<McpSchema.Tool> tools = client.listTools().tools();
    assertThat(tools).extracting(McpSchema.Tool::name)
        .containsExactly("ping", "add", "delete", "opsbot");
    for (ToolJson.Tool generated : OpsTools.CODEC.tools().subList(0, 3)) {
      McpSchema.Tool listed = tools.stream().filter(t -> t.name().equals(generated.name()))
          .findFirst().orElseThrow();
      assertThat(listed.description()).isEqualTo(generated.description());
      tools.jackson.databind.JsonNode schema = Json.mapper().valueToTree(listed.inputSchema());
      assertThat(schema).isEqualTo(Json.readTree(ToolJson.parameters(generated)));
    }
    McpSchema.Tool delete = tools.get(2);
    assertThat(delete.annotations().readOnlyHint()).as("needs approval, so not read-only")
        .isFalse();
    assertThat(tools.get(0).annotations().readOnlyHint()).as("unknown, so not claimed").isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "stdio"})
  void eachToolAnswersAndAMalformedCallGetsTheCodecsMessage(String transport) {
    McpSyncClient client = client(transport, null);
    CallToolResult pong = call(client, "ping", Map.of());
    assertThat(pong.isError()).isFalse();
    assertThat(text(pong)).isEqualTo("pong");
    CallToolResult sum = call(client, "add", Map.of("a", 2, "b", 3));
    assertThat(sum.isError()).isFalse();
    assertThat(sum.structuredContent()).isEqualTo(Map.of("sum", 5));
    assertThat(text(sum)).isEqualTo("{\"sum\":5}");

    CallToolResult wrong = call(client, "add", Map.of("a", "two", "b", 3));
    String expected = assertThatThrownBy(() -> OpsTools.CODEC.fromToolCall("add",
        "{\"a\":\"two\",\"b\":3}")).isInstanceOf(ParseException.class).actual().getMessage();
    assertThat(wrong.isError()).isTrue();
    assertThat(text(wrong)).isEqualTo(expected);
    CallToolResult missing = call(client, "add", Map.of("a", 1));
    assertThat(missing.isError()).isTrue();
    assertThat(text(missing)).contains("b");

    // An unknown tool is a protocol error, as the MCP specification has it, answered by the SDK.
    assertThatThrownBy(() -> call(client, "no_such_tool", Map.of()))
        .isInstanceOf(McpError.class).hasMessageStartingWith("Unknown tool")
        .extracting(e -> ((McpError) e).getJsonRpcError().code()).isEqualTo(-32602);
    assertThat(text(call(client, "ping", Map.of()))).as("still up").isEqualTo("pong");
  }

  @Test
  void oversizedArgumentsAreRefusedAndRunNothing() throws IOException {
    McpSyncClient client = httpClient(http(), McpServerTest::yes);
    CallToolResult big = call(client, "delete", Map.of("path", "x".repeat(70_000)));
    assertThat(big.isError()).isTrue();
    assertThat(text(big)).contains("bytes; the most this server reads is 65536");
    CallToolResult agent = call(client, "opsbot", Map.of("message", "delete " + "y".repeat(70_000)));
    assertThat(agent.isError()).isTrue();
    assertThat(deletes()).isEmpty();
    assertThat(asked).as("nobody was asked").isEmpty();
    assertThat(text(call(client, "ping", Map.of()))).as("still up").isEqualTo("pong");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "stdio"})
  void aToolNeedingApprovalAsksTheUserAndRunsOnlyWhenApproved(String transport) throws IOException {
    McpSyncClient client = client(transport, request -> request.message().contains("/keep")
        ? ElicitResult.builder(ElicitResult.Action.ACCEPT)
            .content(Map.of("approve", false, "comment", "keep it")).build()
        : request.message().contains("/later")
            ? ElicitResult.builder(ElicitResult.Action.DECLINE).build()
            : yes(request));
    CallToolResult approved = call(client, "delete", Map.of("path", "/tmp/a"));
    assertThat(approved.isError()).isFalse();
    assertThat(text(approved)).isEqualTo("deleted /tmp/a");
    CallToolResult rejected = call(client, "delete", Map.of("path", "/keep"));
    assertThat(rejected.isError()).isTrue();
    assertThat(text(rejected)).isEqualTo("delete was not run: the user did not approve it (keep it)");
    CallToolResult declined = call(client, "delete", Map.of("path", "/later"));
    assertThat(text(declined)).isEqualTo("delete was not run: the user declined");
    assertThat(asked).hasSize(3).first().asString()
        .isEqualTo("Run delete with {\"path\":\"/tmp/a\"}? It needs your approval.");
    assertThat(deletes()).containsExactly("/tmp/a");
  }

  @Test
  void aClientThatCannotBeAskedIsRefusedTheToolNeedingApproval() throws IOException {
    McpSyncClient client = httpClient(http(), null);
    CallToolResult refused = call(client, "delete", Map.of("path", "/tmp/a"));
    assertThat(refused.isError()).isTrue();
    assertThat(text(refused)).isEqualTo("delete needs a human's approval before it runs, and this"
        + " client cannot ask for it (it does not support MCP elicitation); it was not run");
    assertThat(deletes()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "stdio"})
  void theAgentAsksThroughElicitationAndFinishes(String transport) throws IOException {
    McpSyncClient client = client(transport, McpServerTest::yes);
    CallToolResult done = call(client, "opsbot", Map.of("message", "please delete /tmp/a"));
    assertThat(done.isError()).as(text(done)).isFalse();
    assertThat(text(done)).isEqualTo("deleted /tmp/a because it was old");
    assertThat(done.structuredContent()).asInstanceOf(
            org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("status", "done").containsKey("thread_id");
    assertThat(asked).containsExactly("Approve delete {\"path\":\"/tmp/a\"}?",
        "Why did /tmp/a have to go?");
    assertThat(deletes()).containsExactly("/tmp/a");
  }

  @Test
  void withoutElicitationTheAgentPausesAndAResumeAfterARestartFinishes() throws Exception {
    ToolcaseMcp first = http();
    McpSyncClient client = httpClient(first, null);
    CallToolResult paused = call(client, "opsbot", Map.of("message", "delete /tmp/b"));
    Map<?, ?> state = (Map<?, ?>) paused.structuredContent();
    assertThat(state.get("status")).isEqualTo("waiting_for_approval");
    String id = (String) state.get("thread_id");
    String callId = (String) state.get("call_id");
    assertThat(text(paused)).startsWith("Approve delete {\"path\":\"/tmp/b\"}?")
        .contains("thread_id \"" + id + "\" and call_id \"" + callId + "\"");
    CallToolResult noCall = call(client, "opsbot", Map.of("thread_id", id, "approve", true));
    assertThat(noCall.isError()).isTrue();
    assertThat(text(noCall)).contains("Call again with call_id \"" + callId + "\"");
    CallToolResult otherCall = call(client, "opsbot",
        Map.of("thread_id", id, "approve", true, "call_id", "call_99"));
    assertThat(text(otherCall)).contains("waits for an approval of call_id \"" + callId
        + "\"").contains("not \"call_99\"");
    assertThat(deletes()).as("nothing approved yet").isEmpty();
    CallToolResult asking = call(client, "opsbot",
        Map.of("thread_id", id, "approve", true, "call_id", callId));
    assertThat(((Map<?, ?>) asking.structuredContent()).get("status"))
        .isEqualTo("waiting_for_human");
    assertThat(deletes()).containsExactly("/tmp/b");

    client.closeGracefully();
    first.close();
    McpSyncClient later = httpClient(http(), null);
    CallToolResult missingAnswer = call(later, "opsbot", Map.of("thread_id", id));
    assertThat(missingAnswer.isError()).isTrue();
    assertThat(text(missingAnswer)).contains("waits for an answer: Why did /tmp/b have to go?");
    CallToolResult done = call(later, "opsbot", Map.of("thread_id", id, "message", "it was big"));
    assertThat(text(done)).isEqualTo("deleted /tmp/b because it was big");
    assertThat(deletes()).as("ran once, across the restart").containsExactly("/tmp/b");
    CallToolResult unknown = call(later, "opsbot", Map.of("thread_id", "nope", "message", "x"));
    assertThat(text(unknown)).isEqualTo("no thread nope of opsbot");
  }

  @Test
  void aClientThatCanAskApprovesOnlyThroughTheFormAndADeclineIsARejection() throws Exception {
    ToolcaseMcp server = http();
    java.util.concurrent.atomic.AtomicReference<ElicitResult.Action> action =
        new java.util.concurrent.atomic.AtomicReference<>(ElicitResult.Action.CANCEL);
    McpSyncClient client = httpClient(server, request -> ElicitResult.builder(action.get())
        .build());
    CallToolResult dismissed = call(client, "opsbot", Map.of("message", "delete /tmp/e"));
    Map<?, ?> state = (Map<?, ?>) dismissed.structuredContent();
    assertThat(state.get("status")).as("a cancelled form leaves it waiting")
        .isEqualTo("waiting_for_approval");
    assertThat(text(dismissed)).endsWith("call it again with thread_id \"" + state.get("thread_id")
        + "\" and nothing else, to ask the user again)");
    CallToolResult byArgument = call(client, "opsbot", Map.of("thread_id", state.get("thread_id"),
        "approve", true, "call_id", state.get("call_id")));
    assertThat(byArgument.isError()).isTrue();
    assertThat(text(byArgument)).contains("which this client's user gives in the form");
    action.set(ElicitResult.Action.DECLINE);
    CallToolResult declined = call(client, "opsbot", Map.of("thread_id", state.get("thread_id")));
    assertThat(text(declined)).isEqualTo("did not delete /tmp/e: not approved");
    assertThat(asked).as("asked on the first call and again on the resume").hasSize(2);
    assertThat(deletes()).isEmpty();
  }

  @Test
  void aModelFailureKeepsTheThreadAndTheResultSaysHowToGoOn() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(
        true);
    dev.toolcase.Agent<dev.toolcase.mcp.ops.OpsNextStep> flaky =
        dev.toolcase.Agent.builder(OpsTools.CODEC)
            .nextStep(thread -> {
              if (down.get()) {
                throw new dev.toolcase.llm.LlmException("the model answered 502",
                    502, "server_error", "bad gateway", true, 3, null);
              }
              return new dev.toolcase.mcp.ops.Done("all done");
            })
            .handler(OpsServer.handler(dir.resolve("deletes.log"))::handle)
            .build();
    ToolcaseMcp.Builder builder = ToolcaseMcp.builder().port(0).token(TOKEN)
        .agent(McpAgent.of("flaky", "fails first", flaky));
    ToolcaseMcp server = builder.store(new dev.toolcase.store.FileThreadStore(dir.resolve("t"),
        builder.eventFormats())).startHttp();
    closing.add(server);
    McpSyncClient client = httpClient(server, null);
    CallToolResult failed = call(client, "flaky", Map.of("message", "go"));
    assertThat(failed.isError()).isTrue();
    Map<?, ?> state = (Map<?, ?>) failed.structuredContent();
    assertThat(state.get("status")).isEqualTo("running");
    assertThat(text(failed)).startsWith("flaky's model could not be reached: the model answered 502")
        .endsWith("call flaky again with thread_id \"" + state.get("thread_id") + "\" to go on.");
    down.set(false);
    CallToolResult done = call(client, "flaky", Map.of("thread_id", state.get("thread_id")));
    assertThat(text(done)).isEqualTo("all done");
  }

  @Test
  void concurrentApprovalsOfOneThreadRunTheToolOnce() throws Exception {
    ToolcaseMcp server = http();
    McpSyncClient starter = httpClient(server, null);
    Map<?, ?> paused = (Map<?, ?>) call(starter, "opsbot", Map.of("message", "delete /tmp/c"))
        .structuredContent();
    String id = (String) paused.get("thread_id");
    String callId = (String) paused.get("call_id");
    List<McpSyncClient> clients = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      clients.add(httpClient(server, null));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<CallToolResult>> results = new ArrayList<>();
    for (McpSyncClient client : clients) {
      results.add(pool.submit(() -> {
        go.await();
        return call(client, "opsbot", Map.of("thread_id", id, "approve", true, "call_id", callId));
      }));
    }
    go.countDown();
    int through = 0;
    for (Future<CallToolResult> result : results) {
      CallToolResult answer = result.get();
      if (!answer.isError()) {
        through++;
      }
    }
    pool.shutdown();
    assertThat(through).as("at least one approval went through").isPositive();
    assertThat(deletes()).as("the approved call ran once").containsExactly("/tmp/c");
  }

  @Test
  void httpNeedsTheBearerTokenAndACallAfterShutdownFailsClearly() throws Exception {
    ToolcaseMcp server = http();
    HttpClient http = HttpClient.newHttpClient();
    String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
        + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\","
        + "\"version\":\"1\"}}}";
    for (String authorization : new String[] {null, "Bearer wrong", "Basic " + TOKEN}) {
      HttpRequest.Builder request = HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
          .header("Content-Type", "application/json")
          .header("Accept", "application/json, text/event-stream")
          .POST(HttpRequest.BodyPublishers.ofString(initialize));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> response = http.send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
    }
    // A control character after the token, which the JDK's client will not send: a raw request.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
          + "Authorization: Bearer " + TOKEN + "\u0007\r\nContent-Length: " + initialize.length()
          + "\r\n\r\n" + initialize).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      String status = new String(socket.getInputStream().readNBytes(12),
          java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(status).as("a token with a control character").matches("HTTP/1\\.1 4\\d\\d");
    }
    for (String origin : new String[] {"http://evil.example", "https://127.0.0.1.evil.example"}) {
      HttpResponse<String> rebound = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
          .header("Content-Type", "application/json")
          .header("Accept", "application/json, text/event-stream")
          .header("Authorization", "Bearer " + TOKEN)
          .header("Origin", origin)
          .POST(HttpRequest.BodyPublishers.ofString(initialize)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(rebound.statusCode()).as("a page of " + origin).isEqualTo(403);
    }
    HttpResponse<String> local = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("Authorization", "Bearer " + TOKEN)
        .header("Origin", "http://localhost:6274")
        .POST(HttpRequest.BodyPublishers.ofString(initialize)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(local.statusCode()).as("a local page, such as an MCP inspector's").isEqualTo(200);
    McpSyncClient client = httpClient(server, McpServerTest::yes);
    assertThat(text(call(client, "ping", Map.of()))).isEqualTo("pong");
    server.close();
    assertThatThrownBy(() -> call(client, "delete", Map.of("path", "/tmp/d")))
        .isInstanceOf(RuntimeException.class);
    assertThat(deletes()).isEmpty();
  }

  @Test
  void aServerWithoutTokenOrStoreOrToolsRefusesToStart() {
    assertThatThrownBy(() -> OpsServer.builder(dir).port(0).startHttp())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("bearer token");
    assertThatThrownBy(() -> ToolcaseMcp.builder().startHttp())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("bearer token");
    assertThatThrownBy(() -> ToolcaseMcp.builder().insecureLocal().port(0).startHttp())
        .isInstanceOf(IllegalStateException.class).hasMessage(
            "an MCP server needs tools(...) or agent(...)");
    assertThatThrownBy(() -> ToolcaseMcp.builder().insecureLocal().port(0)
            .agent(McpAgent.of("opsbot", "x", OpsServer.agent(dir.resolve("log")))).startHttp())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("store(...)");
    assertThatThrownBy(() -> ToolcaseMcp.builder().insecureLocal().port(0)
            .tools(McpTools.of(OpsTools.CODEC, OpsServer.handler(dir)::handle))
            .tools(McpTools.of(OpsTools.CODEC, OpsServer.handler(dir)::handle)).startHttp())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("two tools are named ping");
    assertThatThrownBy(() -> McpAgent.of("ops.bot", "x", OpsServer.agent(dir)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ops.bot'");
  }
}
