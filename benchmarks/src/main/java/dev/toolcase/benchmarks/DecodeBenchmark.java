package dev.toolcase.benchmarks;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.toolcase.example.deploy.DeployBackend;
import dev.toolcase.example.deploy.DeployBotNextStep;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.example.deploy.DeployFrontend;
import dev.toolcase.example.deploy.DoneForNow;
import dev.toolcase.example.deploy.ListGitTags;
import dev.toolcase.example.deploy.RequestMoreInformation;
import java.util.List;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Decoding 1,000 tool-call JSON strings into the deployment bot's union: the generated
 * {@code DeployBotTools.parse} against Jackson databind's polymorphic deserialization
 * ({@code @JsonTypeInfo} on the same records, through a mix-in) in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {

  /** Jackson's polymorphic typing on the union, by the {@code intent} property. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "intent")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = ListGitTags.class, name = "list_git_tags"),
      @JsonSubTypes.Type(value = DeployBackend.class, name = "deploy_backend"),
      @JsonSubTypes.Type(value = DeployFrontend.class, name = "deploy_frontend"),
      @JsonSubTypes.Type(value = RequestMoreInformation.class, name = "request_more_information"),
      @JsonSubTypes.Type(value = DoneForNow.class, name = "done_for_now")})
  interface PolymorphicMixIn {}

  private List<String> calls;
  private JsonMapper jackson;

  /** Builds the inputs and Jackson's mapper once. */
  @Setup
  public void setUp() {
    calls = ToolCalls.deployBot(1000);
    jackson = JsonMapper.builder().addMixIn(DeployBotNextStep.class, PolymorphicMixIn.class).build();
    for (String call : calls) {
      if (!DeployBotTools.parse(call).equals(jackson.readValue(call, DeployBotNextStep.class))) {
        throw new IllegalStateException("the decoders disagree on " + call);
      }
    }
  }

  /** The generated decoder. */
  @Benchmark
  public void toolcase(Blackhole blackhole) {
    for (String call : calls) {
      blackhole.consume(DeployBotTools.parse(call));
    }
  }

  /** Jackson databind, polymorphic. */
  @Benchmark
  public void jacksonDatabind(Blackhole blackhole) {
    for (String call : calls) {
      blackhole.consume(jackson.readValue(call, DeployBotNextStep.class));
    }
  }
}
