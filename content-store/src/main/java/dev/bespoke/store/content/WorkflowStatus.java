package dev.bespoke.store.content;

import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The review workflow of slots, variants and segments. Only published content is delivered.
 *
 * <ul>
 *   <li>submit: draft → in_review (editor)
 *   <li>publish: in_review or draft → published (publisher; a publisher may approve their own draft
 *       without the review round trip)
 *   <li>unpublish: published → draft, so the content can be edited and reviewed again rather than
 *       lost to the archive
 *   <li>edit: draft, in_review or published → draft: a change always needs a new approval, and the
 *       edited content leaves delivery until it is published again
 *   <li>archive (DELETE): any → archived; archived content is read-only and comes back only by a
 *       rollback to an earlier version
 * </ul>
 */
public enum WorkflowStatus {
  DRAFT,
  IN_REVIEW,
  PUBLISHED,
  ARCHIVED;

  public static final Set<String> NAMES =
      Arrays.stream(values()).map(WorkflowStatus::wireName).collect(Collectors.toUnmodifiableSet());

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static WorkflowStatus of(String wireName) {
    return valueOf(wireName.toUpperCase(Locale.ROOT));
  }

  /** Checks a status filter from a query string. */
  public static Optional<String> filter(Optional<String> status) {
    status
        .filter(s -> !NAMES.contains(s))
        .ifPresent(
            s -> {
              throw ValidationException.of(
                  "status", "must be one of draft, in_review, published, archived");
            });
    return status;
  }

  public WorkflowStatus submit(String what) {
    require(this == DRAFT, "submit", what, "draft");
    return IN_REVIEW;
  }

  public WorkflowStatus publish(String what) {
    require(this == DRAFT || this == IN_REVIEW, "publish", what, "draft or in_review");
    return PUBLISHED;
  }

  public WorkflowStatus unpublish(String what) {
    require(this == PUBLISHED, "unpublish", what, "published");
    return DRAFT;
  }

  public WorkflowStatus edit(String what) {
    if (this == ARCHIVED) {
      throw new ConflictException(
          "cannot edit " + what + ": it is archived; roll back to a version to restore it");
    }
    return DRAFT;
  }

  private void require(boolean allowed, String step, String what, String expected) {
    if (!allowed) {
      throw new ConflictException(
          "cannot "
              + step
              + " "
              + what
              + ": it is "
              + wireName()
              + ", and "
              + step
              + " needs "
              + expected);
    }
  }
}
