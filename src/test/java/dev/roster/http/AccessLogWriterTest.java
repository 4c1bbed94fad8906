package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AccessLogWriterTest {
  @Test
  void closeWritesEveryLineOfEveryThread() throws Exception {
    // Fewer lines than the queue holds, so none may be dropped however slow the writer thread.
    int perThread = (AccessLogWriter.QUEUED_BATCHES * AccessLogWriter.BATCH) / 4 - 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AccessLogWriter writer = new AccessLogWriter(out);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      threads.add(new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          writer.write("{\"t\":" + thread + ",\"i\":" + i + "}");
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join(20_000);
    }
    writer.close();

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(4 * perThread).doesNotHaveDuplicates();
    assertThat(lines).allMatch(line -> line.startsWith("{\"t\":") && line.endsWith("}"));
  }

  @Test
  void aLineIsNeverHeldUpByAStalledOutput() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    OutputStream stalled =
        new OutputStream() {
          @Override
          public void write(int b) throws java.io.IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    AccessLogWriter writer = new AccessLogWriter(stalled);
    String line = "x".repeat(1_000);
    // Far more than the queue holds: with the output stalled, writing must still return.
    CompletableFuture<Void> writing =
        CompletableFuture.runAsync(() -> {
          for (int i = 0; i < 20_000; i++) {
            writer.write(line);
          }
        });
    writing.get(60, TimeUnit.SECONDS);
    assertThat(writing).isCompleted();
    release.countDown();
    writer.close();
  }
}
