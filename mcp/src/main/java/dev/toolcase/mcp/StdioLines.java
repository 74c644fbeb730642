package dev.toolcase.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stdio streams between a client and the SDK's transport, one JSON-RPC message per line.
 *
 * <p>The SDK's stdio reader ends the whole session on a line that is not JSON, and then neither
 * answers nor exits. So lines are checked here first: one that is not a JSON object or array is
 * answered with a JSON-RPC parse error ({@code -32700}) and dropped, and one longer than the limit
 * is skipped unread and answered with {@code -32600} (with its {@code id} when it can be seen at
 * the line's start or end). The answers and the SDK's own go through one writer that emits whole
 * lines, so they never interleave.
 */
final class StdioLines {

  private static final String ID = "(-?\\d{1,19}|\"(?:[^\"\\\\]|\\\\.){0,200}\")";
  private static final Pattern END_ID =
      Pattern.compile(",\\s*\"id\"\\s*:\\s*" + ID + "\\s*}\\s*$");
  private static final Pattern START_ID = Pattern.compile(
      "^\\s*\\{\\s*(?:\"jsonrpc\"\\s*:\\s*\"2\\.0\"\\s*,\\s*)?\"id\"\\s*:\\s*" + ID);
  private static final String NOT_JSON = "not JSON: ";
  private static final int EDGE = 512;

  private final InputStream in;
  private final Output out;
  private final int maxLineBytes;
  private final Runnable onEnd;
  private final PrintStream log;
  private final JsonMapper json = JsonMapper.builder().build();

  StdioLines(InputStream in, OutputStream out, int maxLineBytes, Runnable onEnd, PrintStream log) {
    this.in = in;
    this.out = new Output(out);
    this.maxLineBytes = maxLineBytes;
    this.onEnd = onEnd;
    this.log = log;
  }

  /** What the transport reads: the client's lines that are JSON and within the limit. */
  InputStream input() {
    return new Input();
  }

  /** Where the transport writes. */
  OutputStream output() {
    return out;
  }

  /** Reads the next line to pass on, answering and dropping the others; null at the end. */
  private byte[] nextLine() throws IOException {
    while (true) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      byte[] tail = new byte[EDGE];
      long length = 0;
      int b;
      while ((b = in.read()) >= 0 && b != '\n') {
        if (length < maxLineBytes) {
          // The SDK's reader also ends a line at a lone CR; in JSON it can only be whitespace.
          line.write(b == '\r' ? ' ' : b);
        }
        tail[(int) (length % EDGE)] = (byte) b;
        length++;
      }
      if (b < 0 && length == 0) {
        onEnd.run();
        return null;
      }
      if (length > maxLineBytes) {
        String head = new String(line.toByteArray(), 0, Math.min(EDGE, line.size()),
            StandardCharsets.UTF_8);
        log.println("MCP stdio: dropped a message of " + length + " bytes; the most is "
            + maxLineBytes);
        error(idOf(head, tail(tail, length)), -32600, "the message is " + length
            + " bytes; the most this server reads is " + maxLineBytes);
      } else {
        byte[] bytes = line.toByteArray();
        String problem = problem(bytes);
        if (problem == null && !new String(bytes, StandardCharsets.UTF_8).isBlank()) {
          byte[] withEnd = Arrays.copyOf(bytes, bytes.length + 1);
          withEnd[bytes.length] = '\n';
          return withEnd;
        }
        if (problem != null) {
          log.println("MCP stdio: dropped a line that is not JSON-RPC: " + problem);
          error(null, problem.startsWith(NOT_JSON) ? -32700 : -32600, problem);
        }
      }
      if (b < 0) {
        onEnd.run();
        return null;
      }
    }
  }

  /**
   * Why a line is no JSON-RPC message the SDK reads, or null; a blank line is none, and is
   * skipped. The SDK reads a request or notification (a {@code method}) or a response (a
   * {@code result} or an {@code error}), one per line: no batches.
   */
  private String problem(byte[] line) {
    String text = new String(line, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return null;
    }
    JsonNode message;
    try {
      message = json.readTree(line);
    } catch (JacksonException e) {
      return NOT_JSON + e.getOriginalMessage();
    }
    if (message.isArray()) {
      return "batches are not supported: send one message per line";
    }
    if (!message.isObject()) {
      return "a message is a JSON object, got " + message.getNodeType();
    }
    if (!message.path("method").isString() && !message.has("result")
        && !message.has("error")) {
      return "a message has a method, or a result or an error";
    }
    return null;
  }

  /** Answers with a JSON-RPC error; {@code id} is the request's, as JSON, or null. */
  private void error(JsonNode id, int code, String message) throws IOException {
    var error = json.createObjectNode();
    error.put("jsonrpc", "2.0");
    if (id == null) {
      error.putNull("id");
    } else {
      error.set("id", id);
    }
    error.putObject("error").put("code", code).put("message", message);
    out.line(json.writeValueAsString(error));
  }

  /** The last bytes of a line, from the ring they were written into. */
  private static String tail(byte[] ring, long length) {
    byte[] ordered = new byte[(int) Math.min(EDGE, length)];
    for (int i = 0; i < ordered.length; i++) {
      ordered[i] = ring[(int) ((length - ordered.length + i) % EDGE)];
    }
    return new String(ordered, StandardCharsets.UTF_8);
  }

  /**
   * The id of a message too long to read, where it can be seen: the last member (as the
   * TypeScript SDK writes it), else the first or the one after {@code jsonrpc}; null otherwise.
   */
  private JsonNode idOf(String head, String tail) {
    for (Matcher id : new Matcher[] {END_ID.matcher(tail), START_ID.matcher(head)}) {
      if (id.find()) {
        try {
          JsonNode value = json.readTree(id.group(1));
          if (value.isIntegralNumber() || value.isString()) {
            return value;
          }
        } catch (JacksonException e) {
          // not an id after all
        }
      }
    }
    return null;
  }

  /** The lines passed on, as a stream. */
  private final class Input extends InputStream {
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    private boolean fill() throws IOException {
      while (!ended && position >= current.length) {
        byte[] next;
        try {
          next = nextLine();
        } catch (IOException | RuntimeException e) {
          ended = true;
          onEnd.run();
          throw e;
        }
        if (next == null) {
          ended = true;
        } else {
          current = next;
          position = 0;
        }
      }
      return position < current.length;
    }

    @Override
    public int read() throws IOException {
      return fill() ? current[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(length, current.length - position);
      System.arraycopy(current, position, buffer, offset, n);
      position += n;
      return n;
    }
  }

  /** Writes whole lines only: the transport's, buffered to their newline, and the checks'. */
  private static final class Output extends OutputStream {
    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    Output(OutputStream out) {
      this.out = out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      pending.write(b);
      if (b == '\n') {
        pending.writeTo(out);
        pending.reset();
        out.flush();
      }
    }

    @Override
    public synchronized void write(byte[] buffer, int offset, int length) throws IOException {
      int start = offset;
      for (int i = offset; i < offset + length; i++) {
        if (buffer[i] == '\n') {
          pending.write(buffer, start, i + 1 - start);
          pending.writeTo(out);
          pending.reset();
          out.flush();
          start = i + 1;
        }
      }
      pending.write(buffer, start, offset + length - start);
    }

    @Override
    public synchronized void flush() throws IOException {
      out.flush();
    }

    synchronized void line(String line) throws IOException {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}
