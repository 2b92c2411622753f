package io.skald.bus.local;

import io.skald.bus.Bus;
import io.skald.bus.BusConsumer;
import io.skald.bus.BusProducer;
import io.skald.bus.BusUnavailableException;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded bus: Kafka's semantics (partitions, offsets, groups, commit, replay) on one machine
 * as a durable local log under {@link LocalLogConfig#dir()}:
 *
 * <pre>
 * .lock                               exclusive lock: one process at a time
 * topics/&lt;topic&gt;/topic.properties      partition count, fixed at creation
 * topics/&lt;topic&gt;/&lt;p&gt;/&lt;base&gt;.log       append-only segments (length + CRC-32C framing)
 * groups/&lt;group&gt;/&lt;topic&gt;.offsets      committed next offsets, replaced atomically
 * </pre>
 *
 * A send's future completes after the fsync of its segment (group commit); at open, a torn tail of
 * each partition's last segment is truncated. Within one process, one consumer per group and topic
 * owns all partitions (see {@link LocalConsumer}).
 */
public final class LocalLogBus implements Bus {

  private static final Logger LOG = LoggerFactory.getLogger(LocalLogBus.class);

  private final LocalLogConfig config;
  private final DirectoryLock lock;
  private final TopicRegistry topics;
  private final GroupRegistry groups;
  private final GroupCommitWriter writer;
  private final LocalProducer producer;
  private volatile boolean open = true;

  private LocalLogBus(LocalLogConfig config, DirectoryLock lock, TopicRegistry topics) {
    this.config = config;
    this.lock = lock;
    this.topics = topics;
    this.groups = new GroupRegistry(config.dir().resolve("groups"));
    this.writer = new GroupCommitWriter(config.sendTimeout());
    this.producer = new LocalProducer(this::producerTopic, writer, config.maxRecordBytes());
  }

  /**
   * Opens the log, recovering every partition. Throws IllegalStateException if another bus holds
   * the directory and BusUnavailableException if it cannot be read.
   */
  public static LocalLogBus open(LocalLogConfig config) {
    DirectoryLock lock;
    try {
      lock = DirectoryLock.acquire(config.dir());
    } catch (IOException e) {
      throw new BusUnavailableException("cannot lock " + config.dir(), e);
    }
    try {
      LocalLogBus bus =
          new LocalLogBus(config, lock, new TopicRegistry(config.dir().resolve("topics"), config));
      LOG.info("local log bus open at {}", config.dir().toAbsolutePath());
      return bus;
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e instanceof IOException io
          ? new BusUnavailableException("cannot open the bus in " + config.dir(), io)
          : (RuntimeException) e;
    }
  }

  @Override
  public BusProducer producer() {
    return producer;
  }

  @Override
  public BusConsumer consumer(String group, String topic) {
    checkOpen();
    return new LocalConsumer(groups.get(group, localTopic(topic)), () -> open);
  }

  @Override
  public int partitions(String topic) {
    return localTopic(topic).partitions().size();
  }

  @Override
  public void ping(Duration timeout) {
    if (!open) {
      throw new BusUnavailableException("local log: the bus is closed");
    }
    if (!writer.running()) {
      throw new BusUnavailableException("local log: the writer has stopped");
    }
  }

  public LocalLogConfig config() {
    return config;
  }

  public LocalLogStats stats() {
    return writer.stats();
  }

  @Override
  public synchronized void close() {
    if (open) {
      writer.close();
      shutDown();
    }
  }

  /**
   * Simulates a crash for tests: stops without writing what is queued and without closing
   * consumers' readers; only the directory lock is released so the log can be reopened.
   */
  synchronized void halt() {
    if (open) {
      writer.halt();
      shutDown();
    }
  }

  private void shutDown() {
    open = false;
    topics.all().forEach(t -> t.signal().signalAll());
    topics.close();
    lock.close();
  }

  private LocalTopic producerTopic(String name) {
    if (!open) {
      throw new BusUnavailableException("local log: the bus is closed");
    }
    return topics.get(name);
  }

  private LocalTopic localTopic(String name) {
    checkOpen();
    return topics.get(name);
  }

  private void checkOpen() {
    if (!open) {
      throw new IllegalStateException("bus is closed");
    }
  }
}
