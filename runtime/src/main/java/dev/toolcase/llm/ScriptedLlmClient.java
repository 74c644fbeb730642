package dev.toolcase.llm;

import dev.toolcase.ParseException;
import dev.toolcase.codec.StepCodec;
import dev.toolcase.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Replays recorded OpenAI chat completion bodies in order, for tests and offline demos, and records
 * the requests it receives.
 *
 * <p>For a test of an agent, script the model with typed steps; the generated codec writes each
 * as a tool call, exactly as a provider would send it:
 *
 * <pre>{@code
 * ScriptedLlmClient model = ScriptedLlmClient.replying(DeployBotTools.CODEC,
 *     new ListGitTags(),
 *     new DeployBackend("v1.4.2", Environment.staging),
 *     new DoneForNow("Deployed v1.4.2 to staging."));
 * }</pre>
 *
 * <p>Each recording is read by the same parser as {@link OpenAiClient}, when the script is loaded,
 * so a script holds real provider shapes and a broken one fails early. A script is a JSON array of
 * chat completion objects, or JSON Lines with one object per line. Thread-safe.
 */
public final class ScriptedLlmClient implements LlmClient {

  private final List<LlmResponse> responses;
  private final List<LlmRequest> requests = new ArrayList<>();

  private ScriptedLlmClient(List<LlmResponse> responses) {
    this.responses = List.copyOf(responses);
  }

  /**
   * A client that replays the given chat completion bodies.
   *
   * @param responseBodies the bodies, in the order they are returned
   * @return the client
   * @throws IllegalArgumentException if a body is not a chat completion
   */
  public static ScriptedLlmClient of(List<String> responseBodies) {
    List<LlmResponse> parsed = new ArrayList<>();
    for (int i = 0; i < responseBodies.size(); i++) {
      try {
        parsed.add(OpenAiResponseParser.parse(responseBodies.get(i)));
      } catch (MalformedResponse e) {
        throw new IllegalArgumentException(
            "scripted response #" + (i + 1) + " is not a chat completion: " + e.getMessage(), e);
      }
    }
    return new ScriptedLlmClient(parsed);
  }

  /**
   * A client that answers the n-th request with the n-th step as a native tool call: the tool's
   * name and its arguments as the generated codec writes them.
   *
   * @param <S> the union of steps
   * @param codec the generated codec of the steps' union, {@code XTools.CODEC}
   * @param steps the model's answers, in order
   * @return the client
   */
  @SafeVarargs
  public static <S> ScriptedLlmClient replying(StepCodec<S> codec, S... steps) {
    List<String> bodies = new ArrayList<>();
    for (S step : steps) {
      bodies.add(ScriptedCompletions.toolCall(bodies.size() + 1, codec.intentOf(step),
          codec.argumentsJson(step)));
    }
    return of(bodies);
  }

  /**
   * A client that answers the n-th request with the n-th turn's steps as native tool calls made
   * at once (several {@code tool_calls} in one message, as a model calling tools in parallel
   * sends them).
   *
   * @param <S> the union of steps
   * @param codec the generated codec of the steps' union, {@code XTools.CODEC}
   * @param turns the model's answers, in order: the steps of each, at least one
   * @return the client
   */
  @SafeVarargs
  public static <S> ScriptedLlmClient replyingWithCalls(StepCodec<S> codec, List<S>... turns) {
    List<String> bodies = new ArrayList<>();
    for (List<S> turn : turns) {
      if (turn.isEmpty()) {
        throw new IllegalArgumentException("turn #" + (bodies.size() + 1) + " calls no tool");
      }
      bodies.add(ScriptedCompletions.toolCalls(bodies.size() + 1,
          turn.stream().map(codec::intentOf).toList(),
          turn.stream().map(codec::argumentsJson).toList()));
    }
    return of(bodies);
  }

  /**
   * A client that answers the n-th request with the n-th step as JSON text, with its
   * {@code intent}: what a model answers when asked for JSON instead of a tool call
   * ({@link OutputMode#TEXT} and {@link OutputMode#JSON_SCHEMA}).
   *
   * @param <S> the union of steps
   * @param codec the generated codec of the steps' union, {@code XTools.CODEC}
   * @param steps the model's answers, in order
   * @return the client
   */
  @SafeVarargs
  public static <S> ScriptedLlmClient replyingInText(StepCodec<S> codec, S... steps) {
    List<String> bodies = new ArrayList<>();
    for (S step : steps) {
      bodies.add(ScriptedCompletions.text(bodies.size() + 1, codec.toJson(step)));
    }
    return of(bodies);
  }

  /**
   * A client that answers the n-th request with the n-th text, as the model's message content.
   *
   * @param texts the model's answers, in order
   * @return the client
   */
  public static ScriptedLlmClient replyingWithText(String... texts) {
    List<String> bodies = new ArrayList<>();
    for (String text : texts) {
      bodies.add(ScriptedCompletions.text(bodies.size() + 1, text));
    }
    return of(bodies);
  }

  /**
   * A client that replays a script: a JSON array of chat completion objects, or one per line.
   *
   * @param script the script's text
   * @return the client
   *
   * @throws IllegalArgumentException if the script cannot be read as either
   */
  public static ScriptedLlmClient ofScript(String script) {
    String trimmed = script.strip();
    List<String> bodies = new ArrayList<>();
    try {
      if (trimmed.startsWith("[")) {
        for (JsonNode response : Json.readTree(trimmed)) {
          bodies.add(Json.write(response));
        }
      } else {
        for (String line : trimmed.split("\\R")) {
          if (!line.isBlank()) {
            bodies.add(Json.write(Json.readTree(line)));
          }
        }
      }
    } catch (ParseException e) {
      throw new IllegalArgumentException("the script is not JSON: " + e.getMessage(), e);
    }
    return of(bodies);
  }

  /**
   * A client that replays the script in a UTF-8 file.
   *
   * @param script the file
   * @return the client
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ScriptedLlmClient fromPath(Path script) {
    try {
      return ofScript(Files.readString(script, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the script " + script, e);
    }
  }

  /**
   * A client that replays the script in a classpath resource, such as {@code
   * "recordings/calculator.json"}, found through the given class loader.
   *
   * @param loader the class loader that finds the resource
   * @param name the resource's name
   * @return the client
   *
   * @throws IllegalArgumentException if there is no such resource
   */
  public static ScriptedLlmClient fromResource(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no classpath resource " + name);
      }
      return ofScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the resource " + name, e);
    }
  }

  /**
   * Records the request and returns the next recorded response.
   *
   * @throws LlmException with type {@code script_exhausted} once every response was returned
   */
  @Override
  public synchronized LlmResponse complete(LlmRequest request) {
    requests.add(request);
    if (requests.size() > responses.size()) {
      String message = "script exhausted after " + responses.size() + " responses";
      throw new LlmException(
          message + ": no response recorded for request #" + requests.size(),
          LlmException.NO_STATUS, "script_exhausted", message, false, 0, null);
    }
    return responses.get(requests.size() - 1);
  }

  /**
   * The requests received so far, in order, including any that found the script exhausted.
   *
   * @return the requests
   */
  public synchronized List<LlmRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * How many recorded responses are left.
   *
   * @return the number of responses not yet returned
   */
  public synchronized int remaining() {
    return Math.max(0, responses.size() - requests.size());
  }
}
