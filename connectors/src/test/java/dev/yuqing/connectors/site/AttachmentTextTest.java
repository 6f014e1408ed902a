package dev.yuqing.connectors.site;

import static dev.yuqing.connectors.site.AttachmentFixtures.ID_IN_PDF;
import static dev.yuqing.connectors.site.AttachmentFixtures.ID_IN_XLSX;
import static dev.yuqing.connectors.site.AttachmentFixtures.MARKING_IN_DOCX;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real files through Tika: the text of those it can read, the reason for those it cannot. */
class AttachmentTextTest {
    private final AttachmentText text = new AttachmentText(10_000, Duration.ofSeconds(30), "test");

    @AfterEach
    void close() {
        text.close();
    }

    private static Attachments.Link link(String fileName) {
        return new Attachments.Link(URI.create("https://www.demo.yuqing.invalid/u/" + fileName), fileName, fileName);
    }

    private Attachments.Read read(String fileName, byte[] bytes) throws InterruptedException {
        Attachments.Outcome o = text.read(link(fileName), bytes);
        assertThat(o).as(o.toString()).isInstanceOf(Attachments.Read.class);
        return (Attachments.Read) o;
    }

    private Attachments.Unread unread(String fileName, byte[] bytes) throws InterruptedException {
        Attachments.Outcome o = text.read(link(fileName), bytes);
        assertThat(o).as(o.toString()).isInstanceOf(Attachments.Unread.class);
        return (Attachments.Unread) o;
    }

    @Test
    void wordExcelAndPdfFilesGiveTheirText() throws Exception {
        assertThat(read("通知.docx", AttachmentFixtures.docx(MARKING_IN_DOCX, "各区：现将有关事项通知如下。")).text())
                .isEqualTo(MARKING_IN_DOCX + "\n各区：现将有关事项通知如下。");
        Attachments.Read roster = read("名单.xlsx", AttachmentFixtures.xlsx(AttachmentFixtures.roster()));
        assertThat(roster.text()).contains("张三\t" + ID_IN_XLSX + "\t示范市南湖区").contains("李四").doesNotContain("\n\n");
        assertThat(roster.truncated()).isFalse();
        assertThat(read("list.pdf", AttachmentFixtures.pdf("Public list 2026", "ID " + ID_IN_PDF)).text())
                .contains("Public list 2026").contains("ID " + ID_IN_PDF);
    }

    @Test
    void aKingsoftFileIsReadByWhatItIsNotByItsName() throws Exception {
        // WPS Office's .et is an OLE2 Excel workbook inside; served as application/octet-stream, named .et.
        assertThat(read("名单.et", AttachmentFixtures.xls(AttachmentFixtures.roster())).text()).contains(ID_IN_XLSX);
        // A .wps whose content is a Word 2007 document, as WPS also saves.
        assertThat(read("通知.wps", AttachmentFixtures.docx(MARKING_IN_DOCX)).text()).isEqualTo(MARKING_IN_DOCX);
    }

    @Test
    void aLongTextIsCutAtTheLimit() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            rows.add(List.of("人员" + i, "11010519900101" + String.format("%04d", i)));
        }
        Attachments.Read r = read("big.xlsx", AttachmentFixtures.xlsx(rows));
        assertThat(r.truncated()).isTrue();
        assertThat(r.text().length()).isLessThanOrEqualTo(10_000).isGreaterThan(9_000);
    }

    @Test
    void encryptedDamagedEmptyAndFakeFilesAreUnreadWithTheReason() throws Exception {
        byte[] encrypted = AttachmentFixtures.encryptedPdf("secret", "ID " + ID_IN_PDF);
        Attachments.Unread e = unread("list.pdf", encrypted);
        assertThat(e.reason()).isEqualTo("encrypted (password protected): its text cannot be read");
        assertThat(e.head()).as("the file, for the dead letter").isEqualTo(encrypted);

        assertThat(unread("通知.docx", AttachmentFixtures.cutShort(AttachmentFixtures.docx(MARKING_IN_DOCX))).reason())
                .startsWith("unreadable file (").contains("(damaged or cut short?): ");
        assertThat(unread("list.pdf", AttachmentFixtures.cutShort(AttachmentFixtures.pdf("ID " + ID_IN_PDF))).reason())
                .startsWith("unreadable file (application/pdf) (damaged or cut short?): ");
        assertThat(unread("x.pdf", new byte[0]).reason()).isEqualTo("the file is empty");
        assertThat(unread("x.pdf", "<html><body>请先登录</body></html>".getBytes(StandardCharsets.UTF_8)).reason())
                .isEqualTo("the site answered with an HTML page, not the file (a login or error page?)");
        assertThat(unread("blank.pdf", AttachmentFixtures.pdf()).reason())
                .isEqualTo("no text in the file (application/pdf) (a scanned image? text in images is not recognised)");
    }

    @Test
    void aParseOverItsTimeIsAbandoned() throws Exception {
        try (AttachmentText hasty = new AttachmentText(10_000, Duration.ofNanos(1), "hasty")) {
            Attachments.Outcome o = hasty.read(link("名单.xlsx"), AttachmentFixtures.xlsx(AttachmentFixtures.roster()));
            assertThat(o).isInstanceOf(Attachments.Unread.class);
            assertThat(((Attachments.Unread) o).reason()).isEqualTo("its text was not extracted within 0 ms "
                    + "(attachments.parse.timeout.ms); a damaged or hostile file?");
        }
    }
}
