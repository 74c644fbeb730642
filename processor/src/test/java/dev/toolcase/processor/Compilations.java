package dev.toolcase.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, the way a user's build does. */
final class Compilations {

  private Compilations() {}

  /** Compiles {@code sources} with the processor and lint warnings as errors. */
  static Compilation compile(JavaFileObject... sources) {
    return javac()
        .withProcessors(new ToolcaseProcessor())
        .withOptions("-Xlint:all", "-Werror", "--release", "21")
        .compile(sources);
  }

  /** One source file {@code test/Name.java} of package {@code test} with the usual imports. */
  static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString("test." + name, """
        package test;

        import dev.toolcase.*;
        import java.util.*;

        """ + body);
  }

  /**
   * The example app's sources of one golden case: the deployment bot as the example ships it, the
   * test prompt that uses every supported type, or the one shaped like real catalogues. The golden
   * files pin what they generate.
   */
  static JavaFileObject[] exampleSources(String goldenCase) {
    Path examples = Path.of(System.getProperty("toolcase.examples", "../example-app/src"));
    return switch (goldenCase) {
      case "deploybot" -> sourcesIn(examples.resolve("main/java/dev/toolcase/example/deploy"));
      case "kinds" -> sourcesIn(examples.resolve("test/java/dev/toolcase/example/types"));
      case "catalogue" -> sourcesIn(examples.resolve("test/java/dev/toolcase/example/catalogue"));
      default -> throw new IllegalArgumentException("no golden case " + goldenCase);
    };
  }

  /** Every {@code .java} file in a directory. */
  static JavaFileObject[] sourcesIn(Path directory) {
    try {
      List<JavaFileObject> sources = new ArrayList<>();
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.sorted().toList()) {
          if (file.toString().endsWith(".java")) {
            String text = Files.readString(file);
            String pkg = text.lines().filter(l -> l.startsWith("package ")).findFirst()
                .map(l -> l.substring(8, l.length() - 1)).orElse("");
            String simple = file.getFileName().toString().replace(".java", "");
            sources.add(JavaFileObjects.forSourceString(pkg.isEmpty() ? simple : pkg + "." + simple, text));
          }
        }
      }
      return sources.toArray(JavaFileObject[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
