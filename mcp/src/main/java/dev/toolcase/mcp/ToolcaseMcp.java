package dev.toolcase.mcp;

import dev.toolcase.server.Signatures;
import dev.toolcase.store.EventFormat;
import dev.toolcase.store.ThreadStore;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import tools.jackson.databind.json.JsonMapper;

/**
 * An MCP server of Toolcase tools and agents, over stdio or Streamable HTTP, on the official MCP
 * Java SDK.
 *
 * <pre>{@code
 * ToolcaseMcp server = ToolcaseMcp.builder()
 *     .tools(McpTools.of(CalculatorTools.CODEC, new Arithmetic()::handle))
 *     .agent(McpAgent.of("deploybot", "Deploys tagged builds", deployBot))
 *     .store(new FileThreadStore(Path.of("data"), formats))
 *     .startStdio();           // or .port(8080).token(secret).startHttp()
 * server.awaitClosed();
 * }</pre>
 *
 * <p>Over stdio the protocol owns standard output: {@link Builder#startStdio()} points {@code
 * System.out} at standard error, so a stray {@code println}, or a logger that writes to {@code
 * System.out} when it logs, cannot corrupt the stream (one that took hold of the original stream
 * before can). Over HTTP every request must carry {@code Authorization: Bearer <token>} (compared
 * in constant time), as for {@code AgentServer}, unless {@link Builder#insecureLocal()}; and on a
 * loopback address, a request from a web page of another origin, or naming another host, is
 * refused ({@code 403}), so a page in the user's browser cannot reach the tools by DNS
 * rebinding.
 */
public final class ToolcaseMcp implements AutoCloseable {

  /** A host (and port) of this machine: what a local server answers to and from. */
  private static final Pattern LOCAL =
      Pattern.compile("(?i)(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d{1,5})?/?");

  private final McpSyncServer server;
  private final Server http;
  private final ServerConnector connector;
  private final CountDownLatch closed;

  private ToolcaseMcp(McpSyncServer server, Server http, ServerConnector connector,
      CountDownLatch closed) {
    this.server = server;
    this.http = http;
    this.connector = connector;
    this.closed = closed;
  }

  /**
   * A builder; add tools and agents, then start it on a transport.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The HTTP port, when serving over HTTP.
   *
   * @return the port
   * @throws IllegalStateException over stdio
   */
  public int port() {
    if (connector == null) {
      throw new IllegalStateException("this server serves stdio, not HTTP");
    }
    return connector.getLocalPort();
  }

  /**
   * Waits until the server is closed: over stdio, until the client closes standard input.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /**
   * Stops the server: its sessions are closed and the HTTP port with them. A tool still running
   * finishes, but its answer reaches no one; an agent's thread keeps what it stored. Over stdio,
   * the thread reading standard input stays blocked in it until it ends, so a process serving
   * stdio exits with {@code System.exit} after closing.
   */
  @Override
  public void close() {
    try {
      server.closeGracefully();
      if (http != null) {
        http.stop();
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the MCP server: " + e.getMessage(), e);
    } finally {
      closed.countDown();
    }
  }

  /** Builds a {@link ToolcaseMcp}. */
  public static final class Builder {

    private final List<McpTools<?>> tools = new ArrayList<>();
    private final List<McpAgent<?>> agents = new ArrayList<>();
    private ThreadStore store;
    private Clock clock = Clock.systemUTC();
    private Duration runLease = Duration.ofMinutes(10);
    private Duration requestTimeout = Duration.ofMinutes(30);
    private int maxArgumentBytes = 1 << 20;
    private String name = "toolcase";
    private String version = "0.1.0";
    private InetAddress address = InetAddress.getLoopbackAddress();
    private int port = 8080;
    private String token;
    private boolean insecureLocal;

    private Builder() {}

    /**
     * Serves a prompt's tools.
     *
     * @param tools the tools
     * @return this builder
     */
    public Builder tools(McpTools<?> tools) {
      this.tools.add(Objects.requireNonNull(tools, "tools"));
      return this;
    }

    /**
     * Serves an agent as one tool; agents need a {@link #store}.
     *
     * @param agent the agent tool
     * @return this builder
     */
    public Builder agent(McpAgent<?> agent) {
      this.agents.add(Objects.requireNonNull(agent, "agent"));
      return this;
    }

    /**
     * How the agents' events are stored, by agent name, for the store's constructor: {@code
     * new FileThreadStore(dir, builder.eventFormats())}. Looks agents up when called, so agents
     * added later are found too.
     *
     * @return the event formats; {@code null} for an unknown name
     */
    public Function<String, EventFormat> eventFormats() {
      return name -> agents.stream().filter(agent -> agent.name().equals(name)).findFirst()
          .map(McpAgent::format).orElse(null);
    }

    /**
     * Where the agents' threads live; a restarted server, or another one on the same store,
     * resumes them.
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(ThreadStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The clock for events and claims (default UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long an agent's claim on a running tool call holds (default 10 minutes); past it, the
     * call is taken to have stopped and waits for a human.
     *
     * @param lease the lease, positive
     * @return this builder
     */
    public Builder runLease(Duration lease) {
      this.runLease = positive(lease, "runLease");
      return this;
    }

    /**
     * How long a request to the client, an elicitation among them, may wait for its answer
     * (default 30 minutes: a human answers it). The SDK's own default is 10 seconds.
     *
     * @param timeout the timeout, positive
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /**
     * The largest arguments of one call, as JSON, in bytes (default 1 MiB); a larger call is
     * answered with an error result and runs nothing.
     *
     * @param bytes the limit, at least 1
     * @return this builder
     */
    public Builder maxArgumentBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxArgumentBytes must be at least 1, got " + bytes);
      }
      this.maxArgumentBytes = bytes;
      return this;
    }

