package dev.yuqing.local.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.yuqing.connectors.govmessages.GovMessageFile;
import dev.yuqing.core.inspection.InspectionRules;
import dev.yuqing.core.inspection.WorkingCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inspection job's message tracking, replayed in event time, counts what a direct computation over the same file counts. */
class GovMessagesReplayTest {
    /** The real export the quality report is made from, where this machine has it (it is not shipped). */
    private static final Path SHARED = Path.of(System.getProperty("yuqing.root", ".."), "..", "shared", "data", "gov-messages",
            "messages_with_replies.csv");

    @TempDir
    Path work;

    @Test
    void theFixturesCountsMatchAndAreWhatTheCalendarSays() throws Exception {
        GovMessageFile.Result file = GovMessageFile.read(Path.of(getClass().getResource("/gov-messages-fixture.csv").toURI()),
                GovMessagesReplay.BOARD, null);
        GovMessagesReplay.Counts direct = GovMessagesReplay.direct(file.threads(), InspectionRules.standard(), WorkingCalendar.standard());
        GovMessagesReplay.Counts job = GovMessagesReplay.throughJob(file.threads(), InspectionRules.standard(), WorkingCalendar.standard(), work);

        assertThat(job).isEqualTo(direct);
        assertThat(job.messages()).isEqualTo(8);
        assertThat(job.answered()).as("9008's reply has no readable time").isEqualTo(7);
        // Late: 9002 (7 working days), 9003 and 9007 (across the 2019 Labour Day holiday, whose two make-up
        // Sundays count), 9004, and 9008 never answered.
        assertThat(job.withinDeadline()).isEqualTo(3);
        assertThat(job.flaggedLate()).isEqualTo(5);
        assertThat(job.flaggedUnanswered()).as("9004 answered after 3 months, 9008 never").isEqualTo(2);
        assertThat(job.replyWorkingDays().get("0")).as("9005 (reply stamped before its message) and 9006").isEqualTo(2);
        assertThat(job.replyWorkingDays().get("5")).as("9001 across the 2025 National Day holiday").isEqualTo(1);
    }

    @Test
    void theRealExportsCountsMatch() throws Exception {
        assumeTrue(Files.isReadable(SHARED), "the shared gov-messages data is not on this machine");
        GovMessageFile.Result file = GovMessageFile.read(SHARED, GovMessagesReplay.BOARD, null);
        GovMessagesReplay.Counts direct = GovMessagesReplay.direct(file.threads(), InspectionRules.standard(), WorkingCalendar.standard());
        GovMessagesReplay.Counts job = GovMessagesReplay.throughJob(file.threads(), InspectionRules.standard(), WorkingCalendar.standard(), work);
        assertThat(job).isEqualTo(direct);
        assertThat(job.messages()).isEqualTo(2816);
    }
}
