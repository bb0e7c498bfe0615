package dev.bespoke.server.profile.store.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.ProfileOp;
import dev.bespoke.server.profile.ProfileSettings;
import dev.bespoke.server.profile.ProfileUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link ProfileUpdate} into the arguments of {@code profile-apply.lua}. */
final class UpdateEncoder {

  /**
   * How long a profile remembers the ids of the updates it applied, as the in-process store does
   * (UpdateIds): long enough for a write buffer drained after an outage to retry safely.
   */
  static final Duration UPDATE_ID_WINDOW = Duration.ofHours(1);

  private final ObjectMapper json;

  UpdateEncoder(ObjectMapper json) {
    this.json = json;
  }

  List<String> arguments(ProfileUpdate update, ProfileSettings settings) {
    List<String> args = new ArrayList<>(14 + 4 * update.ops().size());
    args.add(update.id());
    args.add(Long.toString(update.at().toEpochMilli()));
    args.add(Long.toString(settings.ttl().toMillis()));
    args.add(Long.toString(settings.sessionGap().toMillis()));
    args.add(Long.toString(settings.scoreHalfLife().toMillis()));
    args.add(update.today().toString());
    args.add(settings.oldestKeptDay(update.today()).toString());
    args.add(update.touch() ? "1" : "0");
    args.add(Long.toString(update.pageviews()));
    args.add(gate(update.gate()));
    args.add(Long.toString(UPDATE_ID_WINDOW.toMillis()));
    args.add(Integer.toString(settings.caps().counters()));
    args.add(Integer.toString(settings.caps().countersPerEvent()));
    args.add(Integer.toString(settings.caps().scores()));
    for (ProfileOp op : update.ops()) {
      encode(op, args);
    }
    return args;
  }

  private static String gate(ConsentGate gate) {
    return switch (gate) {
      case NONE -> "none";
      case GRANTED -> "granted";
      case NOT_REFUSED -> "not-refused";
    };
  }

  private void encode(ProfileOp op, List<String> args) {
    if (op instanceof ProfileOp.Count c) {
      add(args, "c", c.key(), c.day().toString(), Long.toString(c.amount()));
    } else if (op instanceof ProfileOp.AddScore s) {
      add(args, "s", s.key(), Double.toString(s.score().value()), millis(s.score().asOf()));
    } else if (op instanceof ProfileOp.Convert c) {
      add(args, "g", c.goal(), millis(c.at()), "");
    } else if (op instanceof ProfileOp.Assign a) {
      add(args, "x", a.experiment(), a.arm(), "");
    } else if (op instanceof ProfileOp.SetTrait t) {
      add(args, "t", t.name(), toJson(t.value()), "");
    } else if (op instanceof ProfileOp.ClearTraits) {
      add(args, "T", "", "", "");
    } else if (op instanceof ProfileOp.SetConsent c) {
      add(
          args,
          "k",
          flag(c.consent().personalization()),
          flag(c.consent().analytics()),
          millis(c.consent().at()));
    } else if (op instanceof ProfileOp.Reset) {
      add(args, "R", "", "", "");
    } else if (op instanceof ProfileOp.LinkCustomer l) {
      add(args, "u", l.customerId(), "", "");
    } else if (op instanceof ProfileOp.FoldVisits f) {
      String last = f.lastSeen() == null ? "" : millis(f.lastSeen()) + "|" + f.visitPageviews();
      add(
          args,
          "v",
          Long.toString(f.visits()),
          f.firstSeen() == null ? "" : millis(f.firstSeen()),
          last);
    } else {
      throw new IllegalArgumentException("unknown profile operation " + op.getClass());
    }
  }

  String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a trait value is a plain scalar", e);
    }
  }

  private static void add(List<String> args, String op, String a, String b, String c) {
    args.add(op);
    args.add(a);
    args.add(b);
    args.add(c);
  }

  private static String millis(Instant at) {
    return Long.toString(at.toEpochMilli());
  }

  private static String flag(boolean b) {
    return b ? "1" : "0";
  }
}
