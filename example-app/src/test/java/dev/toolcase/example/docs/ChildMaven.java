package dev.toolcase.example.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Maven, run on a user's project in a directory of its own, against the Toolcase
 * artifacts this build just packaged: they go into a local repository of the project's own (what
 * {@code mvn install} does for a user), and everything else comes from the building user's local
 * repository, then Maven Central.
 *
 * @param root the Toolcase checkout
 * @param version the version this build packaged
 */
record ChildMaven(Path root, String version) {

  /** An empty directory under {@code target/}. */
  static Path freshDirectory(String name) throws IOException {
    Path dir = Path.of("target", name).toAbsolutePath();
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(dir);
    return dir;
  }

  /** Runs {@code mvn verify} in {@code project}; returns its output, failing on a failed build. */
  String verify(Path project) throws IOException, InterruptedException {
    Path repository = project.resolve("repository");
    install(repository);
    Files.writeString(project.resolve("settings.xml"), settings(), StandardCharsets.UTF_8);
    Path log = project.resolve("build.log");
    ProcessBuilder builder = new ProcessBuilder(mavenCommand(), "-B", "-ntp", "-s", "settings.xml",
        "-Dmaven.repo.local=" + repository, "verify")
        .directory(project.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process maven = builder.start();
    boolean finished = maven.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      maven.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(finished).as("the build finished within 10 minutes:\n" + output).isTrue();
    assertThat(maven.exitValue()).as("mvn verify in " + project + ":\n" + output).isZero();
    return output;
  }

  /** Puts the parent pom, the runtime and the processor this build packaged into a repository. */
  private void install(Path repository) throws IOException {
    Path group = repository.resolve("dev/toolcase");
    copy(root.resolve("pom.xml"), group.resolve("toolcase-parent/" + version
        + "/toolcase-parent-" + version + ".pom"));
    for (String module : List.of("runtime", "processor")) {
      String artifact = "toolcase-" + module;
      Path jar = root.resolve(module + "/target/" + artifact + "-" + version + ".jar");
      assertThat(jar).as("the " + module + " jar; run mvn verify from the project's root").exists();
      Path into = group.resolve(artifact + "/" + version);
      copy(jar, into.resolve(artifact + "-" + version + ".jar"));
      copy(root.resolve(module + "/pom.xml"), into.resolve(artifact + "-" + version + ".pom"));
    }
  }

  /**
   * The building user's local repository first, as a remote one (a local repository keeps no
   * checksums, hence the policy), then Maven Central.
   */
  private static String settings() {
    String local = System.getProperty("toolcase.localRepository",
        System.getProperty("user.home") + "/.m2/repository");
    return """
        <settings>
          <profiles>
            <profile>
              <id>local-cache</id>
              <repositories>
                <repository>
                  <id>local-cache</id><url>%1$s</url>
                  <releases><checksumPolicy>ignore</checksumPolicy></releases>
                  <snapshots><checksumPolicy>ignore</checksumPolicy></snapshots>
                </repository>
              </repositories>
              <pluginRepositories>
                <pluginRepository>
                  <id>local-cache</id><url>%1$s</url>
                  <releases><checksumPolicy>ignore</checksumPolicy></releases>
                  <snapshots><checksumPolicy>ignore</checksumPolicy></snapshots>
                </pluginRepository>
              </pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles><activeProfile>local-cache</activeProfile></activeProfiles>
        </settings>
        """.formatted(Path.of(local).toUri());
  }

  private static String mavenCommand() {
    String home = System.getProperty("maven.home");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    return "mvn";
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
