package dev.toolcase.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.toolcase.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import tools.jackson.databind.JsonNode;

/** A real HTTP server on loopback that answers with scripted replies and records requests. */
final class StubServer implements AutoCloseable {

  /** One request as the server received it. */
  record Received(String method, String path, Map<String, List<String>> headers, String body) {

    /** The first value of a header, matched case-insensitively, or null. */
    String header(String name) {
      for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(name)) {
          return entry.getValue().get(0);
        }
      }
      return null;
    }

    /** The body as a JSON tree. */
    JsonNode json() {
      return Json.readTree(body);
    }
  }

  /**
   * One scripted reply.
   *
   * @param delay how long to wait before answering
   * @param missingBytes how many bytes the declared Content-Length overstates the body by, to cut
   *     the connection mid-body
   * @param stall how long to pause after the headers and half the body
   */
  record Reply(int status, Map<String, String> headers, String body, Duration delay,
      int missingBytes, Duration stall) {

    static Reply json(int status, String body) {
      return new Reply(status, Map.of(), body, Duration.ZERO, 0, Duration.ZERO);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put(name, value);
      return new Reply(status, all, body, delay, missingBytes, stall);
    }

    Reply delayedBy(Duration wait) {
      return new Reply(status, headers, body, wait, missingBytes, stall);
    }

    Reply cutShortBy(int bytes) {
      return new Reply(status, headers, body, delay, bytes, stall);
    }

    Reply stalledMidBodyFor(Duration wait) {
      return new Reply(status, headers, body, delay, missingBytes, wait);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  StubServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The base URL, such as {@code http://127.0.0.1:PORT}. */
  String url() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort();
  }

  /** Queues replies, answered in order. */
  StubServer reply(Reply... next) {
    replies.addAll(List.of(next));
    return this;
  }

  /** The requests received so far. */
  List<Received> received() {
    return new ArrayList<>(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Received(
          exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          Map.copyOf(exchange.getRequestHeaders()), body));
      Reply reply = replies.poll();
      if (reply == null) {
        reply = Reply.json(599, "{\"error\": {\"message\": \"no reply scripted\"}}");
      }
      if (!pause(reply.delay())) {
        return;
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      reply.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(
          reply.status(), bytes.length == 0 ? -1 : bytes.length + reply.missingBytes());
      OutputStream out = exchange.getResponseBody();
      int half = reply.stall().isZero() ? 0 : bytes.length / 2;
      out.write(bytes, 0, half);
      out.flush();
      if (!pause(reply.stall())) {
        return;
      }
      out.write(bytes, half, bytes.length - half);
      out.flush();
      // With missingBytes, closing the exchange fails on purpose and drops the connection.
    } catch (IOException e) {
      // The client gave up (timeout) or the body was cut short on purpose.
    }
  }

  /** Sleeps; false if interrupted (the server is stopping). */
  private static boolean pause(Duration wait) {
    try {
      Thread.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
