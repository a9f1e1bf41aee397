package org.rll.cli.run;

/** How {@code rll status} writes what it found. */
public enum StatusFormat {
  /** Lines for people: the database's record, then the workflow's progress or outcome. */
  TEXT {
    @Override
    String write(StatusReport report) {
      return StatusText.write(report);
    }
  },
  /** One JSON object for scripts, with null for what is not known. */
  JSON {
    @Override
    String write(StatusReport report) {
      return StatusJson.write(report);
    }
  };

  /** The whole report, ending with a line break. */
  abstract String write(StatusReport report);
}
