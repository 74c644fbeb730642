package dev.toolcase.llm;

import java.util.List;
import java.util.Objects;

/**
 * One message of the conversation sent to the model.
 *
 * <p>Use the factories: they say which parts each role takes. The compact constructor rejects
 * combinations no provider accepts.
 *
 * @param role who speaks
 * @param content the text; {@code null} only for an assistant message that only calls tools
 * @param toolCalls the tools an assistant message called; empty for every other role
 * @param toolCallId the call a {@link Role#TOOL} message answers; {@code null} for every other role
 */
public record ChatMessage(Role role, String content, List<ToolCall> toolCalls, String toolCallId) {

  /** Who speaks. */
  public enum Role {
    /** Instructions; Anthropic takes them out of the conversation into {@code system}. */
    SYSTEM,
    /** The user, or the application speaking for it. */
    USER,
    /** The model's earlier turns, with any tool calls it made. */
    ASSISTANT,
    /** The result of one tool call. */
    TOOL
  }

  /** Validates the parts each role takes and copies the tool calls. */
  public ChatMessage {
    Objects.requireNonNull(role, "role");
    toolCalls = List.copyOf(Objects.requireNonNull(toolCalls, "toolCalls"));
    if (role != Role.ASSISTANT && !toolCalls.isEmpty()) {
      throw new IllegalArgumentException("only an assistant message has tool calls, not " + role);
    }
    if (role == Role.TOOL) {
      if (toolCallId == null || toolCallId.isBlank()) {
        throw new IllegalArgumentException("a tool message needs the id of the call it answers");
      }
    } else if (toolCallId != null) {
      throw new IllegalArgumentException("only a tool message has a toolCallId, not " + role);
    }
    if (content == null && (role != Role.ASSISTANT || toolCalls.isEmpty())) {
      throw new IllegalArgumentException(
          "a " + role + " message needs content (only an assistant message with tool calls may"
              + " have none)");
    }
  }

  /**
   * A system message.
   *
   * @param content the instructions
   * @return the message
   */
  public static ChatMessage system(String content) {
    return new ChatMessage(Role.SYSTEM, content, List.of(), null);
  }

  /**
   * A user message.
   *
   * @param content the user's text
   * @return the message
   */
  public static ChatMessage user(String content) {
    return new ChatMessage(Role.USER, content, List.of(), null);
  }

  /**
   * An assistant message with text only.
   *
   * @param content the model's text
   * @return the message
   */
  public static ChatMessage assistant(String content) {
    return new ChatMessage(Role.ASSISTANT, content, List.of(), null);
  }

  /**
   * An assistant message that called tools.
   *
   * @param content text said alongside the calls, or {@code null}
   * @param toolCalls the calls, at least one
   * @return the message
   */
  public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
    if (toolCalls.isEmpty()) {
      throw new IllegalArgumentException("use assistant(content) for a message without tool calls");
    }
    return new ChatMessage(Role.ASSISTANT, content, toolCalls, null);
  }

  /**
   * The result of the tool call with the given id.
   *
   * @param toolCallId the id of the call it answers
   * @param content the result
   * @return the tool message
   */
  public static ChatMessage toolResult(String toolCallId, String content) {
    return new ChatMessage(Role.TOOL, content, List.of(), toolCallId);
  }
}
