package dev.yuqing.jobs.inspection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.inspection.Finding;
import dev.yuqing.core.inspection.Scorecard;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.source.SiteProbe;
import dev.yuqing.jobs.elasticsearch.Document;
import dev.yuqing.jobs.elasticsearch.DocumentMapper;
import dev.yuqing.jobs.elasticsearch.IndexPrefix;
import java.time.Instant;

/**
 * The inspection job's documents: findings, scores, message statuses and reply statistics, each
 * the latest state under a stable id, so a later update overwrites it.
 */
public final class InspectionDocuments {

    private InspectionDocuments() {}

    /** An element as its JSON, in the index and under the id its kind gives it. */
    private abstract static class JsonDocuments<T> implements DocumentMapper<T> {
        private static final long serialVersionUID = 1L;
        /** An index name, or the prefix of monthly ones. */
        final String name;

        JsonDocuments(String name) {
            this.name = IndexPrefix.check(name);
        }

        abstract String index(T element);

        abstract String id(T element);

        /** The element's fields; kinds add what dashboards need beside them. */
        ObjectNode body(T element) {
            return Json.MAPPER.valueToTree(element);
        }

        String monthly(Instant at) {
            return IndexPrefix.monthly(name, at);
        }

        @Override
        public final Document toDocument(T element) {
            try {
                return new Document(index(element), id(element), Json.MAPPER.writeValueAsBytes(body(element)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an inspection document always serialises", e);
            }
        }
    }

    /** A finding in PREFIX-yyyy.MM by first seen, id = finding id, with {@code status} open or resolved. */
    public static final class Findings extends JsonDocuments<Finding> {
        private static final long serialVersionUID = 1L;

        public Findings(String prefix) {
            super(prefix);
        }

        @Override
        String index(Finding f) {
            return monthly(f.firstSeen());
        }

        @Override
        String id(Finding f) {
            return f.id();
        }

        @Override
        ObjectNode body(Finding f) {
            return super.body(f).put("status", f.isOpen() ? "open" : "resolved");
        }
    }

    /** A target's latest score in one index, id = the target, with the vetoed rules listed. */
    public static final class Scores extends JsonDocuments<Scorecard> {
        private static final long serialVersionUID = 1L;

        public Scores(String index) {
            super(index);
        }

        @Override
        String index(Scorecard s) {
            return name;
        }

        @Override
        String id(Scorecard s) {
            return s.targetId();
        }

        @Override
        ObjectNode body(Scorecard s) {
            ObjectNode doc = super.body(s);
            doc.putPOJO("vetoes", s.vetoes());
            return doc;
        }
    }

    /** A message thread in PREFIX-yyyy.MM by the month asked, id = thread, with the reply time in hours. */
    public static final class Messages extends JsonDocuments<MessageStatus> {
        private static final long serialVersionUID = 1L;

        public Messages(String prefix) {
            super(prefix);
        }

        @Override
        String index(MessageStatus m) {
            return monthly(m.askedAt());
        }

        @Override
        String id(MessageStatus m) {
            return m.thread();
        }

        @Override
        ObjectNode body(MessageStatus m) {
            ObjectNode doc = super.body(m);
            if (m.repliedAt() != null) {
                doc.put("replyHours", (m.repliedAt().toEpochMilli() - m.askedAt().toEpochMilli()) / 3_600_000.0);
            }
            return doc;
        }
    }

    /** A unit's reply-time statistics in one index, id = the unit. */
    public static final class ReplyStats extends JsonDocuments<UnitReplyStats> {
        private static final long serialVersionUID = 1L;

        public ReplyStats(String index) {
            super(index);
        }

        @Override
        String index(UnitReplyStats s) {
            return name;
        }

        @Override
        String id(UnitReplyStats s) {
            return s.ownerUnit() == null || s.ownerUnit().isBlank() ? "(none)" : s.ownerUnit();
        }
    }

    /**
     * A site probe in PREFIX-yyyy.MM by probe time, id = site and probe time, with {@code failed},
     * {@code slow} (loaded, but in the probe rule's limit or longer) and {@code outcome} (ok, slow,
     * failed) for the availability panel.
     */
    public static final class Probes extends JsonDocuments<SiteProbe> {
        private static final long serialVersionUID = 1L;
        private final long slowMillis;

        public Probes(String prefix, long slowMillis) {
            super(prefix);
            this.slowMillis = slowMillis;
        }

        @Override
        String index(SiteProbe p) {
            return monthly(p.at());
        }

        @Override
        String id(SiteProbe p) {
            return p.siteId() + ":" + p.at();
        }

        @Override
        ObjectNode body(SiteProbe p) {
            boolean slow = !p.failed() && p.loadMillis() >= slowMillis;
            return super.body(p).put("failed", p.failed()).put("slow", slow).put("outcome", p.failed() ? "failed" : slow ? "slow" : "ok");
        }
    }
}
