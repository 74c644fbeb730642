package dev.toolcase.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.stream.Stream;

/**
 * PostgreSQL will not run as root. Under root, the server's files go to the user {@code nobody}
 * and its commands run as that user through util-linux {@code setpriv}; otherwise nothing changes.
 */
final class Unprivileged {

  private static final String USER = "nobody";

  private Unprivileged() {}

  private static boolean isRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Integer.valueOf(0).equals(uid);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** What goes before each command: {@code setpriv ... --} under root, else nothing. */
  static List<String> prefix() {
    if (!isRoot()) {
      return List.of();
    }
    int[] ids = ids();
    return List.of("setpriv", "--reuid=" + ids[0], "--regid=" + ids[1], "--clear-groups", "--");
  }

  /** Gives {@code dir} and everything in it to the unprivileged user, under root. */
  static void handOver(Path dir) throws IOException {
    if (!isRoot()) {
      return;
    }
    UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
    var owner = users.lookupPrincipalByName(USER);
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.toList()) {
        Files.getFileAttributeView(path, PosixFileAttributeView.class).setOwner(owner);
      }
    }
  }

  /** The uid and gid of {@code nobody}, from {@code /etc/passwd}. */
  private static int[] ids() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
        String[] fields = line.split(":");
        if (fields.length > 3 && fields[0].equals(USER)) {
          return new int[] {Integer.parseInt(fields[2]), Integer.parseInt(fields[3])};
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("cannot read the user " + USER + " from /etc/passwd", e);
    }
    throw new IllegalStateException("running as root, PostgreSQL needs an unprivileged user, but"
        + " /etc/passwd has no " + USER + "; run the tests as another user");
  }
}
