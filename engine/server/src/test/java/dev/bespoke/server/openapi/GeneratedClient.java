package dev.bespoke.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Generates a Java client ({@code java} generator, {@code native} library: java.net.http and
 * Jackson, nothing else at run time) from an OpenAPI file with openapi-generator-cli in its own
 * JVM, compiles it together with the stranger's code that uses it, and loads the result.
 */
final class GeneratedClient {

  /** The jar the build copied from Maven Central (engine/server's pom). */
  private static final String GENERATOR_JAR = "bespoke.test.openapi-generator";

  static final String PACKAGE = "com.stranger.bespoke";

  private GeneratedClient() {}

  /** Runs the generator on {@code spec} into {@code out}; fails with the generator's output. */
  static void generate(Path spec, Path out) throws IOException, InterruptedException {
    String jar = System.getProperty(GENERATOR_JAR, "target/tools/openapi-generator-cli.jar");
    assertThat(Path.of(jar)).as("openapi-generator-cli, copied by the build").exists();
    Path log = out.resolveSibling("generator.log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar,
                "generate",
                "--input-spec",
                spec.toString(),
                "--generator-name",
                "java",
                "--library",
                "native",
                "--output",
                out.toString(),
                "--api-package",
                PACKAGE + ".api",
                "--model-package",
                PACKAGE + ".model",
                "--invoker-package",
                PACKAGE,
                "--additional-properties",
                "useJakartaEe=true,openApiNullable=false,hideGenerationTimestamp=true",
                "--global-property",
                "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = process.waitFor(3, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished && process.exitValue() == 0)
        .as("openapi-generator-cli succeeded; its output:%n%s", Files.readString(log))
        .isTrue();
  }

  /**
   * Compiles the generated sources and {@code extraSources} against the libraries the native client
   * needs, all found on this test's class path, and loads them.
   */
  static ClassLoader compile(Path generated, List<Path> extraSources, Path classes)
      throws IOException {
    List<Path> sources = new ArrayList<>(extraSources);
    try (Stream<Path> files = Files.walk(generated.resolve("src/main/java"))) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
    }
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK, not a JRE, runs the tests").isNotNull();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "-d",
              classes.toString(),
              "-classpath",
              libraries(),
              "-proc:none",
              "-nowarn",
              "--release",
              "17");
      boolean compiled =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      assertThat(compiled)
          .as("the generated client compiles:%n%s", diagnostics.getDiagnostics())
          .isTrue();
    }
    return new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, GeneratedClient.class.getClassLoader());
  }

  /** Jackson (core, annotations, databind, JSR-310) and Jakarta Annotations. */
  private static String libraries() {
    return Stream.of(
            ObjectMapper.class,
            JsonParser.class,
            JsonProperty.class,
            JavaTimeModule.class,
            jakarta.annotation.Nullable.class)
        .map(GeneratedClient::location)
        .distinct()
        .reduce((a, b) -> a + java.io.File.pathSeparator + b)
        .orElseThrow();
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Empties {@code dir} from an earlier run. */
  static void clean(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder())
            .forEach(
                p -> {
                  try {
                    Files.delete(p);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      }
    }
    Files.createDirectories(dir);
  }
}
