package dev.bespoke.store.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code page} counts from 0, {@code total} is the size of the whole list. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public Page {
    items = List.copyOf(items);
  }

  public <U> Page<U> map(Function<? super T, ? extends U> mapper) {
    return new Page<>(items.stream().<U>map(mapper).toList(), page, size, total);
  }
}
