package dev.toolcase.benchmarks;

import dev.toolcase.example.Agents;
import dev.toolcase.prompt.PromptRunner;
import dev.toolcase.server.AgentServer;
import dev.toolcase.store.FileThreadStore;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A normal client's latency while slow clients hold connections: {@code slow} sockets each send
 * part of a request's headers and then nothing, against an {@link AgentServer} with its defaults
 * (1,000 connections at most, a 10 s header timeout); then 20 requests of a normal client, each on a
 * new connection, timed from connect to the last byte of the answer (a connect may wait 15 s).
 *
 * <pre>java -cp benchmarks/target/toolcase-benchmarks.jar dev.toolcase.benchmarks.SlowFlood [slow...]</pre>
 */
public final class SlowFlood {

  private static final String TOKEN = "slow-flood-token";
  private static final int NORMAL = 20;

  private SlowFlood() {}

  /**
   * Runs one flood per size given.
   *
   * @param args the numbers of slow connections (default 500 2000)
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {500, 2_000}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.println("| slow connections opened | normal p50 | normal p99 | normal max | failed |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: |");
    for (int size : sizes) {
      AgentServer.Builder builder = AgentServer.builder()
          // No thread is launched: the normal client lists threads.
          .agent("calculator", Agents.calculator((PromptRunner) null, Clock.systemUTC()))
          .port(0)
          .token(TOKEN);
      builder.store(new FileThreadStore(Files.createTempDirectory("flood"),
          builder.eventFormats()));
      AgentServer server = builder.start();
      List<Socket> slow = new ArrayList<>();
      try {
        // Until the server and the kernel's backlog hold no more: 20 connects in a row time out.
        for (int i = 0, refused = 0; i < size && refused < 20; i++) {
          Socket socket = new Socket();
          try {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 200);
            socket.getOutputStream().write("GET /threads HTTP/1.1\r\nHost: x\r\nX-Slow: "
                .getBytes(StandardCharsets.ISO_8859_1));
            slow.add(socket);
            refused = 0;
          } catch (java.io.IOException e) {
            socket.close();
            refused++;
          }
        }
        long[] nanos = new long[NORMAL];
        int failed = 0;
        for (int i = 0; i < nanos.length; i++) {
          long start = System.nanoTime();
          if (!normal(server.port())) {
            failed++;
          }
          nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "| %d of %d | %.1f ms | %.1f ms | %.1f ms | %d |%n",
            slow.size(), size, nanos[NORMAL / 2] / 1e6,
            nanos[(int) Math.ceil(NORMAL * 0.99) - 1] / 1e6, nanos[NORMAL - 1] / 1e6, failed);
      } finally {
        for (Socket socket : slow) {
          socket.close();
        }
        server.close();
      }
    }
  }

  /** One normal request on a new connection; whether it was answered 200. */
  private static boolean normal(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 15_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /threads?limit=1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readAllBytes();
      return new String(answer, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200");
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
