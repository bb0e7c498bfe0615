package dev.bespoke.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.core.testsupport.GoldenFiles;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the published bucketing vectors. The expected values in {@code golden/bucketing.json} and
 * {@code golden/assignment.json} were computed by a separate MurmurHash3 implementation (checked
 * against the algorithm's published test vectors), not by this code, so agreement here means
 * commons-codec and the documented algorithm agree.
 */
class BucketingGoldenTest {

  @TestFactory
  Stream<DynamicTest> hashes() {
    return GoldenFiles.cases("bucketing.json").stream()
        .map(c -> dynamicTest(c.get("name").textValue(), () -> checkHash(c)));
  }

  private static void checkHash(JsonNode c) {
    String salt = c.get("salt").textValue();
    String unitId = c.get("unitId").textValue();
    assertThat(c.get("hashVersion").intValue()).isEqualTo(Bucketing.HASH_VERSION);
    // The file spells out the hashed text and its bytes so a client can find which step differs.
    assertThat(salt + ":" + unitId).isEqualTo(c.get("hashedText").textValue());
    assertThat(HexFormat.of().formatHex((salt + ":" + unitId).getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(c.get("utf8Hex").textValue());
    assertThat(Bucketing.hash(salt, unitId)).isEqualTo(c.get("hash").longValue());
    assertThat(Bucketing.bucket(salt, unitId)).isEqualTo(c.get("bucket").intValue());
  }

  @TestFactory
  Stream<DynamicTest> assignments() {
    return GoldenFiles.cases("assignment.json").stream()
        .map(c -> dynamicTest(c.get("name").textValue(), () -> checkAssignment(c)));
  }

  private static void checkAssignment(JsonNode c) {
    ExperimentSpec experiment = ExperimentFixtures.fromGolden(c.get("experiment"));
    Assignment assignment = Bucketing.assign(experiment, c.get("unitId").textValue());
    assertThat(assignment.trafficBucket()).isEqualTo(c.get("trafficBucket").intValue());
    JsonNode arm = c.get("arm");
    if (arm.isNull()) {
      assertThat(assignment).isInstanceOf(Assignment.NotInExperiment.class);
      assertThat(assignment.armKey()).isEmpty();
    } else {
      assertThat(assignment).isInstanceOf(Assignment.InArm.class);
      assertThat(((Assignment.InArm) assignment).armBucket())
          .isEqualTo(c.get("armBucket").intValue());
      assertThat(assignment.armKey()).contains(arm.textValue());
    }
  }

  @Test
  void goldenFilesAreLargeEnoughToMeanSomething() {
    assertThat(GoldenFiles.cases("bucketing.json")).hasSizeGreaterThanOrEqualTo(100);
    assertThat(GoldenFiles.cases("bucketing.json"))
        .filteredOn(c -> !c.get("unitId").textValue().chars().allMatch(ch -> ch < 128))
        .hasSizeGreaterThanOrEqualTo(40);
    assertThat(GoldenFiles.cases("assignment.json")).hasSizeGreaterThanOrEqualTo(60);
  }
}
