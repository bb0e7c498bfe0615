package dev.bespoke.core.condition;

import java.util.List;
import java.util.Set;

/**
 * One entry of the {@link AttributeCatalog}.
 *
 * @param name the attribute, or for a family its pattern such as {@code score.<property>.<value>}
 * @param type the type its values have
 * @param description one line for editors
 * @param operators the operators that fit it
 * @param allowedValues the closed set of values, empty when open
 * @param caseInsensitive whether string comparisons ignore case
 * @param windowed whether {@code within} applies
 */
public record AttributeSpec(
    String name,
    AttributeType type,
    String description,
    Set<Operator> operators,
    List<String> allowedValues,
    boolean caseInsensitive,
    boolean windowed) {

  public AttributeSpec {
    operators = Set.copyOf(operators);
    allowedValues = List.copyOf(allowedValues);
  }

  /** Whether this entry stands for a family of attributes ({@code profile.<trait>}). */
  public boolean family() {
    return name.indexOf('<') >= 0;
  }
}
