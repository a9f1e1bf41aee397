package org.rll.core.dataset.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.dataset.format.Fixtures;

class ImageCheckTest {
  @TempDir Path dir;

  @Test
  void wholeJpegAndPngPass() {
    assertEquals(
        Optional.empty(), ImageCheck.problem(Fixtures.image(dir.resolve("a.jpg"), "jpg", 1)));
    assertEquals(
        Optional.empty(), ImageCheck.problem(Fixtures.image(dir.resolve("a.png"), "png", 1)));
  }

  @Test
  void aTruncatedJpegThatDecodesWithAWarningIsCaught() throws Exception {
    Path jpeg = Fixtures.truncate(Fixtures.image(dir.resolve("t.jpg"), "jpg", 2));
    assertNotNull(ImageIO.read(jpeg.toFile()), "plain ImageIO.read accepts the truncated file");
    assertEquals(
        Optional.of(
            "truncated or damaged: Truncated File - Missing EOI marker; Corrupt JPEG data:"
                + " premature end of data segment"),
        ImageCheck.problem(jpeg));
  }

  @Test
  void aTruncatedPngIsUndecodable() throws Exception {
    Path png = Fixtures.truncate(Fixtures.image(dir.resolve("t.png"), "png", 3));
    String reason = ImageCheck.problem(png).orElseThrow();
    assertTrue(reason.startsWith("undecodable: "), reason);
  }

  @Test
  void nonImageBytesAndMissingFilesAreNamed() {
    assertEquals(
        Optional.of("not an image: no decoder recognises its bytes"),
        ImageCheck.problem(Fixtures.text(dir.resolve("x.jpg"), "hello, not a jpeg")));
    assertEquals(Optional.of("missing file"), ImageCheck.problem(dir.resolve("absent.jpg")));
  }
}
