package dev.bespoke.server.problem;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * A parser limit that a request body broke, said in Bespoke's words: the client learns which limit
 * and its value, not the library that enforced it or the method that configures it. Jackson's
 * exception carries the limit only in its message, so its opening words choose the sentence.
 */
final class JsonLimitWords {

  private JsonLimitWords() {}

  static String of(StreamConstraintsException e) {
    String original = String.valueOf(e.getOriginalMessage());
    if (original.startsWith("Document nesting depth")) {
      return "the document is nested too deep (at most "
          + JsonHardening.MAX_NESTING
          + " levels of objects and arrays)";
    }
    if (original.startsWith("Name length")) {
      return "a field name is too long (at most " + JsonHardening.MAX_NAME_LENGTH + " characters)";
    }
    if (original.startsWith("Number value length")) {
      return "a number has too many digits (at most " + JsonHardening.MAX_NUMBER_LENGTH + ")";
    }
    if (original.startsWith("String value length")) {
      return "a text value is too long";
    }
    return "the document is too large";
  }
}