    /**
     * The server's name and version, as {@code initialize} reports them.
     *
     * @param name the name
     * @param version the version
     * @return this builder
     */
    public Builder serverInfo(String name, String version) {
      this.name = Objects.requireNonNull(name, "name");
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * The address HTTP binds (default loopback).
     *
     * @param address the address
     * @return this builder
     */
    public Builder address(InetAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * The HTTP port (default 8080; 0 picks a free one).
     *
     * @param port the port
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The bearer token every HTTP request must send.
     *
     * @param token visible ASCII characters
     * @return this builder
     */
    public Builder token(String token) {
      this.token = Objects.requireNonNull(token, "token");
      return this;
    }

    /**
     * Serves HTTP without a token, for a developer's machine. Without this, HTTP with no token
     * refuses to start.
     *
     * @return this builder
     */
    public Builder insecureLocal() {
      this.insecureLocal = true;
      return this;
    }

    /**
     * Starts serving over this process's standard input and output. Standard output is the
     * protocol's from here on; {@code System.out} then writes to standard error.
     *
     * @return the running server; {@link #awaitClosed()} returns when the client closes stdin
     */
    public ToolcaseMcp startStdio() {
      PrintStream protocol = System.out;
      System.setOut(System.err);
      try {
        return startStdio(System.in, protocol);
      } catch (RuntimeException e) {
        System.setOut(protocol);
        throw e;
      }
    }

    /**
     * Starts serving over the given streams (one JSON-RPC message per line), for tests and for
     * processes that already redirected their output.
     *
     * @param in what the client writes
     * @param out where the answers go
     * @return the running server; {@link #awaitClosed()} returns when {@code in} ends
     */
    public ToolcaseMcp startStdio(InputStream in, OutputStream out) {
      McpJsonMapper json = json();
      CountDownLatch closed = new CountDownLatch(1);
      // A line longer than the largest call a client may send is answered with an error, unread.
      int maxLine = maxArgumentBytes + 64 * 1024;
      StdioLines lines = new StdioLines(in, out, maxLine, closed::countDown, System.err);
      StdioServerTransportProvider transport = new StdioServerTransportProvider(json,
          lines.input(), lines.output(), maxLine + 1);
      McpSyncServer server = build(McpServer.sync(transport), json);
      return new ToolcaseMcp(server, null, null, closed);
    }

    /**
     * Starts serving Streamable HTTP at {@code /mcp} on {@link #address}:{@link #port}.
     *
     * @return the running server
     * @throws IllegalStateException if there is no token and not {@link #insecureLocal()}, or
     *     the port cannot be bound
     */
    public ToolcaseMcp startHttp() {
      if (token == null && !insecureLocal) {
        throw new IllegalStateException("MCP over HTTP needs a bearer token: call token(...);"
            + " for a developer's machine only, call insecureLocal()");
      }
      if (token != null && (token.isEmpty()
          || !token.chars().allMatch(c -> c > 0x20 && c < 0x7F))) {
        throw new IllegalStateException("the bearer token must be visible ASCII characters");
      }
      McpJsonMapper json = json();
      HttpServletStreamableServerTransportProvider.Builder transport =
          HttpServletStreamableServerTransportProvider.builder()
              .jsonMapper(json)
              .mcpEndpoint("/mcp")
              .maxRequestSize(maxArgumentBytes + 64 * 1024);
      String expected = token;
      boolean loopback = address.isLoopbackAddress();
      transport.httpHeaderValidator(headers -> {
        if (loopback) {
          String host = single(headers.getHeader("Host"));
          String origin = single(headers.getHeader("Origin"));
          if (host != null && !LOCAL.matcher(host).matches()
              || origin != null && !LOCAL.matcher(origin.replaceFirst("^https?://", ""))
                  .matches()) {
            throw new ServerTransportSecurityException(403,
                "this server answers requests to and from this machine only");
          }
        }
        if (expected != null) {
          String given = Signatures.bearerToken(single(headers.getHeader("Authorization")));
          if (!Signatures.constantTimeEquals(expected, given)) {
            throw new ServerTransportSecurityException(401,
                "send Authorization: Bearer <token> with the server's token");
          }
        }
      });
      HttpServletStreamableServerTransportProvider provider = transport.build();
      McpSyncServer server = build(McpServer.sync(provider), json);
      Server http = new Server();
      ServerConnector connector = new ServerConnector(http);
      connector.setHost(address.getHostAddress());
      connector.setPort(port);
      http.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler();
      context.setContextPath("/");
      ServletHolder holder = new ServletHolder("mcp", provider);
      holder.setAsyncSupported(true);
      context.addServlet(holder, "/mcp");
      http.setHandler(context);
      try {
        http.start();
      } catch (Exception e) {
        server.closeGracefully();
        try {
          http.stop();
        } catch (Exception stopping) {
          e.addSuppressed(stopping);
        }
        throw new IllegalStateException("could not serve MCP on " + address.getHostAddress() + ":"
            + port + ": " + e.getMessage(), e);
      }
      return new ToolcaseMcp(server, http, connector, new CountDownLatch(1));
    }

    /** The one value of a header, or null when it is missing or given twice. */
    private static String single(List<String> values) {
      return values == null || values.size() != 1 ? null : values.getFirst();
    }

    private McpSyncServer build(McpServer.SyncSpecification<?> specification, McpJsonMapper json) {
      if (tools.isEmpty() && agents.isEmpty()) {
        throw new IllegalStateException("an MCP server needs tools(...) or agent(...)");
      }
      if (!agents.isEmpty() && store == null) {
        throw new IllegalStateException("agents keep their threads in a store: call store(...)");
      }
      McpTools.Limits limits = new McpTools.Limits(maxArgumentBytes);
      List<SyncToolSpecification> specifications = new ArrayList<>();
      for (McpTools<?> served : tools) {
        specifications.addAll(served.specifications(json, limits));
      }
      for (McpAgent<?> agent : agents) {
        specifications.add(agent.specification(json, limits, store, clock, runLease));
      }
      Set<String> names = new HashSet<>();
      for (SyncToolSpecification served : specifications) {
        if (!names.add(served.tool().name())) {
          throw new IllegalStateException("two tools are named " + served.tool().name()
              + "; each MCP tool needs its own name");
        }
      }
      return specification
          .serverInfo(name, version)
          .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
          .requestTimeout(requestTimeout)
          // The codec reads the arguments, leniently, and its errors are written for a model.
          .validateToolInputs(false)
          .tools(specifications)
          .build();
    }

    private static McpJsonMapper json() {
      return new JacksonMcpJsonMapper(JsonMapper.builder().build());
    }

    private static Duration positive(Duration duration, String what) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + duration);
      }
      return duration;
    }
  }

  @Override
  public String toString() {
    return "ToolcaseMcp" + (connector == null ? "[stdio]" : "[http:" + connector.getLocalPort()
        + "]");
  }
}
