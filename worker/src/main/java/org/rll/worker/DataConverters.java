package org.rll.worker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * The data converter every client and worker of rll uses: Temporal's default, except that JSON
 * payloads with fields this version does not know still read, so that inputs written by the
 * Temporal CLI or a newer rll start.
 */
public final class DataConverters {

  private DataConverters() {}

  /** Temporal's default converter with unknown JSON fields ignored. */
  public static DataConverter tolerant() {
    return DefaultDataConverter.newDefaultInstance()
        .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(tolerantMapper()));
  }

  /** The object mapper of {@link #tolerant()}'s JSON payloads. */
  public static ObjectMapper tolerantMapper() {
    return JacksonJsonPayloadConverter.newDefaultObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }
}
