package dev.toolcase.benchmarks;

import dev.toolcase.processor.ToolcaseProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The processor's share of compile time: a catalogue of real proportions (descriptions of a few
 * hundred characters, four components of mixed types, prompts of 50 tools) compiled with the
 * processor, and the same sources again with {@code -proc:none} over the sources it generated.
 * The difference is the processor's work, as a share of the whole. In one JVM, after warm-up
 * compilations, as an incremental build or an IDE compiles; medians of the measured runs.
 *
 * <pre>java -cp benchmarks/target/toolcase-benchmarks.jar dev.toolcase.benchmarks.CompileTime [tools...]</pre>
 */
public final class CompileTime {

  private static final int TOOLS_PER_PROMPT = 50;
  private static final int WARMUPS = 3;
  private static final int RUNS = 7;

  private static final String DESCRIPTION = "Looks up the current state of a resource in the"
      + " inventory and returns its attributes, when it last changed and who changed it. Use it"
      + " before a change, to check the resource exists and is in the state the user believes;"
      + " not to list resources. Fails when the resource is unknown or the caller lacks access.";

  private CompileTime() {}

  /**
   * Measures and prints a table.
   *
   * @param args the catalogue sizes, in tools (default 100 and 1000)
   * @throws IOException if the sources cannot be written
   */
  public static void main(String[] args) throws IOException {
    int[] sizes = args.length == 0 ? new int[] {100, 1000}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    Path work = Files.createTempDirectory("toolcase-compile-time");
    System.out.printf(Locale.ROOT, "%6s %12s %12s %10s %14s %12s%n", "tools", "with (ms)",
        "without (ms)", "share", "in process()", "generated");
    double first = 0;
    for (int size : sizes) {
      Path sources = work.resolve("src-" + size);
      List<Path> files = catalogue(sources, size);
      long[] with = new long[RUNS];
      long[] without = new long[RUNS];
      long[] own = new long[RUNS];
      long generatedBytes = 0;
      for (int run = -WARMUPS; run < RUNS; run++) {
        Path generated = clean(work.resolve("gen-" + size));
        long start = System.nanoTime();
        compile(files, generated, clean(work.resolve("classes-" + size)), true);
        long middle = System.nanoTime();
        List<Path> all = new ArrayList<>(files);
        all.addAll(javaFiles(generated));
        compile(all, null, clean(work.resolve("plain-" + size)), false);
        long end = System.nanoTime();
        if (run >= 0) {
          with[run] = middle - start;
          without[run] = end - middle;
          own[run] = inProcessor;
        }
        generatedBytes = javaFiles(generated).stream().mapToLong(CompileTime::size).sum();
      }
      double withMs = median(with) / 1e6;
      double withoutMs = median(without) / 1e6;
      if (first == 0) {
        first = withMs / size;
      }
      System.out.printf(Locale.ROOT, "%6d %12.0f %12.0f %9.1f%% %10.0f ms %9.1f KB/tool   (%.2fx the cost per tool of the first size)%n",
          size, withMs, withoutMs, 100 * (withMs - withoutMs) / withMs, median(own) / 1e6,
          generatedBytes / 1024.0 / size, (withMs / size) / first);
    }
  }

  /** Writes {@code tools} tools in prompts of {@link #TOOLS_PER_PROMPT}, one file per type. */
  private static List<Path> catalogue(Path directory, int tools) throws IOException {
    Path pkg = Files.createDirectories(directory.resolve("catalogue"));
    List<Path> files = new ArrayList<>();
    files.add(write(pkg, "Detail", """
        package catalogue;

        import dev.toolcase.Param;

        public enum Detail {
          @Param("identifier and state only") BRIEF,
          @Param("every attribute") FULL,
          @Param(value = "attributes and history", name = "full-with-history") HISTORY
        }
        """));
    int prompts = (tools + TOOLS_PER_PROMPT - 1) / TOOLS_PER_PROMPT;
    for (int p = 0; p < prompts; p++) {
      int count = Math.min(TOOLS_PER_PROMPT, tools - p * TOOLS_PER_PROMPT);
      StringBuilder listed = new StringBuilder();
      for (int t = 0; t < count; t++) {
        String record = "Lookup" + p + "x" + t;
        listed.append(t == 0 ? "" : ", ").append(record).append(".class");
        boolean last = t == count - 1;
        files.add(write(pkg, record, last ? """
            package catalogue;

            import dev.toolcase.*;

            @Tool("Answers the user and ends the thread.")
            public record %s(String message) implements Agent%dNextStep, FinalAnswer {}
            """.formatted(record, p) : """
            package catalogue;

            import dev.toolcase.*;
            import java.util.Optional;

            @Tool(value = "%s", name = "inventory.lookup_%d_%d")
            public record %s(
                @Param("the resource's identifier") String resourceId,
                @Param(value = "how much to return", defaultValue = "BRIEF") Detail detail,
                @Param("at most this many history entries") Optional<Integer> limit,
                @Param(name = "X-Request-Id") String requestId) implements Agent%dNextStep {}
            """.formatted(DESCRIPTION, p, t, record, p)));
      }
      files.add(write(pkg, "Agent" + p, """
          package catalogue;

          import dev.toolcase.*;

          @Prompt(tools = {%s})
          public interface Agent%d {
            @Template("{{role system}} You look after the inventory. {{role user}} {{thread}}")
            Agent%dNextStep next(AgentThread thread);
          }
          """.formatted(listed, p, p)));
    }
    return files;
  }

  private static void compile(List<Path> files, Path generated, Path classes, boolean process) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager manager = javac.getStandardFileManager(null, Locale.ROOT, null)) {
      List<String> options = new ArrayList<>(List.of("--release", "21", "-Xlint:all", "-Werror",
          "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
      if (process) {
        options.addAll(List.of("-s", generated.toString()));
      } else {
        options.add("-proc:none");
      }
      Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromPaths(files);
      JavaCompiler.CompilationTask task = javac.getTask(output, manager, null, options, null, units);
      if (process) {
        task.setProcessors(List.of(new Timed(new ToolcaseProcessor())));
      }
      if (!task.call()) {
        throw new IllegalStateException("compilation failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Nanoseconds spent in the processor's own {@code process}, over the last compilation. */
  private static long inProcessor;

  /** The processor, timed. */
  private record Timed(Processor delegate) implements Processor {
    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment environment) {
      inProcessor = 0;
      delegate.init(environment);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long start = System.nanoTime();
      try {
        return delegate.process(annotations, round);
      } finally {
        inProcessor += System.nanoTime() - start;
      }
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element,
        AnnotationMirror annotation, ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }

  private static Path write(Path directory, String type, String source) throws IOException {
    return Files.writeString(directory.resolve(type + ".java"), source);
  }

  private static Path clean(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return Files.createDirectories(directory);
  }

  private static List<Path> javaFiles(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      return paths.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
  }
}
