package dev.bespoke.server.demo;

import dev.bespoke.store.persona.Persona;
import dev.bespoke.store.segment.Segment;
import dev.bespoke.store.slot.Slot;
import dev.bespoke.store.space.Space;
import dev.bespoke.store.variant.Variant;
import java.util.List;

/**
 * The demo content file ({@code demo/default-space.json}): the space, then what goes in it in
 * dependency order. Each variant names its slot.
 */
record DemoContent(
    Space space,
    List<Segment> segments,
    List<Slot> slots,
    List<Variant> variants,
    List<Persona> personas) {}
