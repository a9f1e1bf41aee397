package org.rll.core.dataset.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.CorruptDataException;

class CsvTest {
  private static final List<String> HEADER = List.of("a", "b");

  @Test
  void quotesOnlyFieldsThatNeedIt() {
    assertEquals(
        "plain,\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\n",
        Csv.row("plain", "x,y", "say \"hi\"", "two\nlines"));
  }

  @Test
  void readsBackWhatItWritesWithLineNumbers() {
    String csv =
        Csv.row("a", "b") + Csv.row("1", "x,y") + Csv.row("two\nlines", "q\"") + "\r\n" + "3,\r\n";
    List<LabelRecord> records = Csv.read(new StringReader(csv), "t.csv", HEADER);
    assertEquals(3, records.size());
    assertEquals(List.of("1", "x,y"), records.get(0).fields());
    assertEquals(2, records.get(0).line());
    assertEquals(List.of("two\nlines", "q\""), records.get(1).fields());
    assertEquals(3, records.get(1).line());
    assertEquals(List.of("3", ""), records.get(2).fields());
    assertEquals(6, records.get(2).line());
  }

  @Test
  void namesTheFileAndLineOfBadInput() {
    CorruptDataException header =
        assertThrows(
            CorruptDataException.class, () -> Csv.read(new StringReader("x,y\n"), "t.csv", HEADER));
    assertEquals("t.csv line 1: expected header a,b, got [x, y]", header.getMessage());
    CorruptDataException open =
        assertThrows(
            CorruptDataException.class,
            () -> Csv.read(new StringReader("a,b\n1,2\n\"never closed,3\n"), "t.csv", HEADER));
    assertEquals("t.csv line 3: quoted field never closed", open.getMessage());
    CorruptDataException after =
        assertThrows(
            CorruptDataException.class,
            () -> Csv.read(new StringReader("a,b\n\"1\"x,2\n"), "t.csv", HEADER));
    assertEquals("t.csv line 2: text after a closing quote: 'x'", after.getMessage());
  }
}
