package dev.toolcase.example.catalogue;

import dev.toolcase.AgentThread;
import dev.toolcase.codec.Containers;
import dev.toolcase.codec.Decoder;
import dev.toolcase.codec.JsonObject;
import dev.toolcase.codec.JsonValue;
import dev.toolcase.codec.Scalars;
import dev.toolcase.codec.ToolJson;
import dev.toolcase.llm.ChatMessage;
import dev.toolcase.llm.LlmClient;
import dev.toolcase.prompt.PromptRunner;
import dev.toolcase.prompt.TemplateText;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * {@link Catalogue} on a model: renders each template, calls the model and reads the answer
 * with generated code. The {@code ...Messages} methods give the exact messages
 * that would be sent, without calling the model.
 */
@Generated("dev.toolcase.processor.ToolcaseProcessor")
public final class CataloguePrompts implements Catalogue {
  private static final String NEXT_TEMPLATE = "{{role system}}\n"
      + "Use the tools.\n"
      + "{{role user}}\n"
      + "{{thread}}\n";

  private static final String NEXT_STEPS_TEMPLATE = "{{role system}}\n"
      + "Use the tools, several at once where they do not depend on each other.\n"
      + "{{role user}}\n"
      + "{{thread}}\n"
      + "{{output_format}}\n";

  private static final String PLAN_TEMPLATE = "{{role system}}\n"
      + "Plan the steps for the request, then stop.\n"
      + "{{role user}}\n"
      + "{{request}}\n"
      + "{{output_format}}\n";

  private static final String PLAN_TEMPLATE_2 = "{{role user}} Plan {{request}} in at most {{steps}} steps.";

  private static final String PLAN_SCHEMA = "{\"type\":\"object\",\"properties\":{\"summary\":{\"type\":\"string\"},\"steps\":{\"type\":\"array\",\"items\":"
      + ToolJson.anyOf(CatalogueTools.SCHEMAS)
      + "}},\"required\":[\"summary\",\"steps\"],\"additionalProperties\":false}";

  private static final Set<String> CATALOGUE_PLAN_PROPERTIES = Set.of("summary", "steps");

  private final PromptRunner runner;

  private CataloguePrompts(PromptRunner runner) {
    this.runner = runner;
  }

  /**
   * {@link Catalogue} on {@code client}, with native tool calling and the default context format.
   *
   * @param client the model
   * @return the prompt on it
   */
  public static CataloguePrompts using(LlmClient client) {
    return new CataloguePrompts(PromptRunner.using(client));
  }

  /**
   * {@link Catalogue} on a configured runner: its output mode and context format.
   *
   * @param runner the runner, with its model
   * @return the prompt on it
   */
  public static CataloguePrompts using(PromptRunner runner) {
    return new CataloguePrompts(runner);
  }

  /**
   * The messages {@link #next} sends, rendered from its template, without calling the model.
   *
   * @param thread as {@link #next} takes it
   * @return the messages, in order
   */
  public List<ChatMessage> nextMessages(AgentThread thread) {
    return TemplateText.render(NEXT_TEMPLATE, variable -> switch (variable) {
          case "thread" -> runner.thread(thread, CatalogueTools.CODEC);
          default -> throw new IllegalStateException("no such template variable: " + variable);
        });
  }

  @Override
  public CatalogueNextStep next(AgentThread thread) {
    List<ChatMessage> messages = nextMessages(thread);
    return runner.nextStep(messages, CatalogueTools.CODEC);
  }

  /**
   * The messages {@link #nextSteps} sends, rendered from its template, without calling the model.
   *
   * @param thread as {@link #nextSteps} takes it
   * @return the messages, in order
   */
  public List<ChatMessage> nextStepsMessages(AgentThread thread) {
    return TemplateText.render(NEXT_STEPS_TEMPLATE, variable -> switch (variable) {
          case "thread" -> runner.thread(thread, CatalogueTools.CODEC);
          case "output_format" -> runner.stepsFormat(CatalogueTools.CODEC);
          default -> throw new IllegalStateException("no such template variable: " + variable);
        });
  }

  @Override
  public List<CatalogueNextStep> nextSteps(AgentThread thread) {
    List<ChatMessage> messages = nextStepsMessages(thread);
    return runner.nextSteps(messages, CatalogueTools.CODEC);
  }

  /**
   * The messages {@link #plan} sends, rendered from its template, without calling the model.
   *
   * @param request as {@link #plan} takes it
   * @return the messages, in order
   */
  public List<ChatMessage> planMessages(String request) {
    return TemplateText.render(PLAN_TEMPLATE, variable -> switch (variable) {
          case "request" -> runner.value(request);
          case "output_format" -> runner.outputFormat(PLAN_SCHEMA);
          default -> throw new IllegalStateException("no such template variable: " + variable);
        });
  }

  @Override
  public Catalogue.Plan plan(String request) {
    List<ChatMessage> messages = planMessages(request);
    return runner.structured(messages, "plan", PLAN_SCHEMA, CataloguePrompts::readCataloguePlan);
  }

  /**
   * The messages {@link #plan} sends, rendered from its template, without calling the model.
   *
   * @param request as {@link #plan} takes it
   * @param steps as {@link #plan} takes it
   * @return the messages, in order
   */
  public List<ChatMessage> planMessages(String request, int steps) {
    return TemplateText.render(PLAN_TEMPLATE_2, variable -> switch (variable) {
          case "request" -> runner.value(request);
          case "steps" -> runner.value(steps);
          default -> throw new IllegalStateException("no such template variable: " + variable);
        });
  }

  @Override
  public Catalogue.Plan plan(String request, int steps) {
    List<ChatMessage> messages = planMessages(request, steps);
    return runner.structured(messages, "plan", PLAN_SCHEMA, CataloguePrompts::readCataloguePlan);
  }

  private static Catalogue.Plan readCataloguePlan(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String summary = d.required(object, "summary", Scalars::string);
    List<CatalogueNextStep> steps = d.required(object, "steps", (d1, v1) -> Containers.list(d1, v1, CatalogueTools::readStep));
    d.unknownProperties(object, CATALOGUE_PLAN_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Catalogue.Plan(summary, steps));
  }
}
