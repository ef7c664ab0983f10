package org.gridcase.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.gridcase.attachment.AttachmentRepository.Attachment;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The rules without the application: type by magic bytes, filenames, the links' markdown, the limits. */
class AttachmentRulesTest {

  @Test
  void theTypeComesFromTheFirstBytes() {
    assertThat(FileType.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).contains(FileType.JPEG);
    assertThat(FileType.detect(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0))).contains(FileType.PNG);
    assertThat(FileType.detect(ascii("GIF89a\1\0\1\0"))).contains(FileType.GIF);
    assertThat(FileType.detect(ascii("RIFF\u0024\0\0\0WEBPVP8 "))).contains(FileType.WEBP);
    assertThat(FileType.detect(ascii("RIFF\u0024\0\0\0WAVEfmt "))).as("a RIFF that is no WebP").isEmpty();
    assertThat(FileType.detect(ascii("%PDF-1.7\n"))).contains(FileType.PDF);
    assertThat(FileType.detect(ascii("<html><script>"))).isEmpty();
    assertThat(FileType.detect(bytes(0xFF, 0xD8))).as("too short").isEmpty();
    assertThat(FileType.detect(new byte[0])).isEmpty();
  }

  @Test
  void filenamesLoseTheirPathsAndInvisibleCharacters() {
    assertThat(Filenames.sanitise("C:\\Users\\王\\Desktop\\现场.jpg", FileType.JPEG)).isEqualTo("现场.jpg");
    assertThat(Filenames.sanitise("../../etc/passwd", FileType.PNG)).isEqualTo("passwd");
    assertThat(Filenames.sanitise("a\u0000b\r\nc\u202Egpj.exe", FileType.JPEG)).isEqualTo("abcgpj.exe");
    assertThat(Filenames.sanitise("what?<b>\"x\".png", FileType.PNG)).isEqualTo("what__b__x_.png");
    assertThat(Filenames.sanitise("..", FileType.PNG)).isEqualTo("附件.png");
    assertThat(Filenames.sanitise(".hidden.png", FileType.PNG)).isEqualTo("hidden.png");
    assertThat(Filenames.sanitise(null, FileType.PDF)).isEqualTo("附件.pdf");
    assertThat(Filenames.sanitise(" \u0007 ", FileType.GIF)).isEqualTo("附件.gif");
  }

  @Test
  void longFilenamesKeepTheirExtension() {
    String name = Filenames.sanitise("照".repeat(300) + ".jpeg", FileType.JPEG);
    assertThat(name).hasSize(Filenames.MAX_LENGTH).endsWith("照.jpeg");
    assertThat(Filenames.sanitise("x".repeat(200) + ".png", FileType.PNG)).hasSize(200).endsWith(".png");
    assertThat(Filenames.sanitise("x".repeat(200), FileType.PNG)).hasSize(200);
    assertThat(Filenames.sanitise("😀".repeat(201), FileType.PNG).codePoints().count()).isEqualTo(200);
  }

  @Test
  void theLinksListTheNewestFilesWithEscapedLabels() {
    assertThat(AttachmentLinks.markdown("GC-2026-000001", List.of(attachment(7, "a](javascript:x)*.png"))))
        .isEqualTo("- [a\\]\\(javascript:x\\)\\*.png](/api/attachments/7)");
    assertThat(AttachmentLinks.markdown("GC-2026-000001", List.of(attachment(8, "长".repeat(100) + ".png"))))
        .isEqualTo("- [" + "长".repeat(AttachmentLinks.LABEL_LENGTH - 1) + "…](/api/attachments/8)");

    List<Attachment> many = new ArrayList<>();
    LongStream.rangeClosed(1, 12).forEach(id -> many.add(attachment(id, id + ".jpg")));
    String links = AttachmentLinks.markdown("GC-2026-000001", many);
    assertThat(links.lines()).hasSize(AttachmentLinks.SHOWN + 1)
        .startsWith("- [3.jpg](/api/attachments/3)")
        .endsWith("- [共 12 个附件，查看全部](/api/requests/GC-2026-000001/attachments)");
    assertThat(links).doesNotContain("(/api/attachments/2)");
  }

  @Test
  void limitsDefaultToPhotosAndPdfFromEmail() {
    AttachmentProperties defaults = new AttachmentProperties(DataSize.ofMegabytes(5), null);
    Set<FileType> photos = Set.of(FileType.JPEG, FileType.PNG, FileType.GIF, FileType.WEBP);
    assertThat(defaults.allowedFor("upload")).isEqualTo(photos);
    assertThat(defaults.allowedFor("open311")).isEqualTo(photos);
    assertThat(defaults.allowedFor("email")).containsAll(photos).contains(FileType.PDF);
    assertThatThrownBy(() -> defaults.allowedFor("fax")).isInstanceOf(IllegalArgumentException.class);

    AttachmentProperties pdfUploads = new AttachmentProperties(DataSize.ofMegabytes(5),
        Map.of("upload", Set.of("image/png", "application/pdf")));
    assertThat(pdfUploads.allowedFor("upload")).containsExactly(FileType.PNG, FileType.PDF);
    assertThat(pdfUploads.allowedFor("email")).as("left out: default").contains(FileType.PDF, FileType.JPEG);
    assertThatThrownBy(() -> new AttachmentProperties(DataSize.ofMegabytes(5), Map.of("upload", Set.of("text/html"))))
        .hasMessageContaining("gridcase.attachments.allowed-types.upload").hasMessageContaining("text/html");
  }

  private static Attachment attachment(long id, String filename) {
    return new Attachment(id, 1, filename, "image/png", 10, "upload", Instant.EPOCH);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}
