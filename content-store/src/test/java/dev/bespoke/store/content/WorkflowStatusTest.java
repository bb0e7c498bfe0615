package dev.bespoke.store.content;

import static dev.bespoke.store.content.WorkflowStatus.ARCHIVED;
import static dev.bespoke.store.content.WorkflowStatus.DRAFT;
import static dev.bespoke.store.content.WorkflowStatus.IN_REVIEW;
import static dev.bespoke.store.content.WorkflowStatus.PUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.ValidationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkflowStatusTest {

  @Test
  void theHappyPath() {
    assertThat(DRAFT.submit("x")).isEqualTo(IN_REVIEW);
    assertThat(IN_REVIEW.publish("x")).isEqualTo(PUBLISHED);
    assertThat(DRAFT.publish("x")).isEqualTo(PUBLISHED);
    assertThat(PUBLISHED.unpublish("x")).isEqualTo(DRAFT);
  }

  @Test
  void editsGoBackToDraftExceptFromTheArchive() {
    assertThat(PUBLISHED.edit("x")).isEqualTo(DRAFT);
    assertThat(IN_REVIEW.edit("x")).isEqualTo(DRAFT);
    assertThatThrownBy(() -> ARCHIVED.edit("slot a"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("roll back");
  }

  @Test
  void stepsThatDoNotApplyAreConflictsNamingTheStatus() {
    assertThatThrownBy(() -> IN_REVIEW.submit("slot a"))
        .isInstanceOf(ConflictException.class)
        .hasMessage("cannot submit slot a: it is in_review, and submit needs draft");
    assertThatThrownBy(() -> PUBLISHED.publish("slot a")).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> DRAFT.unpublish("slot a")).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> ARCHIVED.publish("slot a")).isInstanceOf(ConflictException.class);
  }

  @Test
  void wireNamesRoundTrip() {
    for (WorkflowStatus status : WorkflowStatus.values()) {
      assertThat(WorkflowStatus.of(status.wireName())).isEqualTo(status);
    }
    assertThat(IN_REVIEW.wireName()).isEqualTo("in_review");
  }

  @Test
  void anUnknownStatusFilterIsAFieldError() {
    assertThatThrownBy(() -> WorkflowStatus.filter(Optional.of("live")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("status"));
    assertThat(WorkflowStatus.filter(Optional.empty())).isEmpty();
  }
}
