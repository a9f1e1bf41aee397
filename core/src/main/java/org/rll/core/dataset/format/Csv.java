package org.rll.core.dataset.format;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import org.rll.core.exceptions.CorruptDataException;

/**
 * RFC 4180 CSV: comma-separated fields, a field holding a comma, quote or line break is quoted with
 * {@code "}, and a quote inside it doubled. Records end with LF or CRLF.
 */
public final class Csv {
  private Csv() {}

  /** One record as a line ending in {@code \n}, fields quoted where needed. */
  public static String row(Object... fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      String field = String.valueOf(fields[i]);
      if (field.indexOf(',') >= 0
          || field.indexOf('"') >= 0
          || field.indexOf('\n') >= 0
          || field.indexOf('\r') >= 0) {
        line.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        line.append(field);
      }
    }
    return line.append('\n').toString();
  }

  /**
   * Every record of {@code in} (blank lines skipped), the first being the header, which must equal
   * {@code header}; returns the records after it.
   */
  public static List<LabelRecord> read(Reader in, String source, List<String> header) {
    List<LabelRecord> records = new CsvParser(in, source).readAll();
    if (records.isEmpty() || !records.get(0).fields().equals(header)) {
      throw new CorruptDataException(
          String.format(
              "%s line 1: expected header %s, got %s",
              source,
              String.join(",", header),
              records.isEmpty() ? "an empty file" : records.get(0).fields()));
    }
    return records.subList(1, records.size());
  }

  /** A one-pass character parser; a record's line is the line it starts on. */
  private static final class CsvParser {
    private final Reader in;
    private final String source;
    private int line = 1;
    private int pushedBack = -2;

    CsvParser(Reader in, String source) {
      this.in = in;
      this.source = source;
    }

    List<LabelRecord> readAll() {
      List<LabelRecord> records = new ArrayList<>();
      int c;
      while ((c = read()) != -1) {
        if (c == '\n' || c == '\r') {
          continue;
        }
        unread(c);
        int start = line;
        List<String> fields = readRecord(start);
        records.add(new LabelRecord(source, start, fields));
      }
      return records;
    }

    private List<String> readRecord(int start) {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      while (true) {
        int c = read();
        if (c == '"' && field.length() == 0) {
          readQuoted(field, start);
          c = read();
          if (c != ',' && c != '\n' && c != '\r' && c != -1) {
            throw new CorruptDataException(
                source + " line " + line + ": text after a closing quote: '" + (char) c + "'");
          }
        }
        if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
        } else if (c == '\n' || c == '\r' || c == -1) {
          fields.add(field.toString());
          return fields;
        } else {
          field.append((char) c);
        }
      }
    }

    private void readQuoted(StringBuilder field, int start) {
      while (true) {
        int c = read();
        if (c == -1) {
          throw new CorruptDataException(source + " line " + start + ": quoted field never closed");
        }
        if (c == '"') {
          int next = read();
          if (next != '"') {
            unread(next);
            return;
          }
        }
        field.append((char) c);
      }
    }

    private int read() {
      int c;
      if (pushedBack != -2) {
        c = pushedBack;
        pushedBack = -2;
        return c;
      }
      try {
        c = in.read();
      } catch (CharacterCodingException e) {
        throw new CorruptDataException(source + " line " + line + ": not valid UTF-8", e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + source, e);
      }
      if (c == '\n') {
        line++;
      }
      return c;
    }

    private void unread(int c) {
      pushedBack = c;
    }
  }
}
