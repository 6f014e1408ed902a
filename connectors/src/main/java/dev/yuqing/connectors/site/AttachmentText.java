package dev.yuqing.connectors.site;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Extracts an attachment's text with Apache Tika: the type detected from the bytes (a Kingsoft WPS
 * .wps or .et file is an OLE2 Word or Excel file inside, and is read as one), files embedded in
 * it read too. Limits against hostile files: the text stops at {@code attachments.text.max.chars}
 * (the parse ends there), AutoDetectParser's SecureContentHandler ends a parse whose output grows
 * far beyond its input (zip bombs), and a parse that takes longer than
 * {@code attachments.parse.timeout.ms} is abandoned. Anything the file cannot give (encrypted,
 * damaged, no text, an HTML page served in its place) is an {@link Attachments.Unread} with the
 * reason.
 */
final class AttachmentText implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentText.class);
    /** The file bytes a dead letter carries at most. */
    static final int MAX_HEAD = 64 * 1024;

    private final Parser parser = new AutoDetectParser();
    private final int maxChars;
    private final Duration timeout;
    /** Parses run here so that one that hangs can be abandoned; a new thread replaces one still busy. */
    private final ExecutorService threads;

    AttachmentText(int maxChars, Duration timeout, String name) {
        this.maxChars = maxChars;
        this.timeout = timeout;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "yuqing-attachment-text-" + name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The text of {@code bytes}, the file {@code link} points to. */
    Attachments.Outcome read(Attachments.Link link, byte[] bytes) throws InterruptedException {
        Future<Attachments.Outcome> parse = threads.submit(() -> parse(link, bytes));
        try {
            return parse.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // An interrupt is all there is to stop it; a parser that ignores it ends on its own, its thread a daemon.
            parse.cancel(true);
            return unread(link, bytes, "its text was not extracted within " + timeout.toMillis() + " ms (attachments.parse.timeout.ms); "
                    + "a damaged or hostile file?");
        } catch (ExecutionException e) {
            // Errors a parser's bug or a hostile file can raise (StackOverflowError on deep nesting); the task goes on.
            LOG.warn("Reading the text of {} failed unexpectedly", link.url(), e.getCause());
            return unread(link, bytes, "unreadable: " + describe(e.getCause()));
        }
    }

    private Attachments.Outcome parse(Attachments.Link link, byte[] bytes) {
        BodyContentHandler handler = new BodyContentHandler(maxChars);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, link.fileName());
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser); // files embedded in the attachment are read too
        boolean truncated = false;
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            parser.parse(in, handler, metadata, context);
        } catch (ZeroByteFileException e) {
            return unread(link, bytes, "the file is empty");
        } catch (EncryptedDocumentException e) {
            return unread(link, bytes, "encrypted (password protected): its text cannot be read");
        } catch (SAXException | TikaException | IOException | RuntimeException e) {
            // Parsers may wrap the write limit's exception in their own; a cut text is still a text.
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                // Runtime exceptions too: parsers meet damaged files with all kinds; they are the file's fault, not the task's.
                return unread(link, bytes, "unreadable " + type(metadata) + " (damaged or cut short?): " + describe(e));
            }
            truncated = true;
        }
        String contentType = metadata.get(Metadata.CONTENT_TYPE);
        if (contentType != null && (contentType.startsWith("text/html") || contentType.startsWith("application/xhtml"))) {
            return unread(link, bytes, "the site answered with an HTML page, not the file (a login or error page?)");
        }
        String text = Attachments.compact(handler.toString());
        if (text.isEmpty()) {
            return unread(link, bytes, "no text in the " + type(metadata) + " (a scanned image? text in images is not recognised)");
        }
        return new Attachments.Read(link, text, truncated);
    }

    private static Attachments.Unread unread(Attachments.Link link, byte[] bytes, String reason) {
        return new Attachments.Unread(link, reason, bytes.length <= MAX_HEAD ? bytes : Arrays.copyOf(bytes, MAX_HEAD));
    }

    private static String type(Metadata metadata) {
        String t = metadata.get(Metadata.CONTENT_TYPE);
        return t == null ? "file" : "file (" + t + ")";
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        if (message.length() > 300) {
            message = message.substring(0, 299) + "…";
        }
        return (root == e ? "" : e.getClass().getSimpleName() + " caused by ") + root.getClass().getSimpleName() + message;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
