package dev.toolcase.prompt;

import dev.toolcase.llm.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Renders a {@code @Template} into chat messages: {@code {{role system|user|assistant}}} starts a
 * message, other variables are expanded by the caller. Text before the first role marker is a
 * user message. Each message is trimmed; empty ones are dropped.
 *
 * <p>The processor has already checked every variable at compile time, so an unknown one here is
 * a bug in the caller and fails loudly.
 */
public final class TemplateText {

  private TemplateText() {}

  /**
   * The messages of {@code template}.
   *
   * @param template the template text
   * @param variables expands a variable name (trimmed, without braces) to its value
   * @return the messages, in order
   */
  public static List<ChatMessage> render(String template, Function<String, Expansion> variables) {
    List<ChatMessage> messages = new ArrayList<>();
    ChatMessage.Role role = ChatMessage.Role.USER;
    StringBuilder text = new StringBuilder();
    int from = 0;
    while (from < template.length()) {
      int open = template.indexOf("{{", from);
      if (open < 0) {
        text.append(template, from, template.length());
        break;
      }
      int close = template.indexOf("}}", open + 2);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed {{ at " + open + " in template");
      }
      text.append(template, from, open);
      String variable = template.substring(open + 2, close).trim();
      if (variable.equals("role") || variable.startsWith("role ")) {
        flush(messages, role, text);
        role = roleOf(variable.substring(4).trim());
      } else {
        switch (variables.apply(variable)) {
          case Expansion.Text inserted -> text.append(inserted.text());
          case Expansion.Messages inserted -> {
            flush(messages, role, text);
            messages.addAll(inserted.messages());
          }
        }
      }
      from = close + 2;
    }
    flush(messages, role, text);
    return List.copyOf(messages);
  }

  private static ChatMessage.Role roleOf(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "system" -> ChatMessage.Role.SYSTEM;
      case "user" -> ChatMessage.Role.USER;
      case "assistant" -> ChatMessage.Role.ASSISTANT;
      default -> throw new IllegalArgumentException("unknown role " + name);
    };
  }

  private static void flush(List<ChatMessage> messages, ChatMessage.Role role, StringBuilder text) {
    String content = text.toString().strip();
    text.setLength(0);
    if (content.isEmpty()) {
      return;
    }
    messages.add(switch (role) {
      case SYSTEM -> ChatMessage.system(content);
      case USER -> ChatMessage.user(content);
      case ASSISTANT -> ChatMessage.assistant(content);
      case TOOL -> throw new IllegalStateException("a template has no tool role");
    });
  }
}
