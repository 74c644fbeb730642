package dev.toolcase.context;

import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.EventTypes;
import dev.toolcase.FinalAnswer;
import dev.toolcase.PendingCall;
import dev.toolcase.Turns;
import dev.toolcase.codec.StepCodec;
import dev.toolcase.json.Json;
import dev.toolcase.llm.ChatMessage;
import dev.toolcase.llm.ToolCall;
import dev.toolcase.prompt.Expansion;
import dev.toolcase.prompt.ThreadRendering;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a thread into the model's context (factor 3: own your context window).
 *
 * <p>The default format is one block per event in a single user message, tool calls rendered
 * from their typed arguments as YAML-like lines. A call's outcome (its result, error, approval or
 * the human's answer) goes inside the call's block, so each intent is written twice, not four
 * times:
 *
 * <pre>
 * &lt;user_input&gt;
 * deploy the latest backend to production
 * &lt;/user_input&gt;
 * &lt;deploy_backend&gt;
 * tag: v1.4.2
 * environment: production
 * approved: true
 * result: deployed backend v1.4.2 to production
 * &lt;/deploy_backend&gt;
 * </pre>
 *
 * <p>{@link #chatMessages()} renders the standard chat shape instead: assistant messages with
 * tool calls, tool messages with their outcomes. Either way, per event type a rendering can be
 * overridden, an event hidden, or fields redacted; errors that a later success resolved are
 * dropped unless {@link #keepingResolvedErrors()} (factor 9).
 *
 * <p>Immutable: every option returns a new renderer.
 */
public final class ContextRenderer implements ThreadRendering {

  private final boolean chat;
  private final Map<String, Function<Event, String>> overrides;
  private final Set<String> hidden;
  private final Map<String, List<String>> redactions;
  private final boolean keepResolvedErrors;

  private ContextRenderer(boolean chat, Map<String, Function<Event, String>> overrides,
      Set<String> hidden, Map<String, List<String>> redactions, boolean keepResolvedErrors) {
    this.chat = chat;
    this.overrides = Map.copyOf(overrides);
    this.hidden = Set.copyOf(hidden);
    this.redactions = Map.copyOf(redactions);
    this.keepResolvedErrors = keepResolvedErrors;
  }

  /**
   * The default: tagged blocks with YAML-like bodies in one user message.
   *
   * @return the default renderer
   */
  public static ContextRenderer defaults() {
    return new ContextRenderer(false, Map.of(), Set.of(), Map.of(), false);
  }

  /**
   * The standard chat-messages shape: assistant tool calls and tool results.
   *
   * @return a chat-messages renderer
   */
  public static ContextRenderer chatMessages() {
    return new ContextRenderer(true, Map.of(), Set.of(), Map.of(), false);
  }

  /**
   * This renderer with events of {@code type} rendered by {@code rendering} instead.
   *
   * @param type the event type
   * @param rendering renders one event of that type
   * @return a new renderer; this one is unchanged
   */
  public ContextRenderer withOverride(String type, Function<Event, String> rendering) {
    Map<String, Function<Event, String>> more = new HashMap<>(overrides);
    more.put(Objects.requireNonNull(type), Objects.requireNonNull(rendering));
    return new ContextRenderer(chat, more, hidden, redactions, keepResolvedErrors);
  }

  /**
   * This renderer leaving events of these types out of the context.
   *
   * @param types the event types to hide
   * @return a new renderer; this one is unchanged
   */
  public ContextRenderer hiding(String... types) {
    Set<String> more = new HashSet<>(hidden);
    more.addAll(List.of(types));
    return new ContextRenderer(chat, overrides, more, redactions, keepResolvedErrors);
  }

  /**
   * This renderer removing a field from the data of events of {@code type} ({@code "*"} for every
   * type): a name, or a dotted path into nested objects such as {@code request.token}.
   *
   * @param type the event type, or {@code "*"}
   * @param field the field's name or dotted path
   * @return a new renderer; this one is unchanged
   */
  public ContextRenderer redacting(String type, String field) {
    Map<String, List<String>> more = new HashMap<>(redactions);
    List<String> fields = new ArrayList<>(more.getOrDefault(type, List.of()));
    fields.add(field);
    more.put(type, List.copyOf(fields));
    return new ContextRenderer(chat, overrides, hidden, more, keepResolvedErrors);
  }

  /**
   * This renderer keeping errors that a later success resolved.
   *
   * @return a new renderer; this one is unchanged
   */
  public ContextRenderer keepingResolvedErrors() {
    return new ContextRenderer(chat, overrides, hidden, redactions, true);
  }

  @Override
  public Expansion render(AgentThread thread, StepCodec<?> codec) {
    return chat ? new Expansion.Messages(messages(thread, codec)) : Expansion.text(text(thread, codec));
  }

  // ---------------------------------------------------------------- the thread as calls

  /** An event with the index it has in the thread. */
  private record Indexed(int index, Event event, JsonNode data, boolean call) {}

  /** The visible events: hidden types and resolved errors left out, data redacted. */
  private List<Indexed> visible(AgentThread thread, StepCodec<?> codec) {
    List<Event> events = thread.events();
    Set<Integer> dropped = keepResolvedErrors ? Set.of() : resolvedErrors(events, codec);
    List<Indexed> visible = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      // A claim is bookkeeping of the run, not something the model needs to read.
      if (hidden.contains(event.type()) || dropped.contains(i)
          || event.type().equals(EventTypes.STARTED)) {
        continue;
      }
      boolean call = codec.stepType().isInstance(event.data());
      visible.add(new Indexed(i, event, redact(event.type(), dataOf(codec, event.data())), call));
    }
    return visible;
  }

  /**
   * Errors, with the calls that failed, that a later success of the same intent resolved. A
   * handler's error follows its call; an unreadable model output has no call, and is resolved by
   * the next call that ran.
   */
  private static Set<Integer> resolvedErrors(List<Event> events, StepCodec<?> codec) {
    Map<Integer, Integer> owners = owners(Turns.of(events, i -> isCall(codec, events.get(i))));
    Set<Integer> resolved = new HashSet<>();
    for (int i = 0; i < events.size(); i++) {
      if (!events.get(i).type().equals(EventTypes.ERROR)) {
        continue;
      }
      Integer call = owners.get(i);
      String intent = call == null ? null : events.get(call).type();
      for (int j = i + 1; j < events.size(); j++) {
        String type = events.get(j).type();
        if (type.equals(EventTypes.ERROR)) {
          continue;
        }
        boolean success = EventTypes.isResult(type)
            && (intent == null || type.equals(EventTypes.resultOf(intent)));
        if (success) {
          resolved.add(i);
          if (call != null) {
            resolved.add(call);
          }
          break;
        }
      }
    }
    return resolved;
  }

  private static boolean isCall(StepCodec<?> codec, Event event) {
    return codec.stepType().isInstance(event.data());
  }

  /** The call each outcome event belongs to, by index. */
  private static Map<Integer, Integer> owners(List<Turns.Turn> turns) {
    Map<Integer, Integer> owners = new HashMap<>();
    for (Turns.Turn turn : turns) {
      for (Turns.Call call : turn.calls()) {
        call.outcomes().forEach(outcome -> owners.put(outcome, call.index()));
      }
    }
    return owners;
  }

  /**
   * The thread's visible events read as turns: which outcome goes inside which call, and the
   * calls made together, which the chat format sends in one assistant message.
   */
  private final class Layout {
    final List<Indexed> events;
    final Map<Integer, Indexed> byIndex = new HashMap<>();
    final Map<Integer, Turns.Call> calls = new HashMap<>();
    final Map<Integer, List<Integer>> turnOf = new HashMap<>();
    /** Outcomes rendered inside their call, not on their own. */
    final Set<Integer> nested = new HashSet<>();

    Layout(AgentThread thread, StepCodec<?> codec) {
      events = visible(thread, codec);
      events.forEach(event -> byIndex.put(event.index(), event));
      List<Event> all = thread.events();
      for (Turns.Turn turn : Turns.of(all, i -> isCall(codec, all.get(i)))) {
        List<Integer> members = turn.calls().stream().map(Turns.Call::index)
            .filter(byIndex::containsKey).toList();
        for (Turns.Call call : turn.calls()) {
          calls.put(call.index(), call);
          turnOf.put(call.index(), members);
          for (int outcome : call.outcomes()) {
            if (nests(call.index(), outcome)) {
              nested.add(outcome);
            }
          }
        }
      }
    }

    private boolean nests(int call, int outcome) {
      Indexed shownCall = byIndex.get(call);
      Indexed shownOutcome = byIndex.get(outcome);
      return shownCall != null && shownOutcome != null
          && !overrides.containsKey(shownCall.event().type())
          && !overrides.containsKey(shownOutcome.event().type());
    }

    /** The outcomes rendered inside {@code call}, in order. */
    List<Indexed> outcomes(Indexed call) {
      Turns.Call read = calls.get(call.index());
      return read == null ? List.of()
          : read.outcomes().stream().filter(nested::contains).map(byIndex::get).toList();
    }
  }

  private static <S> JsonNode dataOf(StepCodec<S> codec, Object data) {
    if (codec.stepType().isInstance(data)) {
      return Json.readTree(codec.argumentsJson(codec.stepType().cast(data)));
    }
    if (data instanceof JsonNode node) {
      return node;
    }
    return Json.mapper().getNodeFactory().stringNode(String.valueOf(data));
  }

  private JsonNode redact(String type, JsonNode data) {
    List<String> fields = new ArrayList<>(redactions.getOrDefault("*", List.of()));
    fields.addAll(redactions.getOrDefault(type, List.of()));
    if (fields.isEmpty() || !data.isObject()) {
      return data;
    }
    ObjectNode copy = (ObjectNode) data.deepCopy();
    for (String field : fields) {
      String[] path = field.split("\\.");
      JsonNode parent = copy;
      for (int i = 0; i < path.length - 1 && parent != null; i++) {
        parent = parent.get(path[i]);
      }
      if (parent instanceof ObjectNode object) {
        object.remove(path[path.length - 1]);
      }
    }
    return copy;
  }

  /** The lines an outcome adds to its call: {@code result: ...}, {@code error: ...}, ... */
  private static void outcome(Indexed next, String indent, StringBuilder out) {
    String type = next.event().type();
    JsonNode data = next.data();
    if (type.equals(EventTypes.APPROVAL)) {
      Yaml.member("approved", data.path("approved"), indent, out);
      if (data.has("comment")) {
        Yaml.member("comment", data.get("comment"), indent, out);
      }
    } else if (type.equals(EventTypes.ERROR)) {
      Yaml.member("error", data, indent, out);
    } else if (type.equals(EventTypes.HUMAN_RESPONSE)) {
      Yaml.member("response", data, indent, out);
    } else {
      Yaml.member("result", data, indent, out);
    }
  }

  // ---------------------------------------------------------------- the default format

  /**
   * The thread in the default format: the text of one user message.
   *
   * @param thread the thread
   * @param codec the codec of the union whose steps the thread holds
   * @return the text
   */
  public String text(AgentThread thread, StepCodec<?> codec) {
    Layout layout = new Layout(thread, codec);
    StringBuilder out = new StringBuilder();
    for (Indexed event : layout.events) {
      if (layout.nested.contains(event.index())) {
        continue;
      }
      Function<Event, String> override = overrides.get(event.event().type());
      if (override != null) {
        String text = override.apply(event.event());
        out.append(text).append(text.endsWith("\n") ? "" : "\n");
        continue;
      }
      String type = event.event().type();
      out.append('<').append(type).append(">\n");
      if (event.call()) {
        if (!event.data().isEmpty()) {
          out.append(Yaml.render(event.data()));
        }
        for (Indexed outcome : layout.outcomes(event)) {
          outcome(outcome, "", out);
        }
      } else if (event.data().isString()) {
        out.append(event.data().stringValue()).append('\n');
      } else {
        out.append(Yaml.render(event.data()));
      }
      out.append("</").append(type).append(">\n");
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- the chat format

  /**
   * The thread as chat messages: user messages, assistant tool calls and tool results.
   *
   * @param thread the thread
   * @param codec the codec of the union whose steps the thread holds
   * @return the messages
   */
  public List<ChatMessage> messages(AgentThread thread, StepCodec<?> codec) {
    Layout layout = new Layout(thread, codec);
    List<ChatMessage> messages = new ArrayList<>();
    Set<Integer> sent = new HashSet<>();
    for (Indexed event : layout.events) {
      if (layout.nested.contains(event.index()) || sent.contains(event.index())) {
        continue;
      }
      Function<Event, String> override = overrides.get(event.event().type());
      if (override != null) {
        messages.add(ChatMessage.user(override.apply(event.event())));
      } else if (event.call()) {
        // The calls of one turn go in one assistant message, each answered by its id.
        List<Indexed> turn = layout.turnOf.getOrDefault(event.index(), List.of(event.index()))
            .stream().map(layout.byIndex::get)
            .filter(call -> !overrides.containsKey(call.event().type()))
            .toList();
        List<ToolCall> calls = new ArrayList<>();
        for (Indexed call : turn) {
          calls.add(new ToolCall(PendingCall.idOf(call.index()), call.event().type(),
              Json.write(call.data())));
          sent.add(call.index());
        }
        messages.add(ChatMessage.assistant(null, calls));
        for (Indexed call : turn) {
          String result = result(layout, call);
          if (!result.isEmpty()) {
            messages.add(ChatMessage.toolResult(PendingCall.idOf(call.index()), result));
          }
        }
      } else if (event.event().type().equals(EventTypes.USER_INPUT)
          || event.event().type().equals(EventTypes.HUMAN_RESPONSE)) {
        messages.add(ChatMessage.user(textOf(event.data())));
      } else {
        messages.add(ChatMessage.user(event.event().type() + ": " + textOf(event.data()).strip()));
      }
    }
    return messages;
  }

  /** What a call's tool message says: its result, its other outcomes, or why it never ran. */
  private String result(Layout layout, Indexed call) {
    List<Indexed> outcomes = layout.outcomes(call);
    if (outcomes.size() == 1 && EventTypes.isResult(outcomes.getFirst().event().type())) {
      return textOf(outcomes.getFirst().data());
    }
    StringBuilder outcome = new StringBuilder();
    outcomes.forEach(next -> outcome(next, "", outcome));
    Turns.Call read = layout.calls.get(call.index());
    if (read != null && read.abandoned()) {
      outcome.append(call.event().data() instanceof FinalAnswer
          ? "shown to the user" : "not run: the user wrote again before it ran");
    }
    return outcome.toString().strip();
  }

  private static String textOf(JsonNode data) {
    return data.isString() ? data.stringValue() : Yaml.isInline(data) ? Yaml.inline(data) : Yaml.render(data);
  }
}
