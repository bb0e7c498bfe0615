package dev.bespoke.server.delivery;

import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the shape of a delivery request before any work is done for it. */
final class DeliveryRequests {

  /** API.md: 1–20 distinct slot keys in one request. */
  static final int MAX_SLOTS = 20;

  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  private DeliveryRequests() {}

  static void validate(DeliveryCall call) {
    List<FieldError> errors = new ArrayList<>();
    if (!KEY.matcher(call.space()).matches()) {
      errors.add(new FieldError("space", "must match " + KEY.pattern()));
    }
    if (call.channel() == null || call.channel().isEmpty()) {
      errors.add(new FieldError("channel", "is required"));
    } else if (!CHANNEL.matcher(call.channel()).matches()) {
      errors.add(new FieldError("channel", "must match " + CHANNEL.pattern()));
    }
    List<String> slots = call.slots();
    if (slots.isEmpty()) {
      errors.add(new FieldError("slots", "name at least one slot"));
    } else if (slots.size() > MAX_SLOTS) {
      errors.add(new FieldError("slots", "at most " + MAX_SLOTS + " slots in one request"));
    } else {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < slots.size(); i++) {
        String slot = slots.get(i);
        if (slot == null || !KEY.matcher(slot).matches()) {
          errors.add(new FieldError("slots[" + i + "]", "must match " + KEY.pattern()));
        } else if (!seen.add(slot)) {
          errors.add(new FieldError("slots[" + i + "]", "names " + slot + " twice"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
