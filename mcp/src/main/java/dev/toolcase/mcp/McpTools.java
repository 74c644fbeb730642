package dev.toolcase.mcp;

import dev.toolcase.ParseException;
import dev.toolcase.codec.StepCodec;
import dev.toolcase.codec.StepKind;
import dev.toolcase.codec.ToolJson;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The tools of one prompt, served over MCP: {@code tools/list} from the generated schemas and
 * descriptions, {@code tools/call} read by the generated codec and run by the handler.
 *
 * <pre>{@code
 * McpTools<DeployBotNextStep> tools = McpTools.of(DeployBotTools.CODEC, new Deployer()::handle)
 *     .approvalPolicy(step -> step instanceof DeployBackend d
 *         && d.environment() == Environment.production);
 * }</pre>
 *
 * <p>Only the members the agent runs are served: a prompt's {@code HumanContact} and {@code
 * FinalAnswer} members are steps of a thread, not tools, and serving an agent whole is {@link
 * McpAgent}'s work. A call the codec cannot read is answered as a tool result with {@code isError}
 * and the {@link ParseException}'s message, written for a model. A tool declared {@code
 * @Tool(approval = true)}, or a call the approval policy picks, is put to the user through MCP
 * elicitation first, and refused, not run, when the client cannot ask or the user says no.
 *
 * @param <S> the prompt's union
 */
public final class McpTools<S> {

  private final StepCodec<S> codec;
  private final Function<? super S, ?> handler;
  private final Predicate<? super S> approvalPolicy;

  private McpTools(StepCodec<S> codec, Function<? super S, ?> handler,
      Predicate<? super S> approvalPolicy) {
    this.codec = codec;
    this.handler = handler;
    this.approvalPolicy = approvalPolicy;
  }

  /**
   * Serves every tool of {@code codec}'s prompt through {@code handler}.
   *
   * @param <S> the union
   * @param codec the generated codec, {@code XTools.CODEC}
   * @param handler runs a step and returns its result: a {@code String} is sent as it is, anything
   *     else as JSON, and a JSON object also as {@code structuredContent}. Typically the generated
   *     handler's {@code handle}.
   * @return the tools
   */
  public static <S> McpTools<S> of(StepCodec<S> codec, Function<? super S, ?> handler) {
    return new McpTools<>(Objects.requireNonNull(codec, "codec"),
        Objects.requireNonNull(handler, "handler"), step -> false);
  }

  /**
   * These tools with a policy for which calls need the user's approval, besides those whose tool
   * is declared {@code @Tool(approval = true)}: the same policy an {@code Agent} takes.
   *
   * @param policy whether a call needs approval
   * @return the tools with the policy
   */
  public McpTools<S> approvalPolicy(Predicate<? super S> policy) {
    return new McpTools<>(codec, handler, Objects.requireNonNull(policy, "policy"));
  }

  /**
   * The names of the tools served, in the prompt's order.
   *
   * @return the names
   */
  public List<String> names() {
    return codec.tools().stream().filter(tool -> tool.kind().runs()).map(ToolJson.Tool::name)
        .toList();
  }

  List<SyncToolSpecification> specifications(McpJsonMapper json, Limits limits) {
    List<SyncToolSpecification> specifications = new ArrayList<>();
    for (ToolJson.Tool tool : codec.tools()) {
      if (!tool.kind().runs()) {
        continue;
      }
      ToolAnnotations.Builder annotations = ToolAnnotations.builder();
      if (tool.kind() == StepKind.TOOL_WITH_APPROVAL) {
        // A call a human must approve changes something: not read-only, not safe to repeat.
        annotations.readOnlyHint(false).idempotentHint(false);
      }
      Tool definition = Tool.builder(tool.name(), json, ToolJson.parameters(tool))
          .description(tool.description())
          .annotations(annotations.build())
          .build();
      specifications.add(SyncToolSpecification.builder()
          .tool(definition)
          .callHandler((exchange, request) -> call(exchange, request, json, limits))
          .build());
    }
    return specifications;
  }

  private CallToolResult call(McpSyncServerExchange exchange, CallToolRequest request,
      McpJsonMapper json, Limits limits) {
    String arguments;
    S step;
    try {
      arguments = Results.arguments(json, request, limits);
      step = codec.fromToolCall(request.name(), arguments);
    } catch (ParseException e) {
      return Results.error(e.getMessage());
    }
    if (codec.requiresApproval(step) || approvalPolicy.test(step)) {
      String refused = approve(exchange, request.name(), codec.argumentsJson(step));
      if (refused != null) {
        return Results.error(refused);
      }
    }
    Object result;
    try {
      result = handler.apply(step);
    } catch (RuntimeException e) {
      return Results.error(request.name() + " failed: " + Results.describe(e));
    }
    try {
      return Results.of(result);
    } catch (RuntimeException e) {
      // The tool ran: say so, rather than an error the client might retry.
      return CallToolResult.builder().addTextContent(String.valueOf(result)).isError(false)
          .build();
    }
  }

  /** Asks the user to approve the call; null if they did, else why it was not run. */
  private static String approve(McpSyncServerExchange exchange, String name, String arguments) {
    if (!Elicitation.supported(exchange)) {
      return name + " needs a human's approval before it runs, and this client cannot ask for it"
          + " (it does not support MCP elicitation); it was not run";
    }
    ElicitResult answer = Elicitation.ask(exchange,
        "Run " + name + " with " + arguments + "? It needs your approval.", Elicitation.APPROVAL);
    if (answer.action() == ElicitResult.Action.ACCEPT
        && Boolean.TRUE.equals(Elicitation.value(answer, "approve"))) {
      return null;
    }
    Object comment = Elicitation.value(answer, "comment");
    return name + " was not run: the user "
        + (answer.action() == ElicitResult.Action.ACCEPT ? "did not approve it" : answer.action()
            == ElicitResult.Action.DECLINE ? "declined" : "cancelled")
        + (comment instanceof String text && !text.isBlank() ? " (" + text + ")" : "");
  }

  /** The limits a server puts on every call. */
  record Limits(int maxArgumentBytes) {}

  @Override
  public String toString() {
    return "McpTools" + names();
  }
}
