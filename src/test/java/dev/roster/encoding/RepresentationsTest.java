package dev.roster.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepresentationsTest {
  private static byte[] json(int members) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < members; i++) {
      text.append(i == 0 ? "" : ",")
          .append("{\"id\":\"user_")
          .append(1000 + i)
          .append("\",\"firstName\":\"Name")
          .append(i * 7919 % 1000)
          .append("\",\"role\":\"org:member\"}");
    }
    return text.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everyCodingDecodesToTheIdentityBytesUnderItsOwnStrongEtag() throws Exception {
    byte[] identity = json(300);
    Representations all = Representations.of(Buffer.buffer(identity));
    Set<String> etags = new HashSet<>();
    for (ContentCoding coding : ContentCoding.values()) {
      assertThat(Compressor.available(coding)).as(coding + " loads here").isTrue();
      Representation made = all.make(coding);
      assertThat(made.coding()).isEqualTo(coding);
      assertThat(Decoding.decode(coding.token(), made.bytes().getBytes())).isEqualTo(identity);
      assertThat(made.etag()).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
      assertThat(made.etag()).isEqualTo(all.etagOf(coding));
      assertThat(made.contentLength().toString()).isEqualTo(Integer.toString(made.bytes().length()));
      etags.add(made.etag());
      if (coding.compressed()) {
        assertThat(made.bytes().length()).isLessThan(identity.length / 3);
      }
    }
    assertThat(etags).hasSize(4);
  }

  @Test
  void eachFormIsMadeOnceAndKept() {
    Representations all = Representations.of(Buffer.buffer(json(50)));
    assertThat(all.ready(ContentCoding.BR)).isNull();
    Representation first = all.make(ContentCoding.BR);
    assertThat(all.ready(ContentCoding.BR)).isSameAs(first);
    assertThat(all.make(ContentCoding.BR)).isSameAs(first);
  }

  @Test
  void concurrentAsksShareOneCompression() throws Exception {
    Representations all = Representations.of(Buffer.buffer(json(5000)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Representation>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      results.add(pool.submit(() -> {
        start.await();
        return all.make(ContentCoding.GZIP);
      }));
    }
    start.countDown();
    Representation first = results.get(0).get(20, TimeUnit.SECONDS);
    for (Future<Representation> result : results) {
      assertThat(result.get(20, TimeUnit.SECONDS)).isSameAs(first);
    }
    pool.shutdown();
  }

  @Test
  void answersUnderOneKilobyteAreNeverCompressed() {
    byte[] small = new byte[Representations.MIN_COMPRESSED - 1];
    java.util.Arrays.fill(small, (byte) 'a');
    Representations all = Representations.of(Buffer.buffer(small));
    assertThat(all.compressible()).isFalse();
    for (ContentCoding coding : ContentCoding.values()) {
      assertThat(all.ready(coding)).isSameAs(all.identity());
    }
    assertThat(all.weight()).isLessThan(small.length + 300L);
  }

  @Test
  void aFormThatDoesNotFitTheReservationIsAnsweredUncompressed() {
    // Random bytes do not compress: every form would be no smaller than the identity.
    byte[] noise = new byte[4096];
    new java.util.Random(7).nextBytes(noise);
    Representations all = Representations.of(Buffer.buffer(noise));
    assertThat(all.make(ContentCoding.GZIP)).isSameAs(all.identity());
    assertThat(all.make(ContentCoding.BR)).isSameAs(all.identity());
  }

  @Test
  void eagerRepresentationsOfStaticBytesHaveEveryFormReady() throws Exception {
    byte[] script = ("function widget(){return " + new String(json(40), StandardCharsets.UTF_8)
        + "}").getBytes(StandardCharsets.UTF_8);
    Representations all = Representations.eager(script);
    for (ContentCoding coding : ContentCoding.values()) {
      Representation ready = all.ready(coding);
      assertThat(ready).isNotNull();
      assertThat(ready.coding()).isEqualTo(coding);
      assertThat(Decoding.decode(coding.token(), ready.bytes().getBytes())).isEqualTo(script);
    }
  }
}
