package io.skald.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link Bus} adapter must show. Subclasses only say how to open a bus whose topics
 * default to 4 partitions; each test uses fresh topic and group names, so a shared broker works.
 */
public abstract class BusContractTest {

  protected static final Duration WAIT = Duration.ofSeconds(60);
  protected static final int PARTITIONS = 3;

  protected Bus bus;
  protected String topic;
  private final List<BusConsumer> consumers = new ArrayList<>();
  private ExecutorService threads;

  /** A bus whose topics have 4 partitions unless named in {@code topicPartitions}. */
  protected abstract Bus openBus(Map<String, Integer> topicPartitions);

  @BeforeEach
  void openBusForTest() {
    topic = uniqueName("contract");
    bus = openBus(Map.of(topic, PARTITIONS));
    threads = Executors.newCachedThreadPool();
  }

  @AfterEach
  void closeBus() throws Exception {
    threads.shutdownNow();
    threads.awaitTermination(30, TimeUnit.SECONDS);
    consumers.forEach(BusConsumer::close);
    bus.close();
  }

  @Test
  void partitionCountsComeFromConfigurationOrDefault() {
    assertThat(bus.partitions(topic)).isEqualTo(PARTITIONS);
    assertThat(bus.topic(uniqueName("other"))).extracting(TopicSpec::partitions).isEqualTo(4);
  }

  @Test
  void pingAnswersWhileTheBusServes() {
    bus.ping(Duration.ofSeconds(10));
  }

  @Test
  void producerFuturesCompleteWithTheirPosition() {
    RecordPosition position = send("key", "value");
    assertThat(position.topic()).isEqualTo(topic);
    assertThat(position.partition()).isEqualTo(KeyPartitioner.partition(bytes("key"), PARTITIONS));
    assertThat(position.offset()).isZero();
  }

  @Test
  void keyedRecordsLandInTheirKeysPartitionInSendOrder() {
    List<CompletableFuture<RecordPosition>> futures = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      for (int k = 0; k < 5; k++) {
        futures.add(bus.producer().send(topic, bytes("key-" + k), bytes(k + ":" + i)));
      }
    }
    futures.forEach(f -> assertThat(f).succeedsWithin(WAIT));

