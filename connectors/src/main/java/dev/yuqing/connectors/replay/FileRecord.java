package dev.yuqing.connectors.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record read from a file: its fields, or why they could not be read.
 *
 * @param position records consumed including this one (what the cursor saves after it)
 * @param origin   file and line, for a dead-letter record
 * @param fields   the record's fields; null when unreadable
 * @param problem  why the record could not be read; null when readable
 * @param raw      the record's bytes as they stood in the file
 */
public record FileRecord(long position, String origin, ObjectNode fields, String problem, byte[] raw) {}
