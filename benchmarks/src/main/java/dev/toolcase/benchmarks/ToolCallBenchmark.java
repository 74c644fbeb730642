package dev.toolcase.benchmarks;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.toolcase.example.deploy.DeployBackend;
import dev.toolcase.example.deploy.DeployBotHandler;
import dev.toolcase.example.deploy.DeployBotNextStep;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.example.deploy.DeployFrontend;
import dev.toolcase.example.deploy.DoneForNow;
import dev.toolcase.example.deploy.Environment;
import dev.toolcase.example.deploy.ListGitTags;
import dev.toolcase.example.deploy.RequestMoreInformation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Running 1,000 native tool calls (a name and its arguments JSON, as a provider sends them):
 * Toolcase's generated {@code fromToolCall} and exhaustive handler against LangChain4j's
 * {@code DefaultToolExecutor} (reflection over {@code @Tool} methods, Jackson 2 for the
 * arguments), the same trivial tool bodies on both sides, in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ToolCallBenchmark {

  /** The deployment bot's tools as LangChain4j declares them. */
  public static final class LangChain4jTools {
    /** Lists the tags. */
    @Tool("List the git tags of the repository, newest first")
    public String listGitTags() {
      return "v1.4.2, v1.4.1";
    }

    /** Deploys a backend. */
    @Tool("Deploy a backend tag to an environment")
    public String deployBackend(@P(name = "tag", value = "git tag to deploy") String tag,
        @P(name = "environment", value = "where") Environment environment) {
      return "deployed backend " + tag + " to " + environment;
    }

    /** Deploys a frontend. */
    @Tool("Deploy a frontend tag to an environment")
    public String deployFrontend(@P(name = "tag", value = "git tag to deploy") String tag,
        @P(name = "environment", value = "where") Environment environment) {
      return "deployed frontend " + tag + " to " + environment;
    }

    /** Asks a human. */
    @Tool("Ask a human for information")
    public String requestMoreInformation(@P(name = "message", value = "the question") String message) {
      return message;
    }

    /** Finishes. */
    @Tool("Finish and tell the human the result")
    public String doneForNow(@P(name = "message", value = "the result") String message) {
      return message;
    }
  }

  /** The same bodies behind the generated handler. */
  static final class Handler implements DeployBotHandler<String> {
    @Override
    public String listGitTags(ListGitTags call) {
      return "v1.4.2, v1.4.1";
    }

    @Override
    public String deployBackend(DeployBackend call) {
      return "deployed backend " + call.tag() + " to " + call.environment();
    }

    @Override
    public String deployFrontend(DeployFrontend call) {
      return "deployed frontend " + call.tag() + " to " + call.environment();
    }

    @Override
    public String requestMoreInformation(RequestMoreInformation call) {
      return call.message();
    }

    @Override
    public String doneForNow(DoneForNow call) {
      return call.message();
    }
  }

  private static final Map<String, String> METHODS = Map.of(
      "list_git_tags", "listGitTags", "deploy_backend", "deployBackend",
      "deploy_frontend", "deployFrontend", "request_more_information", "requestMoreInformation",
      "done_for_now", "doneForNow");

  private final List<String> names = new ArrayList<>();
  private final List<String> arguments = new ArrayList<>();
  private final List<ToolExecutionRequest> requests = new ArrayList<>();
  private final Map<String, ToolExecutor> executors = new HashMap<>();
  private final Handler handler = new Handler();

  /** Builds the calls and LangChain4j's executors once, and checks both run the same calls. */
  @Setup
  public void setUp() throws NoSuchMethodException {
    LangChain4jTools tools = new LangChain4jTools();
    for (Method method : LangChain4jTools.class.getDeclaredMethods()) {
      METHODS.forEach((name, methodName) -> {
        if (method.getName().equals(methodName)) {
          executors.put(name, new DefaultToolExecutor(tools, method));
        }
      });
    }
    for (String call : ToolCalls.deployBot(1000, ToolCalls.IntentAt.FIRST)) {
      DeployBotNextStep step = DeployBotTools.parseStrict(call);
      String name = DeployBotTools.intentOf(step);
      String json = DeployBotTools.argumentsJson(step);
      names.add(name);
      arguments.add(json);
      requests.add(ToolExecutionRequest.builder().id("call_" + requests.size()).name(name)
          .arguments(json).build());
    }
    for (int i = 0; i < names.size(); i++) {
      String ours = handler.handle(DeployBotTools.fromToolCall(names.get(i), arguments.get(i)));
      String theirs = executors.get(names.get(i)).execute(requests.get(i), "memory");
      if (!ours.equals(theirs)) {
        throw new IllegalStateException("the executors disagree: " + ours + " / " + theirs);
      }
    }
  }

  /** Toolcase: the generated decoder and the exhaustive handler. */
  @Benchmark
  public void toolcase(Blackhole blackhole) {
    for (int i = 0; i < names.size(); i++) {
      blackhole.consume(handler.handle(DeployBotTools.fromToolCall(names.get(i), arguments.get(i))));
    }
  }

  /** LangChain4j: the executor of the tool the call names. */
  @Benchmark
  public void langChain4j(Blackhole blackhole) {
    for (int i = 0; i < requests.size(); i++) {
      ToolExecutionRequest request = requests.get(i);
      blackhole.consume(executors.get(request.name()).execute(request, "memory"));
    }
  }
}
