package dev.toolcase.benchmarks;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.toolcase.example.calculator.Add;
import dev.toolcase.example.calculator.CalculatorNextStep;
import dev.toolcase.example.calculator.CalculatorTools;
import dev.toolcase.example.calculator.Divide;
import dev.toolcase.example.calculator.Multiply;
import dev.toolcase.example.calculator.Subtract;
import dev.toolcase.example.deploy.DeployBackend;
import dev.toolcase.example.deploy.DeployBotNextStep;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.example.deploy.DeployFrontend;
import dev.toolcase.example.deploy.DoneForNow;
import dev.toolcase.example.deploy.ListGitTags;
import dev.toolcase.example.deploy.RequestMoreInformation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding 1,000 tool-call JSON strings into a union, per union and with {@code intent} first or
 * last: the generated {@code parseStrict} and {@code parse} against Jackson 2 and Jackson 3
 * databind's polymorphic deserialization ({@code @JsonTypeInfo} on the same records, through a
 * mix-in), in the same run. Run with {@code -prof gc} for the bytes allocated per call
 * ({@code gc.alloc.rate.norm} / 1,000).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {

  /** Jackson's polymorphic typing on the deployment bot's union, by {@code intent}. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "intent")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = ListGitTags.class, name = "list_git_tags"),
      @JsonSubTypes.Type(value = DeployBackend.class, name = "deploy_backend"),
      @JsonSubTypes.Type(value = DeployFrontend.class, name = "deploy_frontend"),
      @JsonSubTypes.Type(value = RequestMoreInformation.class, name = "request_more_information"),
      @JsonSubTypes.Type(value = DoneForNow.class, name = "done_for_now")})
  interface DeployBotMixIn {}

  /** Jackson's polymorphic typing on the calculator's union, by {@code intent}. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "intent")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Add.class, name = "add"),
      @JsonSubTypes.Type(value = Subtract.class, name = "subtract"),
      @JsonSubTypes.Type(value = Multiply.class, name = "multiply"),
      @JsonSubTypes.Type(value = Divide.class, name = "divide"),
      @JsonSubTypes.Type(value = dev.toolcase.example.calculator.DoneForNow.class, name = "done_for_now")})
  interface CalculatorMixIn {}

  /** The union the calls are of. */
  @Param({"deploybot", "calculator"})
  public String union;

  /** Where the calls put their {@code intent}. */
  @Param({"FIRST", "LAST"})
  public String intentAt;

  private List<String> calls;
  private Function<String, Object> strict;
  private Function<String, Object> lenient;
  private Function<String, Object> jackson2;
  private Function<String, Object> jackson3;

  /** Builds the inputs and the mappers once, and checks that every decoder reads the same steps. */
  @Setup
  public void setUp() {
    calls = ToolCalls.of(union, 1000, ToolCalls.IntentAt.valueOf(intentAt));
    com.fasterxml.jackson.databind.ObjectMapper two = new com.fasterxml.jackson.databind.ObjectMapper()
        .addMixIn(DeployBotNextStep.class, DeployBotMixIn.class)
        .addMixIn(CalculatorNextStep.class, CalculatorMixIn.class);
    tools.jackson.databind.json.JsonMapper three = tools.jackson.databind.json.JsonMapper.builder()
        .addMixIn(DeployBotNextStep.class, DeployBotMixIn.class)
        .addMixIn(CalculatorNextStep.class, CalculatorMixIn.class)
        .build();
    Class<?> type = union.equals("deploybot") ? DeployBotNextStep.class : CalculatorNextStep.class;
    strict = union.equals("deploybot") ? DeployBotTools::parseStrict : CalculatorTools::parseStrict;
    lenient = union.equals("deploybot") ? DeployBotTools::parse : CalculatorTools::parse;
    jackson2 = call -> {
      try {
        return two.readValue(call, type);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
    jackson3 = call -> three.readValue(call, type);
    for (String call : calls) {
      Object expected = strict.apply(call);
      if (!expected.equals(lenient.apply(call)) || !expected.equals(jackson2.apply(call))
          || !expected.equals(jackson3.apply(call))) {
        throw new IllegalStateException("the decoders disagree on " + call);
      }
    }
  }

  /** The generated decoder on program-written JSON. */
  @Benchmark
  public void toolcaseStrict(Blackhole blackhole) {
    for (String call : calls) {
      blackhole.consume(strict.apply(call));
    }
  }

  /** The generated decoder on a model's output that happens to be clean JSON. */
  @Benchmark
  public void toolcaseParse(Blackhole blackhole) {
    for (String call : calls) {
      blackhole.consume(lenient.apply(call));
    }
  }

  /** Jackson 2 databind, polymorphic. */
  @Benchmark
  public void jackson2Databind(Blackhole blackhole) {
    for (String call : calls) {
      blackhole.consume(jackson2.apply(call));
    }
  }

  /** Jackson 3 databind, polymorphic. */
  @Benchmark
  public void jackson3Databind(Blackhole blackhole) {
    for (String call : calls) {
      blackhole.consume(jackson3.apply(call));
    }
  }
}
