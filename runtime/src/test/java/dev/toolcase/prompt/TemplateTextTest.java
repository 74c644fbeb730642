package dev.toolcase.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolcase.llm.ChatMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTextTest {

  private static final Map<String, Expansion> VARIABLES = Map.of(
      "name", Expansion.text("Ada"),
      "order.id", Expansion.text("A-17"),
      "thread", Expansion.text("<user_input>\nhi\n</user_input>"),
      "output_format", Expansion.text("Answer with JSON."));

  @Test
  void rolesStartMessagesAndVariablesExpandInPlace() {
    List<ChatMessage> messages = TemplateText.render("""
        {{role system}}
        You help {{ name }} with order {{order.id}}.
        {{role user}}
        {{thread}}
        {{output_format}}
        {{role assistant}}
        Sure.
        """, VARIABLES::get);

    assertThat(messages).containsExactly(
        ChatMessage.system("You help Ada with order A-17."),
        ChatMessage.user("<user_input>\nhi\n</user_input>\nAnswer with JSON."),
        ChatMessage.assistant("Sure."));
  }

  @Test
  void textBeforeAnyRoleIsAUserMessageAndEmptyMessagesAreDropped() {
    assertThat(TemplateText.render("Hello {{name}}\n{{role system}}\n{{role user}}  ",
        VARIABLES::get)).containsExactly(ChatMessage.user("Hello Ada"));
  }

  @Test
  void messagesExpandBetweenTheTextAroundThem() {
    List<ChatMessage> thread = List.of(ChatMessage.user("deploy"), ChatMessage.assistant("ok"));

    List<ChatMessage> messages = TemplateText.render(
        "{{role system}}Rules.{{thread}}What next?", name -> new Expansion.Messages(thread));

    assertThat(messages).containsExactly(ChatMessage.system("Rules."), ChatMessage.user("deploy"),
        ChatMessage.assistant("ok"), ChatMessage.system("What next?"));
  }

  @Test
  void malformedTemplatesFailLoudly() {
    assertThatThrownBy(() -> TemplateText.render("Hello {{name", VARIABLES::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unclosed {{ at 6 in template");
    assertThatThrownBy(() -> TemplateText.render("{{role tool}}x", VARIABLES::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown role tool");
  }
}
