package dev.yuqing.connectors.govmessages;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.SourceType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A message-board export with one row per citizen message and its official answer (the columns of
 * the 2020 "智慧政务" data: 留言编号, 留言用户, 留言主题, 留言时间, 留言详情, 答复意见, 答复时间),
 * read as posts: the message ({@code citizen-message}, thread {@code msg-<number>}) and, when the row
 * has one, its reply (the same source and thread, {@code replyTo} the message). A row whose number
 * or message time cannot be read is rejected with the reason; a reply without a readable time is
 * dropped from its row with the reason, and the message kept.
 */
public final class GovMessageFile {
    static final String NUMBER = "留言编号";
    static final String USER = "留言用户";
    static final String SUBJECT = "留言主题";
    static final String ASKED = "留言时间";
    static final String TEXT = "留言详情";
    static final String REPLY = "答复意见";
    static final String REPLIED = "答复时间";

    /** A message and its reply (null when unanswered). */
    public record Thread(Post message, Post reply) {
        public String id() {
            return message.threadId();
        }
    }

    /** A row or part of a row that could not be read: its line in the file and why. */
    public record Problem(long line, String reason) {}

    public record Result(List<Thread> threads, List<Problem> problems) {}

    private GovMessageFile() {}

    /**
     * Reads {@code file} (UTF-8, with the header row) as threads on the message board
     * {@code board} (the site or column id the messages were posted to) in {@code region}.
     */
    public static Result read(Path file, String board, String region) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Thread> threads = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class).with(schema).readValues(in)) {
            while (rows.hasNextValue()) {
                long line = rows.getCurrentLocation().getLineNr();
                Map<String, String> row = rows.nextValue();
                String number = row.getOrDefault(NUMBER, "").strip();
                if (number.isEmpty()) {
                    problems.add(new Problem(line, NUMBER + " is empty"));
                    continue;
                }
                Optional<Instant> asked = ChinaTimes.parse(row.get(ASKED));
                if (asked.isEmpty()) {
                    problems.add(new Problem(line, NUMBER + " " + number + ": " + ASKED + " '" + row.get(ASKED) + "' is not a time"));
                    continue;
                }
                String thread = "msg-" + number;
                Post message = new Post(thread, SourceType.CITIZEN_MESSAGE, board, row.get(USER), null, row.get(SUBJECT),
                        row.getOrDefault(TEXT, ""), asked.get(), null, region, null, thread, null);
                Post reply = null;
                String answer = row.getOrDefault(REPLY, "").strip();
                if (!answer.isEmpty()) {
                    Optional<Instant> replied = ChinaTimes.parse(row.get(REPLIED));
                    if (replied.isEmpty()) {
                        problems.add(new Problem(line, NUMBER + " " + number + ": " + REPLIED + " '" + row.get(REPLIED)
                                + "' is not a time; the message is kept without its reply"));
                    } else {
                        reply = new Post(thread + "-reply", SourceType.CITIZEN_MESSAGE, board, null, null, null, answer,
                                replied.get(), null, region, thread, thread, null);
                    }
                }
                threads.add(new Thread(message, reply));
            }
        }
        return new Result(threads, problems);
    }
}
