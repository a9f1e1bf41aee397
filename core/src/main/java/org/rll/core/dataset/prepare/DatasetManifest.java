package org.rll.core.dataset.prepare;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rll.core.dataset.format.Csv;
import org.rll.core.dataset.format.LabelRecord;
import org.rll.core.dataset.format.Split;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.RllException;

/**
 * A prepared dataset's manifest: one row per image, as the CSV {@code
 * image_key,class_id,class_name,split}. Immutable; a class id has one name throughout.
 */
public final class DatasetManifest {
  /** The CSV header. */
  public static final List<String> HEADER = List.of("image_key", "class_id", "class_name", "split");

  private static final String SOURCE = "manifest.csv";

  private final List<ManifestRow> rows;
  private final SortedMap<Integer, String> classNames;

  /**
   * A manifest of {@code rows}, in order.
   *
   * @throws CorruptDataException when a class id appears with two names
   */
  public DatasetManifest(List<ManifestRow> rows) {
    this.rows = List.copyOf(rows);
    SortedMap<Integer, String> names = new TreeMap<>();
    for (ManifestRow row : this.rows) {
      String previous = names.putIfAbsent(row.classId(), row.className());
      if (previous != null && !previous.equals(row.className())) {
        throw new CorruptDataException(
            String.format(
                "%s: class %d is named both '%s' and '%s' (at '%s')",
                SOURCE, row.classId(), previous, row.className(), row.imageKey()));
      }
    }
    this.classNames = Collections.unmodifiableSortedMap(names);
  }

  /**
   * Parses a manifest CSV; does not close {@code in}.
   *
   * @throws CorruptDataException naming the line of a bad header or row
   */
  public static DatasetManifest read(InputStream in) {
    List<ManifestRow> rows = new ArrayList<>();
    InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    for (LabelRecord record : Csv.read(reader, SOURCE, HEADER)) {
      record.requireFields(HEADER.size());
      int classId = record.intField(1, "class_id");
      try {
        rows.add(
            new ManifestRow(
                record.field(0), classId, record.field(2), Split.parse(record.field(3))));
      } catch (RllException e) {
        throw record.error("%s", e.getMessage());
      }
    }
    return new DatasetManifest(rows);
  }

  /** The manifest as UTF-8 CSV, header first. */
  public byte[] toCsvBytes() {
    StringBuilder csv = new StringBuilder(Csv.row(HEADER.toArray()));
    for (ManifestRow row : rows) {
      csv.append(Csv.row(row.imageKey(), row.classId(), row.className(), row.split().label()));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Every row, in manifest order. */
  public List<ManifestRow> rows() {
    return rows;
  }

  /** The image keys of one split, in manifest order. */
  public List<String> imageKeys(Split split) {
    return rows.stream().filter(r -> r.split() == split).map(ManifestRow::imageKey).toList();
  }

  /** The class ids of one split's images, parallel to {@link #imageKeys(Split)}. */
  public int[] classIds(Split split) {
    return rows.stream().filter(r -> r.split() == split).mapToInt(ManifestRow::classId).toArray();
  }

  /** Every class id with its name, in id order. */
  public SortedMap<Integer, String> classNames() {
    return classNames;
  }

  /** The number of images and distinct classes of one split. */
  public SplitCounts counts(Split split) {
    int[] ids = classIds(split);
    return new SplitCounts(ids.length, (int) Arrays.stream(ids).distinct().count());
  }

  /** Image and class counts for every split. */
  public Map<Split, SplitCounts> counts() {
    Map<Split, SplitCounts> counts = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      counts.put(split, counts(split));
    }
    return Collections.unmodifiableMap(counts);
  }
}
