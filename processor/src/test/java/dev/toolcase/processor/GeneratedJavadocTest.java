package dev.toolcase.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated public API has complete Javadoc: javac's doclint, every group on, finds nothing
 * in the generated sources (the example's own sources are not what this checks).
 */
class GeneratedJavadocTest {

  @ParameterizedTest
  @ValueSource(strings = {"deploybot", "kinds", "catalogue"})
  void doclintFindsNothingInTheGeneratedSources(String goldenCase) {
    Compilation compilation = javac()
        .withProcessors(new ToolcaseProcessor())
        .withOptions("-Xdoclint:all/protected", "--release", "21")
        .compile(Compilations.exampleSources(goldenCase));

    assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
    List<String> inGenerated = compilation.diagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .filter(d -> d.getSource() != null && generated(d.getSource()))
        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null))
        .toList();
    assertThat(inGenerated).isEmpty();
    assertThat(compilation.generatedSourceFiles()).isNotEmpty();
  }

  private static boolean generated(JavaFileObject source) {
    return source.getName().contains("SOURCE_OUTPUT");
  }
}
