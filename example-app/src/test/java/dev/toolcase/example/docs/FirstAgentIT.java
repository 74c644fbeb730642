package dev.toolcase.example.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start and {@code docs/first-agent.md} work as written: the page's files are
 * written into a fresh project, whose {@code pom.xml} holds the README's Maven quick start, and a
 * real Maven builds it against the artifacts this build just packaged, compiling under
 * {@code -Xlint:all -Werror} and running the page's tests.
 *
 * <p>The artifacts go into a local repository of the project's own (what {@code mvn install}
 * would do), and everything else comes from the building user's local repository, then Maven
 * Central.
 */
class FirstAgentIT {

  private static final Pattern FILE = Pattern.compile(
      "<!-- file: (\\S+) -->\\s*\\n```\\w*\\n(.*?)\\n```", Pattern.DOTALL);

  private final Path root = Path.of(System.getProperty("toolcase.root", ".."));
  private final String version = System.getProperty("toolcase.version", "0.1.0-SNAPSHOT");

  @Test
  void theReadmeQuickStartIsThePomOfTheFirstAgentPage() throws IOException {
    String pom = filesOf(read("docs/first-agent.md")).get("pom.xml");
    assertThat(pom).as("docs/first-agent.md has a pom.xml").isNotNull();
    List<String> quickStart = quickStartBlocks(read("README.md"));
    assertThat(quickStart).as("the README's Maven quick start blocks").hasSize(2);
    for (String block : quickStart) {
      assertThat(squeeze(pom)).as("the page's pom holds the README's block:\n" + block)
          .contains(squeeze(block));
    }
  }

  @Test
  void theFirstAgentPageBuildsAndItsTestsPass() throws Exception {
    Path project = ChildMaven.freshDirectory("first-agent");
    Map<String, String> files = filesOf(read("docs/first-agent.md"));
    assertThat(files).containsKey("pom.xml").hasSizeGreaterThan(5);
    for (Map.Entry<String, String> file : files.entrySet()) {
      String text = file.getKey().equals("pom.xml") ? strict(file.getValue()) : file.getValue();
      Path path = project.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, text + "\n", StandardCharsets.UTF_8);
    }
    String output = new ChildMaven(root, version).verify(project);
    assertThat(output).contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0");
    assertThat(project.resolve("target/generated-sources/annotations/com/example/refunds/RefundDeskTools.java"))
        .exists();
  }

  /** The page's pom, compiling the main sources with every lint warning an error. */
  private static String strict(String pom) {
    String release = "<release>21</release>";
    assertThat(pom).contains(release);
    return pom.replace(release, release + "\n          <compilerArgs><arg>-Xlint:all</arg>"
        + "<arg>-Werror</arg></compilerArgs>")
        .replace("<artifactId>maven-compiler-plugin</artifactId>",
            "<artifactId>maven-compiler-plugin</artifactId>\n        <executions><execution>"
                + "<id>default-testCompile</id><configuration><compilerArgs>"
                // The page's test carries JUnit's annotations, which no processor claims.
                + "<arg>-Xlint:all</arg><arg>-Xlint:-processing</arg><arg>-Werror</arg>"
                + "</compilerArgs></configuration></execution></executions>");
  }

  /** The files of a page: each {@code <!-- file: path -->} and the fenced block after it. */
  static Map<String, String> filesOf(String page) {
    Map<String, String> files = new LinkedHashMap<>();
    Matcher m = FILE.matcher(page);
    while (m.find()) {
      files.put(m.group(1), m.group(2));
    }
    return files;
  }

  /** The two xml blocks after "Maven:" in the README's quick start. */
  private static List<String> quickStartBlocks(String readme) {
    int section = readme.indexOf("## Quick start in your project");
    int maven = readme.indexOf("Maven:", section);
    int gradle = readme.indexOf("Gradle:", maven);
    assertThat(section).isNotNegative();
    assertThat(maven).isGreaterThan(section);
    assertThat(gradle).isGreaterThan(maven);
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```xml\\n(.*?)\\n```", Pattern.DOTALL)
        .matcher(readme.substring(maven, gradle));
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  private static String squeeze(String xml) {
    return xml.replaceAll("\\s+", "");
  }

  private String read(String file) throws IOException {
    return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
  }
}
