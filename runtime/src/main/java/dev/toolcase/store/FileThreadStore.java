package dev.toolcase.store;

import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.ParseException;
import dev.toolcase.Status;
import dev.toolcase.json.Json;
import dev.toolcase.codec.JsonWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The embedded store: a directory with one file per thread, {@code <id>.thread}.
 *
 * <p>A file is a header line (id, agent, status, version, creation time, idempotency keys)
 * followed by one line per event, exactly as the agent's {@link EventFormat} wrote it, so a thread
 * reads back byte for byte. Every write replaces the whole file atomically and durably: the new
 * content goes to a temporary file in the same directory, which is forced to disk, renamed over the
 * old file, and then the directory is forced too. A process killed at any moment leaves each thread
 * at its old or its new version; temporary files it leaves behind are deleted on the next open.
 *
 * <p>Writers of one thread take a lock on a stripe of the thread ids: a {@link ReentrantLock} for
 * the threads of this process, and a byte-range lock on {@code .lock} in the directory for other
 * processes on the same directory. Reads take no lock: a file is only ever replaced whole.
 *
 * <p>{@link #list} reads the header line of every file: fine for thousands of threads; use
 * {@link JdbcThreadStore} for more.
 */
public final class FileThreadStore implements ThreadStore {

  private static final System.Logger LOG = System.getLogger(FileThreadStore.class.getName());
  private static final String SUFFIX = ".thread";
  private static final String KEYS = "keys";
  private static final String KEY_SUFFIX = ".key";
  private static final int MAX_KEY = 300;
  private static final String TEMP_SUFFIX = ".tmp";
  private static final int STRIPES = 64;

  private final Path directory;
  private final Function<String, ? extends EventFormat> formats;
  private final Clock clock;
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final FileChannel lockFile;

  /**
   * A store in {@code directory}, created if missing.
   *
   * @param directory the store's directory
   * @param formats the event format of each agent, by agent name
   * @throws StoreException if the directory cannot be created or opened
   */
  public FileThreadStore(Path directory, Function<String, ? extends EventFormat> formats) {
    this(directory, formats, Clock.systemUTC());
  }

  /**
   * Like {@link #FileThreadStore(Path, Function)}, with the clock that stamps creation times.
   *
   * @param directory the store's directory
   * @param formats the event format of each agent, by agent name
   * @param clock the clock that stamps creation times
   * @throws StoreException if the directory cannot be created or opened
   */
  public FileThreadStore(
      Path directory, Function<String, ? extends EventFormat> formats, Clock clock) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.formats = Objects.requireNonNull(formats, "formats");
    this.clock = Objects.requireNonNull(clock, "clock");
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
    try {
      Files.createDirectories(directory);
      lockFile = FileChannel.open(directory.resolve(".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      deleteTemporaryFiles();
    } catch (IOException e) {
      throw new StoreException("cannot open the thread store in " + directory + ": " + e, e);
    }
  }

  /**
   * The directory of this store.
   *
   * @return the store's directory
   */
  public Path directory() {
    return directory;
  }

  @Override
  public StoredThread create(String agent, AgentThread thread, Status status) {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(status, "status");
    EventFormat format = formatOf(agent);
    String id = ThreadIds.next();
    Header header = new Header(id, agent, status, thread.events().size(),
        clock.millis(), new LinkedHashMap<>());
    List<String> lines = new ArrayList<>();
    for (Event event : thread.events()) {
      lines.add(format.write(event));
    }
    return locked(id, () -> {
      if (Files.exists(fileOf(id))) {
        throw new StoreException("thread id " + id + " is taken; try again", null);
      }
      write(header, lines);
      return new StoredThread(id, agent, header.version(), status, thread);
    });
  }

  @Override
  public Optional<StoredThread> load(String id) {
    return read(id).map(File::thread);
  }

  @Override
  public StoredThread append(
      String id, long expectedVersion, List<Event> events, Status status, String idempotencyKey) {
    Objects.requireNonNull(status, "status");
    return locked(id, () -> {
      File file = read(id).orElseThrow(() -> new UnknownThreadException(id));
      Header header = file.header();
      if (header.version() != expectedVersion) {
        throw new ConflictException(id, "thread " + id + " is at version " + header.version()
            + ", not " + expectedVersion + ": it changed since it was read");
      }
      if (idempotencyKey != null && header.keys().containsKey(idempotencyKey)) {
        throw new ConflictException(id, "idempotency key \"" + idempotencyKey
            + "\" was already used on thread " + id + " at version "
            + header.keys().get(idempotencyKey));
      }
      EventFormat format = formatOf(header.agent());
      List<String> lines = new ArrayList<>(file.lines());
      for (Event event : events) {
        lines.add(format.write(event));
      }
      long version = expectedVersion + events.size();
      Map<String, Long> keys = new LinkedHashMap<>(header.keys());
      if (idempotencyKey != null) {
        keys.put(idempotencyKey, version);
      }
      Header next = new Header(id, header.agent(), status, version, header.createdAt(), keys);
      write(next, lines);
      AgentThread thread = file.thread().thread();
      for (Event event : events) {
        thread = thread.append(event);
      }
      return new StoredThread(id, header.agent(), version, status, thread);
    });
  }

  @Override
  public Optional<Long> versionFor(String id, String idempotencyKey) {
    return read(id).map(file -> file.header().keys().get(idempotencyKey));
  }

  @Override
  public List<ThreadSummary> list(Status status, int limit) {
    return listing(status, limit).threads();
  }

  @Override
  public ThreadList listing(Status status, int limit) {
    List<Header> headers = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
      for (Path path : files) {
        try {
          readHeader(path).filter(h -> status == null || h.status() == status)
              .ifPresent(headers::add);
        } catch (DamagedThreadException e) {
          LOG.log(System.Logger.Level.WARNING, e.getMessage() + " (" + e.location() + ")");
          unreadable.add(e.id());
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot list the threads in " + directory + ": " + e, e);
    }
    List<ThreadSummary> threads = headers.stream()
        .sorted(Comparator.comparingLong(Header::createdAt).reversed()
            .thenComparing(Header::id))
        .limit(Math.max(0, limit))
        .map(h -> new ThreadSummary(h.id(), h.agent(), h.version(), h.status()))
        .toList();
    unreadable.sort(null);
    return new ThreadList(threads, unreadable);
  }

  // ---------------------------------------------------------------- remembered keys

  @Override
  public boolean firstTime(String key, Duration ttl) {
    Path file = keyFile(key);
    return locked(key, () -> {
      Optional<String> known = readKey(file);
      if (known.isPresent()) {
        return false;
      }
      writeKey(file, "", ttl);
      return true;
    });
  }

  @Override
  public void remember(String key, String value, Duration ttl) {
    Objects.requireNonNull(value, "value");
    Path file = keyFile(key);
    locked(key, () -> {
      writeKey(file, value, ttl);
      return null;
    });
  }

  @Override
  public Optional<String> recall(String key) {
    return readKey(keyFile(key));
  }

  /**
   * The file of a key, named by its SHA-256 (keys hold any text), in {@code keys/}. It holds the
   * time it expires, in epoch milliseconds, then the value.
   */
  private Path keyFile(String key) {
    Objects.requireNonNull(key, "key");
    if (key.length() > MAX_KEY) {
      throw new IllegalArgumentException("a key is at most " + MAX_KEY + " characters");
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return directory.resolve(KEYS).resolve(HexFormat.of().formatHex(hash) + KEY_SUFFIX);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The value of a key file that has not expired (an expired one is deleted). */
  private Optional<String> readKey(Path file) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e, e);
    }
    int newline = content.indexOf('\n');
    long expires;
    try {
      expires = Long.parseLong(newline < 0 ? content.strip() : content.substring(0, newline));
    } catch (NumberFormatException e) {
      expires = 0; // a key file cut short: as good as expired
    }
    if (expires < clock.millis()) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // Overwritten by the next write.
      }
      return Optional.empty();
    }
    return Optional.of(newline < 0 ? "" : content.substring(newline + 1));
  }

  private void writeKey(Path file, String value, Duration ttl) {
    long expires = clock.millis() + ttl.toMillis();
    Path temporary = file.resolveSibling("." + file.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(temporary, expires + "\n" + value, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // The next open deletes it.
      }
      throw new StoreException("cannot write " + file + ": " + e, e);
    }
    if (ThreadLocalRandom.current().nextInt(100) == 0) {
      sweepKeys();
    }
  }

  /** Deletes expired key files, now and then, so the directory does not grow for ever. */
  private void sweepKeys() {
    try (DirectoryStream<Path> keys = Files.newDirectoryStream(directory.resolve(KEYS), "*" + KEY_SUFFIX)) {
      for (Path key : keys) {
        readKey(key);
      }
    } catch (IOException | StoreException e) {
      LOG.log(System.Logger.Level.DEBUG, "could not sweep expired keys: " + e);
    }
  }

  @Override
  public void close() {
    try {
      lockFile.close();
    } catch (IOException e) {
      throw new StoreException("cannot close the thread store in " + directory + ": " + e, e);
    }
  }

  // ---------------------------------------------------------------- files

  /** A thread's header line. */
  private record Header(
      String id, String agent, Status status, long version, long createdAt, Map<String, Long> keys) {

    String json() {
      return JsonWriter.write(out -> {
        out.beginObject();
        out.name("id").value(id);
        out.name("agent").value(agent);
        out.name("status").value(status.wireName());
        out.name("version").value(version);
        out.name("created_at").value(createdAt);
        out.name("keys").beginObject();
        keys.forEach((key, at) -> out.name(key).value(at));
        out.endObject();
        out.endObject();
      });
    }
  }

  /** A thread file as read: its header, its event lines, and the thread they make. */
  private record File(Header header, List<String> lines, StoredThread thread) {}

  private Optional<File> read(String id) {
    if (id == null || !ThreadIds.PATTERN.matcher(id).matches()) {
      return Optional.empty();
    }
    Path path = fileOf(id);
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (CharacterCodingException e) {
      throw damaged(id, "the file is not valid UTF-8", e);
    } catch (IOException e) {
      if (Files.isDirectory(path)) {
        throw damaged(id, "a directory stands where the file should be", e);
      }
      throw new StoreException("cannot read thread " + id + ": " + e, e);
    }
    if (lines.isEmpty()) {
      throw damaged(id, "the file is empty", null);
    }
    Header header = parseHeader(id, lines.getFirst());
    List<String> events = lines.subList(1, lines.size());
    if (events.size() != header.version()) {
      throw damaged(id, "the header says version " + header.version() + " but the file holds "
          + events.size() + " events", null);
    }
    EventFormat format = formatOf(header.agent());
    List<Event> parsed = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      try {
        parsed.add(format.read(events.get(i)));
      } catch (ParseException e) {
        throw damaged(id, "event " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    StoredThread thread = new StoredThread(id, header.agent(), header.version(), header.status(),
        new AgentThread(parsed));
    return Optional.of(new File(header, List.copyOf(events), thread));
  }

  private Optional<Header> readHeader(Path path) {
    String name = path.getFileName().toString();
    String id = name.substring(0, name.length() - SUFFIX.length());
    if (!ThreadIds.PATTERN.matcher(id).matches()) {
      return Optional.empty();
    }
    if (Files.isDirectory(path)) {
      throw damaged(id, "a directory stands where the file should be", null);
    }
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      if (line == null) {
        throw damaged(id, "the file is empty", null);
      }
      return Optional.of(parseHeader(id, line));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (CharacterCodingException e) {
      throw damaged(id, "the header is not valid UTF-8", e);
    } catch (IOException e) {
      throw new StoreException("cannot read thread " + id + ": " + e, e);
    }
  }

  private Header parseHeader(String id, String line) {
    try {
      JsonNode node = Json.readTree(line);
      Map<String, Long> keys = new LinkedHashMap<>();
      node.path("keys").properties().forEach(e -> keys.put(e.getKey(), e.getValue().asLong()));
      String status = node.path("status").asString("");
      if (!node.path("id").asString("").equals(id) || node.path("agent").asString("").isEmpty()
          || node.path("version").asLong(-1) < 0) {
        throw damaged(id, "the header names no thread " + id + " with an agent and a version",
            null);
      }
      return new Header(id, node.path("agent").asString(""),
          Status.valueOf(status.toUpperCase(Locale.ROOT)), node.path("version").asLong(-1),
          node.path("created_at").asLong(0), keys);
    } catch (ParseException | IllegalArgumentException e) {
      throw damaged(id, "unreadable header: " + e.getMessage(), e);
    }
  }

  /** Replaces the thread's file: temporary file, force, atomic rename, force the directory. */
  private void write(Header header, List<String> events) {
    StringBuilder content = new StringBuilder(header.json()).append('\n');
    for (String event : events) {
      content.append(event).append('\n');
    }
    Path target = fileOf(header.id());
    Path temporary = directory.resolve("." + header.id() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
        + TEMP_SUFFIX);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(content.toString());
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
        dir.force(true);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // The next open deletes it.
      }
      throw new StoreException("cannot write thread " + header.id() + ": " + e, e);
    }
  }

  /** Runs {@code action} holding the thread's stripe lock, in this process and across processes. */
  private <T> T locked(String id, Supplier<T> action) {
    int stripe = Math.floorMod(id.hashCode(), STRIPES);
    ReentrantLock lock = stripes[stripe];
    lock.lock();
    try {
      FileLock fileLock = lockFile.lock(stripe, 1, false);
      try {
        return action.get();
      } finally {
        fileLock.release();
      }
    } catch (IOException e) {
      throw new StoreException("cannot lock thread " + id + ": " + e, e);
    } finally {
      lock.unlock();
    }
  }

  private void deleteTemporaryFiles() throws IOException {
    for (Path place : List.of(directory, directory.resolve(KEYS))) {
      if (!Files.isDirectory(place)) {
        continue;
      }
      try (DirectoryStream<Path> temporary = Files.newDirectoryStream(place, ".*" + TEMP_SUFFIX)) {
        for (Path path : temporary) {
          Files.deleteIfExists(path);
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  private Path fileOf(String id) {
    return directory.resolve(id + SUFFIX);
  }

  private EventFormat formatOf(String agent) {
    return ThreadIds.formatOf(formats, agent);
  }

  private DamagedThreadException damaged(String id, String why, Throwable cause) {
    return new DamagedThreadException(id, fileOf(id).toString(), why, cause);
  }
}
