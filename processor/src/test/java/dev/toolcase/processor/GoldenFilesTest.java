package dev.toolcase.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compares the generated sources with the reviewed golden files under
 * {@code src/test/resources/golden/<case>/expected}. Run with
 * {@code -Dtoolcase.updateGoldens=true} to rewrite them, then review the diff like code.
 */
class GoldenFilesTest {

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource({
      "deploybot, dev.toolcase.example.deploy, DeployBotNextStep",
      "deploybot, dev.toolcase.example.deploy, DeployBotTools",
      "deploybot, dev.toolcase.example.deploy, DeployBotHandler",
      "deploybot, dev.toolcase.example.deploy, DeployBotPrompts",
      "kinds, dev.toolcase.example.types, KindsNextStep",
      "kinds, dev.toolcase.example.types, KindsTools",
      "kinds, dev.toolcase.example.types, KindsHandler",
      "kinds, dev.toolcase.example.types, KindsPrompts",
      "catalogue, dev.toolcase.example.catalogue, CatalogueNextStep",
      "catalogue, dev.toolcase.example.catalogue, CatalogueTools",
      "catalogue, dev.toolcase.example.catalogue, CatalogueHandler",
      "catalogue, dev.toolcase.example.catalogue, CataloguePrompts",
  })
  void generatedSourceMatchesGoldenFile(String goldenCase, String pkg, String type) throws IOException {
    Compilation compilation = Compilations.compile(Compilations.exampleSources(goldenCase));
    assertThat(compilation).succeededWithoutWarnings();

    JavaFileObject generated = compilation.generatedSourceFile(pkg + "." + type).orElseThrow();
    String actual = generated.getCharContent(true).toString();
    Path golden = Path.of(System.getProperty("toolcase.goldens", "src/test/resources/golden"),
        goldenCase, "expected", type + ".java");
    if (Boolean.getBoolean("toolcase.updateGoldens")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual);
    }
    assertThat(golden).as("golden file %s (run with -Dtoolcase.updateGoldens=true to create it)", golden)
        .exists();
    assertThat(actual).isEqualTo(Files.readString(golden));
  }
}
