package org.rll.cli.ui.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void passwordsAndUserInformationAreRemoved() {
    assertEquals(
        "cannot connect to jdbc:postgresql://db:5432/rll?user=rll&password=***",
        Redaction.of("cannot connect to jdbc:postgresql://db:5432/rll?user=rll&password=hunter2"));
    assertEquals(
        "s3://***@bucket/key and https://***@host/x",
        Redaction.of("s3://AKIA:secret@bucket/key and https://u:p@host/x"));
    assertEquals("token=*** secret=***", Redaction.of("token=abc secret=def"));
  }

  @Test
  void textWithoutSecretsIsUnchanged() {
    assertEquals(
        "no run r1 in the results database", Redaction.of("no run r1 in the results database"));
  }
}
