package dev.bespoke.server.events.rest;

import dev.bespoke.server.events.Event;
import dev.bespoke.server.events.EventType;
import dev.bespoke.server.profile.BehaviorKeys;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.Keys;
import dev.bespoke.store.common.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a batch and turns it into domain events. A batch is taken whole or refused whole, with
 * every bad field named ({@code events[3].type}), so a client never wonders which half counted.
 */
final class EventBatchValidator {

  static final int MAX_EVENTS = 100;
  static final String DEFAULT_SPACE = "default";

  /** A decision id is an opaque signed token; anything longer is not one of ours. */
  static final int MAX_DECISION_ID = 512;

  private static final String TYPES =
      java.util.Arrays.stream(EventType.values())
          .map(EventType::wireName)
          .collect(Collectors.joining(", "));

  /** A client's event id: long enough for a UUID or a ULID with a prefix, and nothing else. */
  static final java.util.regex.Pattern EVENT_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

  private EventBatchValidator() {}

  /**
   * The batch's name when every event carries an id: a digest of the sorted ids, so the same batch
   * sent again (a retry after a lost answer) is one update to the profile store, counted once.
   */
  static java.util.Optional<String> batchId(EventBatchRequest body) {
    if (body == null || body.events() == null || body.events().isEmpty()) {
      return java.util.Optional.empty();
    }
    java.util.TreeSet<String> ids = new java.util.TreeSet<>();
    for (EventBatchRequest.EventRequest e : body.events()) {
      if (e == null || e.id() == null) {
        return java.util.Optional.empty();
      }
      ids.add(e.id());
    }
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(String.join("\n", ids).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.Optional.of(java.util.HexFormat.of().formatHex(sha.digest(), 0, 16));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  static String space(EventBatchRequest body) {
    String space = body == null || body.space() == null ? DEFAULT_SPACE : body.space();
    if (!Keys.isValid(space)) {
      throw ValidationException.of("space", Keys.RULE);
    }
    return space;
  }

  static List<Event> events(EventBatchRequest body) {
    if (body == null || body.events() == null) {
      throw ValidationException.of("events", "is required");
    }
    if (body.events().isEmpty()) {
      throw ValidationException.of("events", "name at least one event");
    }
    if (body.events().size() > MAX_EVENTS) {
      throw ValidationException.of(
          "events", "at most " + MAX_EVENTS + " events a request, got " + body.events().size());
    }
    List<FieldError> errors = new ArrayList<>();
    List<Event> events = new ArrayList<>(body.events().size());
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < body.events().size(); i++) {
      EventBatchRequest.EventRequest raw = body.events().get(i);
      if (raw != null && raw.id() != null) {
        if (!EVENT_ID.matcher(raw.id()).matches()) {
          errors.add(new FieldError("events[" + i + "].id", "must match " + EVENT_ID.pattern()));
          continue;
        }
        if (!ids.add(raw.id())) {
          // the same event twice in one batch counts once
          continue;
        }
      }
      toEvent(raw, "events[" + i + "]", errors).ifPresent(events::add);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return events;
  }

  private static Optional<Event> toEvent(
      EventBatchRequest.EventRequest raw, String path, List<FieldError> errors) {
    if (raw == null) {
      errors.add(new FieldError(path, "must be an event object"));
      return Optional.empty();
    }
    Optional<EventType> type = EventType.fromWire(raw.type());
    if (type.isEmpty()) {
      errors.add(new FieldError(path + ".type", "must be one of " + TYPES));
      return Optional.empty();
    }
    int before = errors.size();
    String goal = null;
    String name = null;
    if (type.get() == EventType.CONVERSION) {
      goal = required(raw.goal(), path + ".goal", errors);
    }
    if (type.get() == EventType.CUSTOM) {
      name = required(raw.name(), path + ".name", errors);
    }
    if (raw.decisionId() != null && raw.decisionId().length() > MAX_DECISION_ID) {
      errors.add(new FieldError(path + ".decisionId", "is not a decision id"));
    }
    if (raw.value() != null && !Double.isFinite(raw.value())) {
      errors.add(new FieldError(path + ".value", "must be a finite number"));
    }
    if (errors.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Event(type.get(), raw.decisionId(), goal, raw.value(), name, raw.properties()));
  }

  private static String required(String raw, String field, List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    Optional<String> clean = BehaviorKeys.name(raw);
    if (clean.isEmpty()) {
      errors.add(new FieldError(field, "must match [a-z][a-z0-9_-]{0,31} (case-insensitive)"));
      return null;
    }
    return clean.get();
  }
}
