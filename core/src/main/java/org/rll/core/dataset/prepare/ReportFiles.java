package org.rll.core.dataset.prepare;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rll.core.dataset.format.Csv;
import org.rll.core.dataset.format.LabelRecord;

/** The CSV reports beside a manifest: rejected images and excluded classes. */
final class ReportFiles {
  static final List<String> REJECTED_HEADER = List.of("path", "reason");
  static final List<String> EXCLUDED_HEADER = List.of("class_id", "class_name", "reason");

  private ReportFiles() {}

  static byte[] rejectedCsv(List<Rejection> rejections) {
    StringBuilder csv = new StringBuilder(Csv.row(REJECTED_HEADER.toArray()));
    rejections.forEach(r -> csv.append(Csv.row(r.path(), r.reason())));
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  static List<Rejection> readRejected(byte[] csv) {
    List<Rejection> rejections = new ArrayList<>();
    for (LabelRecord record : read(csv, "rejected.csv", REJECTED_HEADER)) {
      rejections.add(new Rejection(record.field(0), record.field(1)));
    }
    return rejections;
  }

  static byte[] excludedCsv(List<ExcludedClass> excluded) {
    StringBuilder csv = new StringBuilder(Csv.row(EXCLUDED_HEADER.toArray()));
    excluded.forEach(e -> csv.append(Csv.row(e.classId(), e.className(), e.reason())));
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  static List<ExcludedClass> readExcluded(byte[] csv) {
    List<ExcludedClass> excluded = new ArrayList<>();
    for (LabelRecord record : read(csv, "excluded.csv", EXCLUDED_HEADER)) {
      excluded.add(
          new ExcludedClass(record.intField(0, "class_id"), record.field(1), record.field(2)));
    }
    return excluded;
  }

  private static List<LabelRecord> read(byte[] csv, String source, List<String> header) {
    InputStreamReader in =
        new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8);
    List<LabelRecord> records = Csv.read(in, source, header);
    records.forEach(r -> r.requireFields(header.size()));
    return records;
  }
}
