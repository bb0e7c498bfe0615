package dev.bespoke.store.slot;

import dev.bespoke.store.common.FieldErrors;
import dev.bespoke.store.common.Keys;
import java.util.List;
import java.util.Set;

/** Checks a slot from a request and fills in the defaults of absent fields. */
final class SlotValidator {

  static final Set<String> STRATEGIES = Set.of("first-match", "weighted", "bandit");

  /** Large enough for any realistic schema or template, small enough for one row. */
  static final int MAX_JSON = 65_536;

  private SlotValidator() {}

  static Slot clean(Slot in) {
    FieldErrors errors = new FieldErrors();
    errors.key("key", in.key());
    errors.requiredText("name", in.name(), 200);
    errors.maxLength("description", in.description(), 2_000);
    if (in.channels() == null || in.channels().isEmpty()) {
      errors.add("channels", "must name at least one channel");
    } else {
      errors.eachMatches("channels", in.channels(), Keys.CHANNEL, Keys.CHANNEL_RULE, 20);
    }
    errors.jsonObject("fieldsSchema", in.fieldsSchema(), MAX_JSON);
    LinkFields.checkSchema(in.fieldsSchema(), errors);
    errors.maxLength("template", in.template(), MAX_JSON);
    errors.oneOf("strategy", in.strategy(), STRATEGIES);
    errors.throwIfAny();
    return new Slot(
        in.key(),
        in.name().strip(),
        in.description(),
        List.copyOf(in.channels()),
        in.fieldsSchema() == null || in.fieldsSchema().isNull() ? null : in.fieldsSchema(),
        in.template(),
        in.strategy() == null ? "first-match" : in.strategy(),
        Boolean.TRUE.equals(in.cacheable()),
        in.status(),
        in.version());
  }
}
