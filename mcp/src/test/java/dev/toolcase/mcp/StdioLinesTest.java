package dev.toolcase.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolcase.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Over stdio, a line that is not JSON, or is too long, gets a JSON-RPC error and the session goes
 * on (the SDK's own reader ends the session on such a line and then hangs).
 */
class StdioLinesTest {

  @TempDir
  Path dir;

  @Test
  void aBadLineIsAnsweredWithAnErrorAndTheSessionGoesOn() throws Exception {
    PipedOutputStream client = new PipedOutputStream();
    PipedInputStream serverIn = new PipedInputStream(client, 1 << 20);
    PipedOutputStream serverOut = new PipedOutputStream();
    BufferedReader answers = new BufferedReader(new InputStreamReader(
        new PipedInputStream(serverOut, 1 << 20), StandardCharsets.UTF_8));
    ToolcaseMcp server = OpsServer.builder(dir).startStdio(serverIn, serverOut);
    try {
      send(client, "this is not json");
      send(client, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
          + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{"
          + "\"name\":\"t\",\"version\":\"1\"}}}");
      List<JsonNode> got = new ArrayList<>();
      got.add(Json.readTree(answers.readLine()));
      got.add(Json.readTree(answers.readLine()));
      send(client, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      send(client, "");
      send(client, "42");
      send(client, "[{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}]");
      send(client, "{\"jsonrpc\":\"2.0\",\"id\":10}");
      send(client, "{\"jsonrpc\":\"2.0\",\r\"id\":11,\"method\":\"ping\"}");
      send(client, "{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"params\":{\"name\":\"delete\","
          + "\"arguments\":{\"path\":\"" + "x".repeat(200_000) + "\"}},\"id\":3}");
      send(client, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{"
          + "\"name\":\"ping\",\"arguments\":{}}}");
      for (int i = 0; i < 6; i++) {
        got.add(Json.readTree(answers.readLine()));
      }
      assertThat(got.get(0).at("/error/code").asInt()).isEqualTo(-32700);
      assertThat(got.get(0).get("id").isNull()).isTrue();
      assertThat(got.get(0).at("/error/message").asString()).startsWith("not JSON: ");
      assertThat(got.get(1).get("id").asInt()).isEqualTo(1);
      assertThat(got.get(1).at("/result/serverInfo/name").asString()).isEqualTo("toolcase");
      assertThat(got.get(2).at("/error/code").asInt()).as("42 is no message").isEqualTo(-32600);
      assertThat(got.get(3).at("/error/message").asString())
          .isEqualTo("batches are not supported: send one message per line");
      assertThat(got.get(4).at("/error/message").asString())
          .isEqualTo("a message has a method, or a result or an error");
      assertThat(got.get(5).get("id").asInt()).as("a lone CR is whitespace").isEqualTo(11);
      assertThat(got.get(5).has("result")).isTrue();
      assertThat(got.get(6).get("id").asInt()).as("the id read at the line's end").isEqualTo(3);
      assertThat(got.get(6).at("/error/code").asInt()).isEqualTo(-32600);
      assertThat(got.get(6).at("/error/message").asString())
          .isEqualTo("the message is 200097 bytes; the most this server reads is 131072");
      assertThat(got.get(7).get("id").asInt()).isEqualTo(4);
      assertThat(got.get(7).at("/result/content/0/text").asString()).isEqualTo("pong");
      assertThat(dir.resolve("deletes.log")).doesNotExist();
    } finally {
      client.close();
      server.awaitClosed();
      server.close();
    }
  }

  private static void send(OutputStream client, String line) throws Exception {
    client.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    client.flush();
  }
}
