package dev.yuqing.connectors.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Real attachment files made in the test (POI and PDFBox come with Tika's modules), so that the
 * tests read what a site serves: a Word document, Excel workbooks old and new, PDFs plain and
 * password protected, and a damaged one. The ID numbers are made up (示范市's 公示名单).
 */
public final class AttachmentFixtures {
    /** In the workbook's second row: what the personal-data check must find in the post. */
    public static final String ID_IN_XLSX = "110105199001011234";
    public static final String ID_IN_PDF = "110105198512125678";
    public static final String MARKING_IN_DOCX = "内部资料 注意保存";

    private AttachmentFixtures() {}

    /** A Word document with one paragraph per line. */
    public static byte[] docx(String... paragraphs) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Excel 2007+ workbook with one sheet of the rows. */
    public static byte[] xlsx(List<List<String>> rows) {
        return workbook(new XSSFWorkbook(), rows);
    }

    /** An Excel 97 workbook (OLE2), the format of a Kingsoft .et file too. */
    public static byte[] xls(List<List<String>> rows) {
        return workbook(new HSSFWorkbook(), rows);
    }

    private static byte[] workbook(Workbook wb, List<List<String>> rows) {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("名单");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 公示名单 of the tests: a header row and two people with their ID numbers. */
    public static List<List<String>> roster() {
        return List.of(List.of("姓名", "身份证号码", "住址"),
                List.of("张三", ID_IN_XLSX, "示范市南湖区"),
                List.of("李四", "110105199202023456", "示范市北湖区"));
    }

    /** A one-page PDF of ASCII lines in a standard font (no font file needed). */
    public static byte[] pdf(String... lines) {
        return pdf(null, lines);
    }

    /** A PDF that opens only with {@code userPassword}. */
    public static byte[] encryptedPdf(String userPassword, String... lines) {
        return pdf(userPassword, lines);
    }

    private static byte[] pdf(String userPassword, String... lines) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -16);
                }
                content.endText();
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first half of a file: what an interrupted upload leaves on a site. */
    public static byte[] cutShort(byte[] file) {
        return Arrays.copyOf(file, file.length / 2);
    }
}
