package dev.toolcase.prompt;

import dev.toolcase.llm.ChatMessage;
import java.util.List;

/** What a template variable expands to: text in place, or whole messages (a chat-format thread). */
public sealed interface Expansion {

  /**
   * Text inserted where the variable stands.
   *
   * @param text the text
   */
  record Text(String text) implements Expansion {
    /** Validates the text. */
    public Text {
      if (text == null) {
        throw new NullPointerException("text");
      }
    }
  }

  /**
   * Messages inserted between the text before and after the variable.
   *
   * @param messages the messages
   */
  record Messages(List<ChatMessage> messages) implements Expansion {
    /** Copies the messages. */
    public Messages {
      messages = List.copyOf(messages);
    }
  }

  /**
   * Text in place.
   *
   * @param text the text
   * @return a {@link Text} expansion
   */
  static Expansion text(String text) {
    return new Text(text);
  }
}