    List<BusRecord> records = drain(consumer(uniqueName("g")), 150);
    Map<String, List<BusRecord>> byKey =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    r -> string(r.key()), LinkedHashMap::new, Collectors.toList()));
    assertThat(byKey).hasSize(5);
    byKey.forEach(
        (key, list) -> {
          int expectedPartition = KeyPartitioner.partition(bytes(key), PARTITIONS);
          assertThat(list).allSatisfy(r -> assertThat(r.partition()).isEqualTo(expectedPartition));
          String k = key.substring(4);
          assertThat(list)
              .extracting(r -> string(r.value()))
              .containsExactlyElementsOf(
                  java.util.stream.IntStream.range(0, 30).mapToObj(i -> k + ":" + i).toList());
        });
  }

  @Test
  void offsetsAreDensePerPartitionAndPollsComeInOffsetOrder() {
    sendMany(60);
    List<BusRecord> records = drain(consumer(uniqueName("g")), 60);
    Map<Integer, List<Long>> offsets =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    BusRecord::partition,
                    Collectors.mapping(BusRecord::offset, Collectors.toList())));
    offsets.forEach(
        (p, list) ->
            assertThat(list)
                .containsExactlyElementsOf(
                    java.util.stream.LongStream.range(0, list.size()).boxed().toList()));
    assertThat(offsets.values().stream().mapToInt(List::size).sum()).isEqualTo(60);
  }

  @Test
  void newGroupStartsAtTheEarliestOffset() {
    sendToOnePartition("k", 5);
    List<BusRecord> records = drain(consumer(uniqueName("g")), 5);
    assertThat(records).extracting(BusRecord::offset).containsExactly(0L, 1L, 2L, 3L, 4L);
  }

  @Test
  void pollStartsAtTheCommittedOffset() {
    int p = sendToOnePartition("k", 10);
    String group = uniqueName("g");
    BusConsumer first = consumer(group);
    drain(first, 10);
    first.commit(Map.of(p, 4L));
    close(first);

    List<BusRecord> replay = drain(consumer(group), 6);
    assertThat(replay).extracting(BusRecord::offset).containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
  }

  @Test
  void afterCommitANewConsumerResumesBehindTheCommittedRecords() {
    sendMany(20);
    String group = uniqueName("g");
    BusConsumer first = consumer(group);
    first.commit(nextOffsets(drain(first, 20)));
    close(first);

    sendMany(5);
    BusConsumer second = consumer(group);
    List<BusRecord> rest = drain(second, 5);
    assertThat(rest).extracting(r -> string(r.value())).allMatch(v -> v.startsWith("2x"));
    assertNoMore(second);
  }

  @Test
  void uncommittedRecordsAreReplayedToTheNextConsumer() {
    sendMany(12);
    String group = uniqueName("g");
    BusConsumer first = consumer(group);
    List<BusRecord> seen = drain(first, 12);
    close(first);

    List<BusRecord> replayed = drain(consumer(group), 12);
    assertThat(positions(replayed)).isEqualTo(positions(seen));
  }

  @Test
  void consumerGroupsAreIndependent() {
    sendMany(10);
    BusConsumer a = consumer(uniqueName("a"));
    a.commit(nextOffsets(drain(a, 10)));
    close(a);

    BusConsumer b = consumer(uniqueName("b"));
    assertThat(drain(b, 10)).hasSize(10);
  }

  @Test
  void concurrentProducersAreAllDeliveredExactlyOnce() throws Exception {
    int producers = 8;
    int perProducer = 500;
    List<Future<List<CompletableFuture<RecordPosition>>>> sent = new ArrayList<>();
    for (int t = 0; t < producers; t++) {
      int thread = t;
      sent.add(
          threads.submit(
              () -> {
                List<CompletableFuture<RecordPosition>> futures = new ArrayList<>();
                for (int i = 0; i < perProducer; i++) {
                  futures.add(
                      bus.producer()
                          .send(
                              topic, bytes("p" + thread + "-" + (i % 7)), bytes(thread + "/" + i)));
                }
                return futures;
              }));
    }
    Set<RecordPosition> positions = new HashSet<>();
    for (Future<List<CompletableFuture<RecordPosition>>> f : sent) {
      for (CompletableFuture<RecordPosition> future : f.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        positions.add(future.get(WAIT.toSeconds(), TimeUnit.SECONDS));
      }
    }
    assertThat(positions).hasSize(producers * perProducer);

    BusConsumer consumer = consumer(uniqueName("g"));
    List<BusRecord> records = drain(consumer, producers * perProducer);
    assertNoMore(consumer);
    Set<String> values = records.stream().map(r -> string(r.value())).collect(Collectors.toSet());
    assertThat(values).hasSize(producers * perProducer);
    assertThat(positions(records)).containsExactlyInAnyOrderElementsOf(positions);
  }

  @Test
  void wakeupMakesABlockedPollReturnEarly() throws Exception {
    BusConsumer consumer = consumer(uniqueName("g"));
    consumer.poll(Duration.ofMillis(100));
    long start = System.nanoTime();
    Future<List<BusRecord>> poll = threads.submit(() -> consumer.poll(Duration.ofMinutes(2)));
    consumer.wakeup();
    assertThat(poll.get(30, TimeUnit.SECONDS)).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));

    sendToOnePartition("k", 1);
    assertThat(drain(consumer, 1)).hasSize(1);
  }

  @Test
  void endOffsetIsTheNextOffsetToBeWritten() {
    BusConsumer consumer = consumer(uniqueName("g"));
    for (int p = 0; p < PARTITIONS; p++) {
      assertThat(consumer.endOffset(p)).isZero();
    }
    int p = sendToOnePartition("k", 7);
    assertThat(consumer.endOffset(p)).isEqualTo(7);
    for (int other = 0; other < PARTITIONS; other++) {
      if (other != p) {
        assertThat(consumer.endOffset(other)).isZero();
      }
    }
  }

  @Test
  void seekToCommittedRewindsAPartition() {
    int p = sendToOnePartition("k", 10);
    BusConsumer consumer = consumer(uniqueName("g"));
    drain(consumer, 10);
    consumer.commit(Map.of(p, 3L));
    consumer.seekToCommitted(p);
    assertThat(drain(consumer, 7))
        .extracting(BusRecord::offset)
        .containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
  }

  @Test
  void aSingleConsumerOwnsAllPartitions() {
    sendMany(6);
    BusConsumer consumer = consumer(uniqueName("g"));
    drain(consumer, 6);
    assertThat(consumer.assignment()).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void recordsWithoutKeyAreAccepted() {
    RecordPosition position = join(bus.producer().send(topic, null, bytes("no key")));
    BusRecord record = drain(consumer(uniqueName("g")), 1).get(0);
    assertThat(record.key()).isNull();
    assertThat(string(record.value())).isEqualTo("no key");
    assertThat(record.partition()).isEqualTo(position.partition());
    assertThat(record.timestampMillis()).isPositive();
  }

  @Test
  void anotherConsumerOfTheGroupRevokesPartitionsOnThePollingThread() throws Exception {
    sendMany(6);
    String group = uniqueName("g");
    BusConsumer first = consumer(group);
    drain(first, 6);
    AtomicReference<Thread> revokedOn = new AtomicReference<>();
    AtomicReference<Set<Integer>> revoked = new AtomicReference<>();
    first.onRevoked(
        partitions -> {
          revoked.set(partitions);
          revokedOn.set(Thread.currentThread());
        });
    AtomicReference<Thread> pollingThread = new AtomicReference<>();
    Future<?> firstPolls =
        threads.submit(
            () -> {
              pollingThread.set(Thread.currentThread());
              while (revoked.get() == null && !Thread.currentThread().isInterrupted()) {
                first.poll(Duration.ofMillis(100));
              }
            });
    BusConsumer second = consumer(group);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              second.poll(Duration.ofMillis(100));
              return revoked.get() != null;
            });
    firstPolls.get(30, TimeUnit.SECONDS);
    assertThat(revokedOn.get()).isSameAs(pollingThread.get());
    assertThat(revoked.get()).isNotEmpty().isSubsetOf(0, 1, 2);

    close(second);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              first.poll(Duration.ofMillis(100));
              return first.assignment().equals(Set.of(0, 1, 2));
            });
  }

  // ---- helpers

  protected BusConsumer consumer(String group) {
    BusConsumer c = bus.consumer(group, topic);
    consumers.add(c);
    return c;
  }

  protected void close(BusConsumer c) {
    consumers.remove(c);
    c.close();
  }

  protected RecordPosition send(String key, String value) {
    return join(bus.producer().send(topic, bytes(key), bytes(value)));
  }

  /** Sends {@code n} records with one key; returns the partition they went to. */
  protected int sendToOnePartition(String key, int n) {
    int partition = -1;
    for (int i = 0; i < n; i++) {
      partition = send(key, key + ":" + i).partition();
    }
    return partition;
  }

  private int batch;

  /** Sends {@code n} records over several keys, values prefixed with "<batch>x". */
  protected void sendMany(int n) {
    batch++;
    List<CompletableFuture<RecordPosition>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(bus.producer().send(topic, bytes("key-" + i), bytes(batch + "x" + i)));
    }
    futures.forEach(BusContractTest::join);
  }

  protected static RecordPosition join(CompletableFuture<RecordPosition> future) {
    try {
      return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      return fail("send failed", e);
    }
  }

  /** Polls until {@code expected} records arrived; checks offset order per partition. */
  protected static List<BusRecord> drain(BusConsumer consumer, int expected) {
    List<BusRecord> records = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (records.size() < expected && System.nanoTime() < deadline) {
      records.addAll(consumer.poll(Duration.ofMillis(200)));
    }
    assertThat(records).as("records received").hasSize(expected);
    Map<Integer, Long> last = new HashMap<>();
    for (BusRecord r : records) {
      Long previous = last.put(r.partition(), r.offset());
      assertThat(previous == null || previous < r.offset()).as("offset order in " + r).isTrue();
    }
    return records;
  }

  protected static void assertNoMore(BusConsumer consumer) {
    assertThat(consumer.poll(Duration.ofMillis(500))).isEmpty();
  }

  protected static Map<Integer, Long> nextOffsets(List<BusRecord> records) {
    Map<Integer, Long> next = new HashMap<>();
    records.forEach(r -> next.merge(r.partition(), r.nextOffset(), Math::max));
    return next;
  }

  protected static List<RecordPosition> positions(List<BusRecord> records) {
    return records.stream()
        .map(r -> new RecordPosition(r.topic(), r.partition(), r.offset()))
        .sorted(
            java.util.Comparator.comparingInt(RecordPosition::partition)
                .thenComparingLong(RecordPosition::offset))
        .toList();
  }

  protected static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  protected static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  protected static String string(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
