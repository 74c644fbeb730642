package dev.toolcase.benchmarks;

import dev.toolcase.benchmarks.mcp.IdleHandler;
import dev.toolcase.benchmarks.mcp.IdleTools;
import dev.toolcase.mcp.McpTools;
import dev.toolcase.mcp.ToolcaseMcp;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Round trips of an MCP {@code tools/call} to a tool that does nothing, through the official Java
 * SDK's client and a {@link ToolcaseMcp} server in a child process: over stdio and over Streamable
 * HTTP, one client calling in a loop (p50, p99 of each call's time), then calls per second from
 * eight clients at once over HTTP. Not a JMH benchmark: the figures are latencies of a protocol
 * stack between two processes, which JMH's in-process loop does not model.
 *
 * <pre>java -cp benchmarks/target/toolcase-benchmarks.jar dev.toolcase.benchmarks.McpLatency [calls]</pre>
 */
public final class McpLatency {

  private static final String TOKEN = "mcp-latency-token";
  private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(JsonMapper.builder().build());

  private McpLatency() {}

  /**
   * Measures, or serves when the first argument is {@code serve}.
   *
   * @param args {@code [calls]}, or {@code serve stdio|http}
   * @throws Exception if a measurement fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("serve")) {
      serve(args[1]);
      return;
    }
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    try (McpSyncClient stdio = client(stdio())) {
      report("stdio", latencies(stdio, calls));
    }
    Process server = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
        McpLatency.class.getName(), "serve", "http")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      String line = new BufferedReader(new InputStreamReader(server.getInputStream(),
          StandardCharsets.UTF_8)).readLine();
      int port = Integer.parseInt(line.substring("LISTENING ".length()).strip());
      try (McpSyncClient http = client(http(port))) {
        report("http", latencies(http, calls));
      }
      throughput(port, 8, Duration.ofSeconds(10));
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  private static void serve(String transport) throws InterruptedException {
    ToolcaseMcp.Builder builder = ToolcaseMcp.builder()
        .tools(McpTools.of(IdleTools.CODEC, new IdleHandler<Object>() {
          @Override
          public Object noop(dev.toolcase.benchmarks.mcp.Noop call) {
            return "";
          }

          @Override
          public Object finish(dev.toolcase.benchmarks.mcp.Finish call) {
            return call.message();
          }
        }::handle));
    ToolcaseMcp server;
    if (transport.equals("stdio")) {
      server = builder.startStdio();
    } else {
      server = builder.port(0).token(TOKEN).startHttp();
      System.out.println("LISTENING " + server.port());
      System.out.flush();
    }
    server.awaitClosed();
    server.close();
    System.exit(0);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static McpClientTransport stdio() {
    StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder(java())
        .args("-cp", System.getProperty("java.class.path"), McpLatency.class.getName(), "serve",
            "stdio")
        .build(), JSON);
    transport.setStdErrorHandler(line -> { });
    return transport;
  }

  private static McpClientTransport http(int port) {
    return HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
        .endpoint("/mcp").jsonMapper(JSON)
        .addHttpRequestCustomizer((request, method, uri, body, context) ->
            request.header("Authorization", "Bearer " + TOKEN))
        .build();
  }

  private static McpSyncClient client(McpClientTransport transport) {
    McpSyncClient client = McpClient.sync(transport)
        .clientInfo(McpSchema.Implementation.builder("mcp-latency", "1.0").build())
        .requestTimeout(Duration.ofSeconds(30))
        .build();
    client.initialize();
    return client;
  }

  private static void call(McpSyncClient client) {
    if (Boolean.TRUE.equals(client.callTool(CallToolRequest.builder("noop").arguments(Map.of())
        .build()).isError())) {
      throw new IllegalStateException("noop answered an error");
    }
  }

  /** Each call's nanoseconds, after as many calls again to warm up. */
  private static long[] latencies(McpSyncClient client, int calls) {
    for (int i = 0; i < calls; i++) {
      call(client);
    }
    long[] nanos = new long[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      call(client);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static void report(String transport, long[] sorted) {
    System.out.printf(Locale.ROOT, "%-5s tools/call round trip over %d calls: p50 %.3f ms,"
            + " p99 %.3f ms, max %.3f ms%n", transport, sorted.length,
        sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  private static void throughput(int port, int clients, Duration length) throws Exception {
    List<McpSyncClient> connected = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      McpSyncClient client = client(http(port));
      for (int j = 0; j < 500; j++) {
        call(client);
      }
      connected.add(client);
    }
    LongAdder done = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(clients);
    for (McpSyncClient client : connected) {
      Thread.ofPlatform().start(() -> {
        while (!stop.get()) {
          call(client);
          done.increment();
        }
        finished.countDown();
      });
    }
    long start = System.nanoTime();
    Thread.sleep(length.toMillis());
    stop.set(true);
    finished.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "http  %d clients at once: %.0f calls/s (%d calls in %.1f s)%n",
        clients, done.sum() / seconds, done.sum(), seconds);
    connected.forEach(McpSyncClient::close);
  }
}
