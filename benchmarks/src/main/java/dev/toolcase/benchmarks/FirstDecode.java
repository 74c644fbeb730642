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
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first decode in a fresh JVM, class loading included: each decoder in its own process,
 * 10 times, medians. A process reports the time from its {@code main} to the first step decoded
 * (what a short-lived tool, a serverless function or a CLI pays), and the parent the process's
 * whole wall time.
 *
 * <pre>
 * java -cp benchmarks/target/toolcase-benchmarks.jar dev.toolcase.benchmarks.FirstDecode [runs]
 * </pre>
 */
public final class FirstDecode {

  private static final String CALL =
      "{\"intent\": \"deploy_backend\", \"tag\": \"v1.4.2\", \"environment\": \"staging\"}";

  /** Jackson's polymorphic typing on the union, by {@code intent}. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "intent")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = ListGitTags.class, name = "list_git_tags"),
      @JsonSubTypes.Type(value = DeployBackend.class, name = "deploy_backend"),
      @JsonSubTypes.Type(value = DeployFrontend.class, name = "deploy_frontend"),
      @JsonSubTypes.Type(value = RequestMoreInformation.class, name = "request_more_information"),
      @JsonSubTypes.Type(value = DoneForNow.class, name = "done_for_now")})
  interface MixIn {}

  private FirstDecode() {}

  /**
   * Runs the comparison, or, as a child, one first decode.
   *
   * @param args {@code [runs]}, or {@code child <decoder>}
   * @throws Exception if a child cannot run
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("child")) {
      long start = System.nanoTime();
      Object step = decode(args[1]);
      long elapsed = System.nanoTime() - start;
      if (!step.equals(new DeployBackend("v1.4.2", dev.toolcase.example.deploy.Environment.staging))) {
        throw new IllegalStateException("decoded " + step);
      }
      System.out.println(elapsed);
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    System.out.println("| decoder | first decode in the process (median) | whole process (median) |");
    System.out.println("| --- | ---: | ---: |");
    for (String decoder : List.of("toolcase-parseStrict", "toolcase-parse", "jackson2", "jackson3")) {
      List<Long> inProcess = new ArrayList<>();
      List<Long> whole = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), FirstDecode.class.getName(), "child", decoder)
            .redirectErrorStream(true).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8))) {
          line = out.readLine();
        }
        if (child.waitFor() != 0 || line == null) {
          throw new IllegalStateException(decoder + " failed: " + line);
        }
        whole.add(System.nanoTime() - start);
        inProcess.add(Long.parseLong(line.trim()));
      }
      System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms |%n", decoder, median(inProcess) / 1e6,
          median(whole) / 1e6);
    }
  }

  private static Object decode(String decoder) throws Exception {
    return switch (decoder) {
      case "toolcase-parseStrict" -> DeployBotTools.parseStrict(CALL);
      case "toolcase-parse" -> DeployBotTools.parse(CALL);
      case "jackson2" -> new com.fasterxml.jackson.databind.ObjectMapper()
          .addMixIn(DeployBotNextStep.class, MixIn.class).readValue(CALL, DeployBotNextStep.class);
      case "jackson3" -> tools.jackson.databind.json.JsonMapper.builder()
          .addMixIn(DeployBotNextStep.class, MixIn.class).build().readValue(CALL, DeployBotNextStep.class);
      default -> throw new IllegalArgumentException("no decoder " + decoder);
    };
  }

  private static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
