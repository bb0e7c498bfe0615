package dev.bespoke.server.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request headers as an immutable multimap whose names compare case-insensitively, as HTTP names
 * do. Built by the resource layer from whatever its framework hands it.
 */
public final class Headers {

  public static final Headers NONE = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

  private final Map<String, List<String>> values;

  private Headers(TreeMap<String, List<String>> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** A copy of {@code headers} (for example JAX-RS {@code HttpHeaders.getRequestHeaders()}). */
  public static Headers of(Map<String, ? extends List<String>> headers) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, list) -> {
          if (name != null && list != null) {
            copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list);
          }
        });
    copy.replaceAll((name, list) -> List.copyOf(list.stream().filter(v -> v != null).toList()));
    return new Headers(copy);
  }

  /** Headers with one value each, in pairs: {@code name, value, name, value, …}. */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.computeIfAbsent(namesAndValues[i], n -> new ArrayList<>()).add(namesAndValues[i + 1]);
    }
    return of(map);
  }

  /** The first value of {@code name}, or {@code null}. */
  public String first(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? null : list.get(0);
  }

  /** Every value of {@code name}, in order; empty when absent. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  @Override
  public String toString() {
    // Names only: values carry tokens, cookies and addresses, which must not reach a log.
    return "Headers" + values.keySet();
  }
}
