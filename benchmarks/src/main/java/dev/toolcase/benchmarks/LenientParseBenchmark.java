package dev.toolcase.benchmarks;

import dev.toolcase.example.deploy.DeployBotTools;
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

/**
 * What leniency costs: {@code parse} (find the JSON in the text, repair it, coerce it) against
 * {@code parseStrict} (one well-formed JSON value, no search) on the same 1,000 tool calls, and
 * {@code parse} on the same calls written by a chatty model (fenced, with prose, slightly
 * malformed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LenientParseBenchmark {

  private List<String> calls;
  private List<String> chatty;

  /** Builds the inputs and checks that every path reads the same steps. */
  @Setup
  public void setUp() {
    calls = ToolCalls.deployBot(1000);
    chatty = ToolCalls.chatty(calls);
    for (int i = 0; i < calls.size(); i++) {
      if (!DeployBotTools.parse(chatty.get(i)).equals(DeployBotTools.parseStrict(calls.get(i)))) {
        throw new IllegalStateException("lenient and strict disagree on " + chatty.get(i));
      }
    }
  }

  /** The generated decoder on strict JSON, without search or repairs: the baseline. */
  @Benchmark
  public void strictValidJson(Blackhole blackhole) {
    for (String call : calls) {
      blackhole.consume(DeployBotTools.parseStrict(call));
    }
  }

  /** Lenient parse of the same valid JSON. */
  @Benchmark
  public void lenientValidJson(Blackhole blackhole) {
    for (String call : calls) {
      blackhole.consume(DeployBotTools.parse(call));
    }
  }

  /** Lenient parse of the chatty, slightly malformed outputs. */
  @Benchmark
  public void lenientChattyOutput(Blackhole blackhole) {
    for (String call : chatty) {
      blackhole.consume(DeployBotTools.parse(call));
    }
  }
}
