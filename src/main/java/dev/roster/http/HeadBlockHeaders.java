package dev.roster.http;

import io.netty.handler.codec.http.EmptyHttpHeaders;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The headers of a {@link HitHead} response for Netty's encoder: one entry whose value is every
 * header line after the first, already joined. Netty's encoder only iterates the entries (and
 * asks for a chunked {@code Transfer-Encoding}, which this has not), so this holds one name and
 * one value instead of a hash table; for anything else it is empty.
 */
final class HeadBlockHeaders extends EmptyHttpHeaders {
  private final Map.Entry<CharSequence, CharSequence> line;

  HeadBlockHeaders(CharSequence name, CharSequence value) {
    this.line = new AbstractMap.SimpleImmutableEntry<>(name, value);
  }

  @Override
  public Iterator<Map.Entry<CharSequence, CharSequence>> iteratorCharSequence() {
    return List.of(line).iterator();
  }

  @Override
  public Iterator<Map.Entry<String, String>> iterator() {
    return List.of(Map.entry(line.getKey().toString(), line.getValue().toString())).iterator();
  }

  @Override
  public boolean isEmpty() {
    return false;
  }

  @Override
  public int size() {
    return 1;
  }
}
