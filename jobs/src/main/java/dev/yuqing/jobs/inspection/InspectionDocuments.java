package dev.yuqing.jobs.inspection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.inspection.Finding;
import dev.yuqing.core.inspection.Scorecard;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.PostTimes;
import dev.yuqing.jobs.elasticsearch.Document;
import dev.yuqing.jobs.elasticsearch.DocumentMapper;
import dev.yuqing.jobs.elasticsearch.IndexPrefix;
import java.time.format.DateTimeFormatter;

/** The inspection job's documents: findings, scores and message statuses, each the latest state under a stable id. */
public final class InspectionDocuments {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(PostTimes.CHINA);

    private InspectionDocuments() {}

    /** A finding in PREFIX-yyyy.MM by first seen, id = finding id, with {@code status} open or resolved. */
    public static final class Findings implements DocumentMapper<Finding> {
        private static final long serialVersionUID = 1L;
        private final String prefix;

        public Findings(String prefix) {
            this.prefix = IndexPrefix.check(prefix);
        }

        @Override
        public Document toDocument(Finding f) {
            ObjectNode doc = Json.MAPPER.valueToTree(f);
            doc.put("status", f.isOpen() ? "open" : "resolved");
            return new Document(prefix + "-" + MONTH.format(f.firstSeen()), f.id(), bytes(doc));
        }
    }

    /** A target's latest score in one index, id = the target, with the vetoed rules listed. */
    public static final class Scores implements DocumentMapper<Scorecard> {
        private static final long serialVersionUID = 1L;
        private final String index;

        public Scores(String index) {
            this.index = IndexPrefix.check(index);
        }

        @Override
        public Document toDocument(Scorecard s) {
            ObjectNode doc = Json.MAPPER.valueToTree(s);
            doc.putPOJO("vetoes", s.vetoes());
            return new Document(index, s.targetId(), bytes(doc));
        }
    }

    /** A message thread in PREFIX-yyyy.MM by the month asked, id = thread. */
    public static final class Messages implements DocumentMapper<MessageStatus> {
        private static final long serialVersionUID = 1L;
        private final String prefix;

        public Messages(String prefix) {
            this.prefix = IndexPrefix.check(prefix);
        }

        @Override
        public Document toDocument(MessageStatus m) {
            ObjectNode doc = Json.MAPPER.valueToTree(m);
            if (m.repliedAt() != null) {
                doc.put("replyHours", (m.repliedAt().toEpochMilli() - m.askedAt().toEpochMilli()) / 3_600_000.0);
            }
            return new Document(prefix + "-" + MONTH.format(m.askedAt()), m.thread(), bytes(doc));
        }
    }

    /** A unit's reply-time statistics in one index, id = the unit. */
    public static final class ReplyStats implements DocumentMapper<UnitReplyStats> {
        private static final long serialVersionUID = 1L;
        private final String index;

        public ReplyStats(String index) {
            this.index = IndexPrefix.check(index);
        }

        @Override
        public Document toDocument(UnitReplyStats s) {
            String id = s.ownerUnit() == null || s.ownerUnit().isBlank() ? "(none)" : s.ownerUnit();
            return new Document(index, id, bytes(Json.MAPPER.valueToTree(s)));
        }
    }

    private static byte[] bytes(ObjectNode doc) {
        try {
            return Json.MAPPER.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an inspection document always serialises", e);
        }
    }
}
