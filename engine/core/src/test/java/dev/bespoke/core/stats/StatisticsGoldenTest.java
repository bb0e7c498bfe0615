package dev.bespoke.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.core.testsupport.GoldenFiles;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code golden/statistics.json}: counts and expected figures computed by a separate program
 * (Python with 30-digit mpmath special functions, the chance to beat control by numerical
 * integration instead of the closed-form sum, scipy as a second opinion). A figure matches when it
 * is within the case's relative tolerance (1e-6) or, for figures near zero, its absolute one.
 */
class StatisticsGoldenTest {

  private static final List<JsonNode> CASES = GoldenFiles.cases("statistics.json");

  @TestFactory
  Stream<DynamicTest> cases() {
    return CASES.stream().map(c -> dynamicTest(c.get("name").textValue(), () -> check(c)));
  }

  private static void check(JsonNode c) {
    switch (c.get("kind").textValue()) {
      case "comparison" -> comparison(c);
      case "srm" -> srm(c);
      case "sampleSize" -> sampleSize(c);
      case "minimumDetectableEffect" -> minimumDetectableEffect(c);
      default -> throw new AssertionError("unknown kind " + c.get("kind"));
    }
  }

  private static ArmCounts counts(String arm, JsonNode n) {
    return new ArmCounts(arm, n.get("visitors").longValue(), n.get("conversions").longValue());
  }

  private static void comparison(JsonNode c) {
    ArmCounts control = counts("control", c.get("control"));
    ArmCounts variant = counts("variant", c.get("variant"));
    double alpha = c.get("alpha").doubleValue();
    JsonNode e = c.get("expected");
    JsonNode tol = c.get("tolerance");

    Interval controlWilson = Wilson.interval(control);
    Interval variantWilson = Wilson.interval(variant);
    near(tol, "controlRate", control.rate(), e);
    near(tol, "controlWilsonLower", controlWilson.lower(), e);
    near(tol, "controlWilsonUpper", controlWilson.upper(), e);
    near(tol, "variantRate", variant.rate(), e);
    near(tol, "variantWilsonLower", variantWilson.lower(), e);
    near(tol, "variantWilsonUpper", variantWilson.upper(), e);

    near(tol, "absoluteLift", variant.rate() - control.rate(), e);
    if (e.get("relativeLift").isNull()) {
      assertThat(control.rate()).isZero();
    } else {
      near(tol, "relativeLift", (variant.rate() - control.rate()) / control.rate(), e);
    }

    FixedHorizonTest fixed = FixedHorizonTest.compare(control, variant, alpha);
    near(tol, "z", fixed.z(), e);
    near(tol, "pValue", fixed.pValue(), e);
    near(tol, "differenceLower", fixed.difference().lower(), e);
    near(tol, "differenceUpper", fixed.difference().upper(), e);
    assertThat(fixed.significant()).isEqualTo(e.get("pValue").doubleValue() < alpha);

    long[] weights = {c.get("weights").get(0).longValue(), c.get("weights").get(1).longValue()};
    SrmCheck srm = SrmCheck.test(new long[] {control.visitors(), variant.visitors()}, weights);
    near(tol, "srmChiSquare", srm.chiSquare(), e);
    near(tol, "srmPValue", srm.pValue(), e);

    near(tol, "chanceToBeatControl", ChanceToBeat.probability(control, variant), e);

    SequentialEvidence sequential =
        new AlwaysValidTest(c.get("mixtureVariance").doubleValue())
            .evaluate(control, variant, alpha);
    near(tol, "alwaysValidPValue", sequential.pValue(), e);
    near(tol, "confidenceSequenceLower", sequential.confidenceSequence().lower(), e);
    near(tol, "confidenceSequenceUpper", sequential.confidenceSequence().upper(), e);
  }

  private static void srm(JsonNode c) {
    long[] visitors = longs(c.get("visitors"));
    long[] weights = longs(c.get("weights"));
    SrmCheck srm = SrmCheck.test(visitors, weights);
    JsonNode e = c.get("expected");
    if (e.get("chiSquare").isTextual()) {
      assertThat(srm.chiSquare()).isInfinite();
    } else {
      near(c.get("tolerance"), "chiSquare", srm.chiSquare(), e);
    }
    if (!e.get("degreesOfFreedom").isNull()) {
      assertThat(srm.degreesOfFreedom()).isEqualTo(e.get("degreesOfFreedom").intValue());
    }
    near(c.get("tolerance"), "pValue", srm.pValue(), e);
    assertThat(srm.mismatch()).isEqualTo(e.get("pValue").doubleValue() < 0.001);
  }

  private static void sampleSize(JsonNode c) {
    long n =
        SampleSize.visitorsPerArm(
            c.get("baselineRate").doubleValue(),
            c.get("absoluteEffect").doubleValue(),
            c.get("alpha").doubleValue(),
            c.get("power").doubleValue());
    assertThat(n).isEqualTo(c.get("expected").get("visitorsPerArm").longValue());
  }

  private static void minimumDetectableEffect(JsonNode c) {
    OptionalDouble mde =
        SampleSize.minimumDetectableEffect(
            c.get("baselineRate").doubleValue(),
            c.get("visitorsPerArm").longValue(),
            c.get("alpha").doubleValue(),
            c.get("power").doubleValue());
    assertThat(mde).isPresent();
    near(c.get("tolerance"), "absoluteEffect", mde.getAsDouble(), c.get("expected"));
  }

  private static long[] longs(JsonNode array) {
    long[] values = new long[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).longValue();
    }
    return values;
  }

  private static void near(JsonNode tolerance, String field, double actual, JsonNode expected) {
    double want = expected.get(field).doubleValue();
    double absolute = tolerance.get("absolute").doubleValue();
    double relative = tolerance.get("relative").doubleValue();
    double error = Math.abs(actual - want);
    assertThat(error <= absolute || error <= relative * Math.abs(want))
        .as("%s: expected %s, got %s (error %s)", field, want, actual, error)
        .isTrue();
  }

  @Test
  void goldenFileCoversTheEdgesAndIsLargeEnough() {
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(200);
    assertThat(CASES)
        .filteredOn(c -> c.get("kind").textValue().equals("comparison"))
        .hasSizeGreaterThanOrEqualTo(200)
        .anyMatch(c -> c.get("control").get("conversions").longValue() == 0)
        .anyMatch(
            c ->
                c.get("variant").get("conversions").longValue()
                    == c.get("variant").get("visitors").longValue())
        .anyMatch(c -> c.get("control").get("visitors").longValue() < 5);
  }
}
